import { Badge, type BadgeProps } from '@mantine/core';
import type { ApplicationStatus } from '../../client/types';
import { STATUS_COLORS, STATUS_LABELS } from './statuses';

interface StatusBadgeProps extends Omit<BadgeProps, 'color' | 'children'> {
  status: ApplicationStatus;
}

/** Where an application stands, as a coloured pill. */
export function StatusBadge({ status, ...props }: StatusBadgeProps) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} radius="sm" tt="none" fw={600} {...props}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

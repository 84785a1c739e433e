import { Card, Group, Skeleton, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card of an admin page, labelled by its heading; `aside` sits at the heading's right (filters, buttons). */
export function AdminSection({
  id,
  title,
  aside,
  children,
}: {
  id: string;
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Group justify="space-between" gap="sm" align="center">
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {aside}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** Grey bars where rows will appear, announced as busy. */
export function RowsSkeleton({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <Stack gap="xs" role="status" aria-busy="true" aria-label={label}>
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} h={36} />
      ))}
    </Stack>
  );
}

import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { NotificationRead } from '../../client/types';
import { formatDateTime, relativeTime } from '../../lib/format';

interface NotificationTextProps {
  notification: NotificationRead;
  /** The title as rendered (plain text, or a link on the page). */
  title?: ReactNode;
  titleId?: string;
  lineClamp?: number;
}

/** Unread dot, title, body and "5 minutes ago": the same in the bell and on the page. */
export function NotificationText({ notification, title, titleId, lineClamp }: NotificationTextProps) {
  const unread = !notification.read_at;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <span className="notification-dot" data-read={unread ? undefined : true} aria-hidden="true" />
      <div className="notification-text">
        <Text fw={unread ? 700 : 500} size="sm" component="div">
          {unread ? (
            <>
              <span className="visually-hidden">Unread:</span>{' '}
            </>
          ) : null}
          <span id={titleId}>{title ?? notification.title}</span>
        </Text>
        {notification.body ? (
          <Text size="sm" c="dimmed" lineClamp={lineClamp} mt={2}>
            {notification.body}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed" mt={4}>
          <time dateTime={notification.created_at} title={formatDateTime(notification.created_at)}>
            {relativeTime(notification.created_at)}
          </time>
        </Text>
      </div>
    </Group>
  );
}

import { ActionIcon, Anchor, Button, Group, Popover, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../client';
import type { NotificationRead } from '../../client/types';
import { BellIcon } from '../../components/icons';
import { useRealtime } from '../../hooks/useRealtime';
import { NotificationText } from './NotificationText';
import { appPath, BELL_SIZE, useMarkAllRead, useMarkRead, useNotificationList, useUnreadCount } from './useNotifications';

/** While live updates are paused, ask for the count now and then. */
const OFFLINE_POLL_MS = 60_000;

export function bellLabel(unread: number): string {
  return unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';
}

function BellList({ onOpen }: { onOpen: (notification: NotificationRead) => void }) {
  const list = useNotificationList({ page: 1, size: BELL_SIZE, unread_only: false });
  if (list.isPending) {
    return (
      <Stack gap="sm" p="md" role="status" aria-busy="true" aria-label="Loading notifications">
        <Skeleton h={40} />
        <Skeleton h={40} />
      </Stack>
    );
  }
  if (list.isError) {
    return (
      <Stack gap="xs" p="md" role="alert">
        <Text size="sm">Could not load your notifications. {errorMessage(list.error)}</Text>
        <Button size="xs" variant="light" onClick={() => list.refetch()} loading={list.isFetching} w="fit-content">
          Try again
        </Button>
      </Stack>
    );
  }
  if (list.data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="md" ta="center">
        You're all caught up.
      </Text>
    );
  }
  return (
    <ul className="notification-list" aria-label="Latest notifications">
      {list.data.items.map((notification) => (
        <li key={notification.id}>
          <UnstyledButton
            className="notification-item"
            data-unread={notification.read_at ? undefined : true}
            onClick={() => onOpen(notification)}
          >
            <NotificationText notification={notification} lineClamp={2} />
          </UnstyledButton>
        </li>
      ))}
    </ul>
  );
}

/** The header bell: unread count, the five newest notifications, mark all read, and the way to the full list. */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const { state } = useRealtime();
  const count = useUnreadCount(state === 'offline' ? OFFLINE_POLL_MS : false);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const navigate = useNavigate();
  const titleId = useId();
  const unread = count.data?.count ?? 0;

  const open = (notification: NotificationRead) => {
    if (!notification.read_at) markRead.mutate(notification.id);
    const path = appPath(notification.data?.url);
    if (path) {
      setOpened(false);
      navigate(path);
    }
  };

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={360}
      shadow="md"
      trapFocus
      returnFocus
      withinPortal
      // The bell sits in the fixed header, always on screen: never hide the dropdown as "detached".
      hideDetached={false}
    >
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={bellLabel(unread)}
          onClick={() => setOpened((o) => !o)}
          className="bell-button"
        >
          <BellIcon size={20} />
          {unread > 0 ? (
            <span className="bell-badge" aria-hidden="true" data-testid="bell-badge">
              {unread > 99 ? '99+' : unread}
            </span>
          ) : null}
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0} aria-labelledby={titleId} maw="calc(100vw - 16px)" className="bell-dropdown">
        <Group
          justify="space-between"
          gap="xs"
          px="md"
          py="xs"
          wrap="nowrap"
          className="bell-dropdown-header"
        >
          <Text fw={700} id={titleId}>
            Notifications
          </Text>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => markAll.mutate()}
            disabled={unread === 0 && !markAll.isPending}
            loading={markAll.isPending}
          >
            Mark all as read
          </Button>
        </Group>
        {opened ? <BellList onOpen={open} /> : null}
        <Group justify="center" px="md" py="xs" className="bell-dropdown-footer">
          <Anchor component={Link} to="/notifications" size="sm" fw={600} onClick={() => setOpened(false)}>
            See all notifications
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}

import { Anchor, Box, Button, Card, Group, Loader, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type MouseEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { NotificationRead } from '../../client/types';
import { EmptyState } from '../../components/EmptyState';
import { FormError } from '../../components/FormError';
import { BellIcon, CheckIcon } from '../../components/icons';
import { pageCount, Pager } from '../../components/Pager';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { plural } from '../../lib/format';
import { NotificationText } from './NotificationText';
import { appPath, useMarkAllRead, useMarkRead, useNotificationList, useUnreadCount } from './useNotifications';

export const PAGE_SIZE = 20;

function ListSkeleton() {
  return (
    <Stack gap="sm" role="status" aria-busy="true" aria-label="Loading notifications">
      {[0, 1, 2].map((index) => (
        <Skeleton key={index} h={84} radius="md" />
      ))}
    </Stack>
  );
}

interface ItemProps {
  notification: NotificationRead;
  onMarkRead: (id: number) => void;
  marking: boolean;
}

function NotificationItem({ notification, onMarkRead, marking }: ItemProps) {
  const unread = !notification.read_at;
  const path = appPath(notification.data?.url);
  const titleId = `notification-${notification.id}-title`;
  const title = path ? (
    <Anchor component={Link} to={path} inherit onClick={() => unread && onMarkRead(notification.id)}>
      {notification.title}
    </Anchor>
  ) : (
    notification.title
  );
  // A click anywhere on an unread card reads it (a mouse shortcut; the button is the keyboard way).
  const onCardClick = (event: MouseEvent<HTMLElement>) => {
    if (!unread || (event.target as HTMLElement).closest('a, button')) return;
    onMarkRead(notification.id);
  };
  return (
    <Card
      component="li"
      padding="md"
      className="notification-card"
      data-unread={unread || undefined}
      data-clickable={unread || undefined}
      onClick={onCardClick}
    >
      <Group justify="space-between" align="flex-start" gap="sm">
        <Box miw={0} flex="1 1 240px">
          <NotificationText notification={notification} title={title} titleId={titleId} />
        </Box>
        {unread ? (
          <Button
            variant="light"
            size="xs"
            leftSection={<CheckIcon size={14} />}
            aria-describedby={titleId}
            onClick={() => onMarkRead(notification.id)}
            disabled={marking}
          >
            Mark as read
          </Button>
        ) : null}
      </Group>
    </Card>
  );
}

/** `/notifications`: everything the bell ever said, newest first, all or unread only. */
export function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const urlUnread = params.get('show') === 'unread';
  // Mirrors the URL, but changes at once: the router applies URL changes in a transition.
  const [unreadOnly, setUnreadOnly] = useState(urlUnread);
  const [seenUrlUnread, setSeenUrlUnread] = useState(urlUnread);
  if (urlUnread !== seenUrlUnread) {
    setSeenUrlUnread(urlUnread);
    setUnreadOnly(urlUnread);
  }
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useNotificationList({ page, size: PAGE_SIZE, unread_only: unreadOnly });
  const count = useUnreadCount();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = count.data?.count ?? 0;
  const total = list.data?.total ?? 0;
  const pages = pageCount(total, PAGE_SIZE);
  const pageNote = pages > 1 ? `page ${Math.min(page, pages)} of ${pages}` : '';
  // The unread count is in the header already; "All" also says how many there are in total.
  const summary = unreadOnly
    ? pageNote && `Unread, ${pageNote}.`
    : `${plural(total, 'notification')}${pageNote ? `, ${pageNote}` : ''}.`;

  const setParam = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  // Reading items can empty the last page of "Unread": step back to the last page that has any.
  const beyondLast = list.data !== undefined && !list.isPlaceholderData && page > pages;
  useEffect(() => {
    if (!beyondLast) return;
    const next = new URLSearchParams(params);
    if (pages > 1) next.set('page', String(pages));
    else next.delete('page');
    setParams(next, { replace: true });
  }, [beyondLast, pages, params, setParams]);

  return (
    <>
      <PageTitle title={unreadOnly ? 'Unread notifications' : 'Notifications'} />
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>Notifications</Title>
          <Text c="dimmed" mt={4}>
            {count.data ? (unread > 0 ? `${plural(unread, 'unread notification')}.` : 'Nothing unread.') : ' '}
          </Text>
        </div>
        <Button
          variant="default"
          leftSection={<CheckIcon size={16} />}
          onClick={() => markAll.mutate()}
          loading={markAll.isPending}
          disabled={unread === 0 && !markAll.isPending}
        >
          Mark all as read
        </Button>
      </Group>

      <FormError error={markAll.error ?? markRead.error} title="Could not mark as read" />

      <Group justify="space-between" gap="sm">
        <SegmentedControl
          aria-label="Show"
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(value) => {
            setUnreadOnly(value === 'unread');
            setParam({ show: value === 'unread' ? 'unread' : null, page: null });
          }}
          data={[
            { value: 'all', label: 'All' },
            { value: 'unread', label: 'Unread' },
          ]}
        />
        {list.isFetching && !list.isPending ? <Loader size="xs" role="status" aria-label="Updating" /> : null}
      </Group>

      {list.isPending ? (
        <ListSkeleton />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} retrying={list.isFetching} title="Could not load your notifications" />
      ) : list.data.items.length === 0 && total === 0 ? (
        unreadOnly ? (
          <EmptyState
            title="You're all caught up"
            icon={<CheckIcon size={28} />}
            actions={
              <Button
                variant="light"
                onClick={() => {
                  setUnreadOnly(false);
                  setParam({ show: null, page: null });
                }}
              >
                Show all notifications
              </Button>
            }
          >
            No unread notifications.
          </EmptyState>
        ) : (
          <EmptyState title="No notifications yet" icon={<BellIcon size={28} />}>
            When your copilot has news for you, such as a finished task, it shows up here and on the bell in the header.
          </EmptyState>
        )
      ) : (
        <Stack gap="md">
          {summary ? (
            <Text size="sm" c="dimmed">
              {summary}
            </Text>
          ) : null}
          <Stack component="ul" gap="sm" p={0} m={0} className="plain-list" aria-label="Notifications">
            {list.data.items.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                onMarkRead={(id) => markRead.mutate(id)}
                marking={markRead.isPending && markRead.variables === notification.id}
              />
            ))}
          </Stack>
          <Pager page={page} pages={pages} onChange={(next) => setParam({ page: next > 1 ? String(next) : null })} scrollToTop />
        </Stack>
      )}
    </>
  );
}

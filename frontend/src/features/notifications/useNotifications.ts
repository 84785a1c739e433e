import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type { MarkedRead, NotificationPage, UnreadCount } from '../../client/types';

export interface NotificationListQuery {
  page: number;
  size: number;
  unread_only: boolean;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (params: NotificationListQuery) => ['notifications', 'list', params] as const,
  unreadCount: () => ['notifications', 'unread-count'] as const,
};

/** The bell shows this many; the page has the rest. */
export const BELL_SIZE = 5;

/** One page of notifications, newest first. */
export function useNotificationList(params: NotificationListQuery, options: { enabled?: boolean } = {}) {
  return useQuery<NotificationPage>({
    queryKey: notificationKeys.list(params),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/notifications', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** The number on the bell. Live updates keep it current; `pollMs` covers the time they are paused. */
export function useUnreadCount(pollMs: number | false = false) {
  return useQuery<UnreadCount>({
    queryKey: notificationKeys.unreadCount(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/notifications/unread-count', { signal })),
    refetchInterval: pollMs,
  });
}

interface Snapshot {
  lists: [readonly unknown[], NotificationPage | undefined][];
  count: UnreadCount | undefined;
}

/** Mark notifications read in every cached page and lower the count, at once; returns what to restore. */
async function markReadInCache(queryClient: QueryClient, ids: number[] | 'all'): Promise<Snapshot> {
  await queryClient.cancelQueries({ queryKey: notificationKeys.all });
  const lists = queryClient.getQueriesData<NotificationPage>({ queryKey: ['notifications', 'list'] });
  const count = queryClient.getQueryData<UnreadCount>(notificationKeys.unreadCount());
  const now = new Date().toISOString();
  const hits = (id: number) => ids === 'all' || ids.includes(id);
  const newlyRead = new Set<number>();
  for (const [, data] of lists) {
    for (const item of data?.items ?? []) if (!item.read_at && hits(item.id)) newlyRead.add(item.id);
  }
  queryClient.setQueriesData<NotificationPage>({ queryKey: ['notifications', 'list'] }, (data) =>
    data
      ? { ...data, items: data.items.map((item) => (!item.read_at && hits(item.id) ? { ...item, read_at: now } : item)) }
      : data,
  );
  if (count) {
    const next = ids === 'all' ? 0 : Math.max(0, count.count - newlyRead.size);
    queryClient.setQueryData<UnreadCount>(notificationKeys.unreadCount(), { count: next });
  }
  return { lists, count };
}

function restore(queryClient: QueryClient, snapshot: Snapshot | undefined): void {
  if (!snapshot) return;
  for (const [key, data] of snapshot.lists) queryClient.setQueryData(key, data);
  if (snapshot.count) queryClient.setQueryData(notificationKeys.unreadCount(), snapshot.count);
}

/** Mark one notification read (the bell and the page show it at once; other tabs hear `notification.read`). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, number, Snapshot>({
    mutationFn: async (id) => {
      await unwrap(api.POST('/api/v1/notifications/{notification_id}/read', { params: { path: { notification_id: id } } }));
    },
    onMutate: (id) => markReadInCache(queryClient, [id]),
    onError: (_error, _id, snapshot) => restore(queryClient, snapshot),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation<MarkedRead, Error, void, Snapshot>({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onMutate: () => markReadInCache(queryClient, 'all'),
    onError: (_error, _vars, snapshot) => restore(queryClient, snapshot),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/**
 * The in-app path a notification points to (`data.url`), or null. Only paths of this app: no other sites,
 * no protocol-relative `//host`, and not the API.
 */
export function appPath(url: unknown, origin: string = window.location.origin): string | null {
  if (typeof url !== 'string' || !url.trim()) return null;
  let parsed: URL;
  try {
    parsed = new URL(url, origin);
  } catch {
    return null;
  }
  if (parsed.origin !== origin) return null;
  if (!url.startsWith('/') && !url.startsWith(origin)) return null;
  if (parsed.pathname === '/api' || parsed.pathname.startsWith('/api/')) return null;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

import { notifications } from '@mantine/notifications';
import type { RealtimeFeatureFactory } from '../../hooks/realtimeTypes';
import { num, str } from '../../hooks/realtimeTypes';
import { notificationKeys } from './useNotifications';

/** More toasts than this within TOAST_WINDOW_MS (a replay after a long absence) collapse into one (Notifications shows 3 at a time). */
const TOAST_BURST = 2;
const TOAST_WINDOW_MS = 2_000;
const MORE_TOAST_ID = 'realtime-more-notifications';

/** The bell's count and list, and a toast for each new notification (a burst collapses into one). */
export const notificationsRealtime: RealtimeFeatureFactory = ({ queryClient }) => {
  let toastTimes: number[] = [];
  let collapsed = 0;
  let collapsedAt = 0;

  const toast = (id: number | null, data: Record<string, unknown>) => {
    const now = Date.now();
    toastTimes = toastTimes.filter((at) => now - at < TOAST_WINDOW_MS);
    if (toastTimes.length >= TOAST_BURST) {
      if (now - collapsedAt > TOAST_WINDOW_MS) collapsed = 0;
      collapsed += 1;
      collapsedAt = now;
      const more = {
        id: MORE_TOAST_ID,
        title: `${collapsed} more new ${collapsed === 1 ? 'notification' : 'notifications'}`,
        message: 'Open the bell to see them all.',
        autoClose: 8000,
      };
      if (collapsed === 1) notifications.show(more);
      else notifications.update(more);
      return;
    }
    toastTimes.push(now);
    const title = str(data.title) || 'New notification';
    notifications.show({
      id: id !== null ? `notification-${id}` : undefined,
      title,
      message: str(data.body) || title,
      autoClose: 6000,
    });
  };

  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  return {
    handlers: {
      'notification.created': (event) => {
        refresh();
        toast(event.id ?? num(event.data.id), event.data);
      },
      'notification.read': () => refresh(),
    },
    catchUp: [notificationKeys.all],
  };
};

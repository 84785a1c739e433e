import { Text } from '@mantine/core';
import { useRealtime } from '../hooks/useRealtime';

/**
 * Says when live updates are paused. Empty while connecting or live; the polite live region stays mounted
 * so screen readers hear "Reconnecting…" when the connection drops.
 */
export function LiveStatus() {
  const { state } = useRealtime();
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      {state === 'offline' ? (
        <Text
          component="span"
          size="xs"
          fw={600}
          className="live-status"
          title="Live updates are paused until the connection is back"
        >
          <span className="live-status-dot" aria-hidden="true" />
          Reconnecting…
        </Text>
      ) : null}
    </div>
  );
}

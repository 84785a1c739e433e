/**
 * The tab's one WebSocket to `/api/v1/ws` (docs/decisions/004-real-time.md), without React:
 * first-frame auth, re-auth on `auth.expired`, reconnect with backoff, replay of missed notifications.
 * `RealtimeProvider` (src/hooks/useRealtime.tsx) owns one and turns its messages into cache updates.
 */
import { hasSessionHint, refreshAccessToken, tokenStore } from './index';
import type { components } from './schema';

/** `connecting`: the first connection is on its way; `live`: events flow; `offline`: lost, retrying. */
export type RealtimeState = 'connecting' | 'live' | 'offline';

/**
 * Every server message: `{"id": notification id or null, "type", "data", "ts"}`, one shape per `type`
 * (`ServerEvent` in the OpenAPI document, generated from the server's models in app/api/v1/ws.py).
 */
export type RealtimeMessage = components['schemas']['ServerEvent'];
export type RealtimeEventType = RealtimeMessage['type'];
/** The message of one type, e.g. `RealtimeEventOf<'application.updated'>`. */
export type RealtimeEventOf<T extends RealtimeEventType> = Extract<RealtimeMessage, { type: T }>;

export const POLICY_VIOLATION = 1008;
const NORMAL_CLOSURE = 1000;
/** Our own code for "the server went silent": closing a half-open socket to start over. */
const NO_HEARTBEAT = 4000;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
const DEFAULT_HEARTBEAT_SECONDS = 25;
/** Notification ids remembered for de-duplication (replay and live delivery may overlap). */
const SEEN_LIMIT = 1_000;

/**
 * Wait before reconnect attempt `attempt` (0-based): the ceiling doubles from 1 s to 30 s, and the wait is
 * drawn from its upper half ("equal jitter") so tabs that lost the server together do not return together.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Same origin as the page, `wss:` under https. */
export function realtimeUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api/v1/ws`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parse(raw: unknown): RealtimeMessage | null {
  if (typeof raw !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  // The envelope is checked here; each handler still reads `data` defensively (a server of another version may
  // send a field this build does not know, or lack one), so the cast only routes by `type`.
  return {
    id: typeof value.id === 'number' ? value.id : null,
    type: value.type,
    data: isRecord(value.data) ? value.data : {},
    ts: typeof value.ts === 'string' ? value.ts : '',
  } as RealtimeMessage;
}

export interface RealtimeHandlers {
  /** Every event worth the app's attention (not `ready`, `ping`, `pong`, `auth.*`), duplicates removed. */
  onMessage: (message: RealtimeMessage) => void;
  onState: (state: RealtimeState) => void;
  /**
   * After every `ready`, the first connection's and each reconnection's. `openedAt` (epoch ms) is when that
   * socket was opened: data fetched before it may have missed events.
   */
  onReady: (openedAt: number) => void;
}

export class RealtimeConnection {
  private socket: WebSocket | null = null;
  private state: RealtimeState = 'connecting';
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeatSeconds = DEFAULT_HEARTBEAT_SECONDS;
  private stopped = false;
  private started = false;
  private lastId: number | null = null;
  private readonly seen = new Set<number>();
  /** The token the current socket authenticated with. */
  private sentToken: string | null = null;
  private openedAt = 0;
  private readonly handlers: RealtimeHandlers;
  private readonly url: () => string;

  constructor(handlers: RealtimeHandlers, url: () => string = () => realtimeUrl()) {
    this.handlers = handlers;
    this.url = url;
  }

  /** The highest notification id this tab has seen (sent as `last_id` on reconnect). */
  get lastNotificationId(): number | null {
    return this.lastId;
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    window.addEventListener('online', this.retryNow);
    document.addEventListener('visibilitychange', this.retryNow);
    this.handlers.onState(this.state);
    this.connect();
  }

  /** Close for good (sign-out, unmount): no reconnect. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.silenceTimer);
    window.removeEventListener('online', this.retryNow);
    document.removeEventListener('visibilitychange', this.retryNow);
    const socket = this.socket;
    this.socket = null;
    if (socket) dispose(socket, NORMAL_CLOSURE, 'Signed out');
  }

  private setState(state: RealtimeState): void {
    if (state === this.state) return;
    this.state = state;
    if (!this.stopped) this.handlers.onState(state);
  }

  private connect(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (this.stopped || this.socket) return;
    // Signed in means a token; without one the session is ending and the provider is about to unmount.
    if (!tokenStore.get()) return;
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url());
    } catch {
      this.setState('offline');
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    this.openedAt = Date.now();
    socket.onopen = () => {
      if (socket !== this.socket) return;
      const token = tokenStore.get();
      if (!token) {
        this.drop(socket);
        return;
      }
      this.send(socket, this.lastId === null ? { type: 'auth', token } : { type: 'auth', token, last_id: this.lastId });
      this.sentToken = token;
      this.watchSilence(socket);
    };
    socket.onmessage = (event: MessageEvent) => this.receive(socket, event.data);
    socket.onclose = (event: CloseEvent) => this.closed(socket, event.code);
    socket.onerror = () => {
      // A close event always follows; that is where we act.
    };
  }

  private send(socket: WebSocket, frame: Record<string, unknown>): void {
    if (socket.readyState !== WebSocket.OPEN) return;
    try {
      socket.send(JSON.stringify(frame));
    } catch {
      // Closing under our feet: the close handler takes over.
    }
  }

  private receive(socket: WebSocket, raw: unknown): void {
    if (socket !== this.socket) return;
    this.watchSilence(socket);
    const message = parse(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready': {
        const heartbeat = message.data.heartbeat_seconds;
        if (typeof heartbeat === 'number' && heartbeat > 0) this.heartbeatSeconds = heartbeat;
        this.watchSilence(socket);
        this.attempt = 0;
        this.setState('live');
        this.handlers.onReady(this.openedAt);
        return;
      }
      case 'auth.expired':
        void this.reauthenticate(socket);
        return;
      case 'auth.ok':
      case 'ping':
      case 'pong':
        return;
      case 'notification.created': {
        const id = message.id ?? (typeof message.data.id === 'number' ? message.data.id : null);
        if (id !== null) {
          if (this.seen.has(id)) return;
          this.remember(id);
        }
        break;
      }
      default:
        break;
    }
    this.handlers.onMessage(message);
  }

  private remember(id: number): void {
    this.seen.add(id);
    if (this.seen.size > SEEN_LIMIT) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    if (this.lastId === null || id > this.lastId) this.lastId = id;
  }

  /** `auth.expired`: a fresh token on the same socket, within the server's 30 s grace. */
  private async reauthenticate(socket: WebSocket): Promise<void> {
    const current = tokenStore.get();
    // Another request of this tab may already have refreshed: that newer token is good to use.
    let token = current && current !== this.sentToken ? current : null;
    if (!token) {
      try {
        token = await refreshAccessToken();
      } catch {
        return; // server unreachable: it closes the socket in 30 s and we reconnect then
      }
      if (!token) {
        this.stop(); // the session is gone; the token store is cleared and the app signs out
        return;
      }
    }
    if (socket !== this.socket || this.stopped) return;
    this.send(socket, { type: 'auth', token });
    this.sentToken = token;
  }

  private closed(socket: WebSocket, code: number): void {
    if (socket !== this.socket) return;
    this.socket = null;
    clearTimeout(this.silenceTimer);
    if (this.stopped) return;
    this.setState('offline');
    if (code === POLICY_VIOLATION) {
      void this.refreshThenReconnect();
    } else {
      this.scheduleReconnect();
    }
  }

  /** Closed with 1008 (token refused or expired): a new token first, then try again. */
  private async refreshThenReconnect(): Promise<void> {
    if (!hasSessionHint()) {
      tokenStore.clear(); // no refresh cookie to use: signed out
      this.stop();
      return;
    }
    try {
      const token = await refreshAccessToken();
      if (!token) {
        this.stop();
        return;
      }
    } catch {
      // Server unreachable: back off like any lost connection.
    }
    if (!this.stopped) this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.socket || this.retryTimer !== undefined) return;
    const delay = backoffDelay(this.attempt);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  /** Back online, or the tab shown again: no point waiting out the backoff. */
  private readonly retryNow = (): void => {
    if (this.stopped || this.socket || this.retryTimer === undefined) return;
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    this.connect();
  };

  /** The server pings every `heartbeat_seconds`: twice that without a word means the socket is dead. */
  private watchSilence(socket: WebSocket): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => this.drop(socket), (this.heartbeatSeconds * 2 + 10) * 1000);
  }

  /** Give up on a socket ourselves and reconnect. */
  private drop(socket: WebSocket): void {
    if (socket !== this.socket) return;
    this.socket = null;
    clearTimeout(this.silenceTimer);
    dispose(socket, NO_HEARTBEAT, 'No heartbeat');
    if (this.stopped) return;
    this.setState('offline');
    this.scheduleReconnect();
  }
}

/** Detach and close; a socket still connecting is closed once open (closing it earlier logs a browser warning). */
function dispose(socket: WebSocket, code: number, reason: string): void {
  socket.onmessage = null;
  socket.onclose = null;
  socket.onerror = null;
  if (socket.readyState === WebSocket.CONNECTING) {
    socket.onopen = () => socket.close(code, reason);
  } else {
    socket.onopen = null;
    if (socket.readyState === WebSocket.OPEN) socket.close(code, reason);
  }
}

import { act } from '@testing-library/react';
import { vi } from 'vitest';

/**
 * A fake `WebSocket` on `globalThis` (installed for every test by setup.ts): it never touches the network.
 * Tests open it, push server messages and close it with a code; `frames` are what the app sent.
 */
export class FakeWebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;

  /** Every socket the app created in this test, oldest first. */
  static instances: FakeWebSocket[] = [];

  static latest(): FakeWebSocket {
    const socket = FakeWebSocket.instances.at(-1);
    if (!socket) throw new Error('The app opened no WebSocket');
    return socket;
  }

  readonly url: string;
  readyState = FakeWebSocket.CONNECTING;
  /** Raw strings sent by the app. */
  readonly sent: string[] = [];
  /** How the app closed it, if it did. */
  closedWith: { code?: number; reason?: string } | null = null;

  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(url: string | URL) {
    this.url = String(url);
    FakeWebSocket.instances.push(this);
  }

  /** Parsed frames sent by the app. */
  get frames(): Record<string, unknown>[] {
    return this.sent.map((raw) => JSON.parse(raw) as Record<string, unknown>);
  }

  send(data: string): void {
    if (this.readyState !== FakeWebSocket.OPEN) throw new DOMException('Not open', 'InvalidStateError');
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    if (this.readyState === FakeWebSocket.CLOSED || this.readyState === FakeWebSocket.CLOSING) return;
    this.closedWith = { code, reason };
    this.readyState = FakeWebSocket.CLOSED;
    this.onclose?.(closeEvent(code ?? 1005, reason ?? '', true));
  }

  addEventListener(): void {
    throw new Error('FakeWebSocket supports the on* handlers only');
  }

  // ---- server side (call from tests)

  /** The handshake succeeded. */
  open(): void {
    act(() => {
      this.readyState = FakeWebSocket.OPEN;
      this.onopen?.(new Event('open'));
    });
  }

  /** A server message: an envelope object (stringified) or a raw string. */
  receive(message: Record<string, unknown> | string): void {
    const data = typeof message === 'string' ? message : JSON.stringify(message);
    act(() => {
      this.onmessage?.(new MessageEvent('message', { data }));
    });
  }

  /** `ready`, as the server sends it after a good auth frame. */
  ready(heartbeatSeconds = 25): void {
    this.receive(envelope('ready', { heartbeat_seconds: heartbeatSeconds }));
  }

  /** The server (or the network) closed it: 1008 policy violation, 1006 abnormal, … */
  serverClose(code: number, reason = ''): void {
    act(() => {
      this.readyState = FakeWebSocket.CLOSED;
      this.onclose?.(closeEvent(code, reason, code !== 1006));
    });
  }
}

function closeEvent(code: number, reason: string, wasClean: boolean): CloseEvent {
  const event = new Event('close') as CloseEvent;
  Object.defineProperties(event, {
    code: { value: code },
    reason: { value: reason },
    wasClean: { value: wasClean },
  });
  return event;
}

/** A server envelope. */
export function envelope(type: string, data: Record<string, unknown> = {}, id: number | null = null) {
  return { id, type, data, ts: new Date().toISOString() };
}

export function installFakeWebSocket(): typeof FakeWebSocket {
  FakeWebSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeWebSocket);
  return FakeWebSocket;
}

import { vi } from 'vitest';

/**
 * A fake backend at the network boundary: replaces `globalThis.fetch` and
 * answers by "METHOD /path". Unknown routes answer 404 in the API's error shape.
 */
export type Handler = (request: Request) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export interface FakeServer {
  fetch: ReturnType<typeof vi.fn>;
  /** Every request seen, in order (clones, so bodies can still be read). */
  requests: Request[];
  /** Requests for one route, e.g. `server.calls('POST /api/v1/auth/refresh')`. */
  calls: (route: string) => Request[];
  on: (route: string, handler: Handler) => void;
}

export function routeOf(request: Request): string {
  return `${request.method} ${new URL(request.url).pathname}`;
}

export function installFakeServer(routes: Record<string, Handler> = {}): FakeServer {
  const table = new Map(Object.entries(routes));
  const requests: Request[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request.clone());
    const handler = table.get(routeOf(request));
    if (!handler) return json(404, { detail: `No fake for ${routeOf(request)}`, code: 'not_found' });
    return handler(request);
  });
  vi.stubGlobal('fetch', fetch);
  return {
    fetch,
    requests,
    calls: (route) => requests.filter((request) => routeOf(request) === route),
    on: (route, handler) => {
      table.set(route, handler);
    },
  };
}

/** A promise you can resolve from outside, to hold a response "in flight". */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export const AUTH_CONFIG = { allow_registration: true, password_min_length: 10, email_delivery: true };

export const USER = {
  id: 1,
  email: 'ada@example.com',
  full_name: 'Ada Lovelace',
  timezone: 'Europe/London',
  daily_application_goal: 5,
  evening_summary_hour: 20,
  evening_summary_enabled: false,
  is_admin: false,
  created_at: '2025-01-02T03:04:05Z',
};

export const PROFILE = {
  ...USER,
  pitch: '',
  needs_sponsorship: false,
  remote_only: false,
  work_location: '',
  min_salary: null as number | null,
  salary_currency: null as string | null,
  skills: [] as { name: string; source: 'manual' | 'resume' | 'llm'; level: number | null }[],
};

export const TOKEN = (access_token: string) => ({ access_token, token_type: 'bearer', expires_in: 900 });

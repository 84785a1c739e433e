import { describe, expect, it, vi } from 'vitest';
import { api, errorMessage, tokenStore, unwrap } from './index';
import { deferred, installFakeServer, json, PROFILE, TOKEN, USER } from '../test/fakeServer';

const bearer = (request: Request) => request.headers.get('Authorization');

/** A backend whose protected endpoints only accept `Bearer fresh`. */
function serverAcceptingOnly(token: string) {
  const guarded = (body: unknown) => (request: Request) =>
    bearer(request) === `Bearer ${token}`
      ? json(200, body)
      : json(401, { detail: 'Not authenticated', code: 'not_authenticated' });
  return installFakeServer({
    'GET /api/v1/users/me': guarded(PROFILE),
    'GET /api/v1/auth/me': guarded(USER),
    'PATCH /api/v1/users/me': async (request) => {
      if (bearer(request) !== `Bearer ${token}`) return json(401, { detail: 'Not authenticated', code: 'not_authenticated' });
      return json(200, { ...PROFILE, ...(await request.json()) });
    },
  });
}

describe('api client auth middleware', () => {
  it('sends the in-memory access token as a bearer header', async () => {
    const server = serverAcceptingOnly('fresh');
    tokenStore.set('fresh');
    const profile = await unwrap(api.GET('/api/v1/users/me'));
    expect(profile.email).toBe(USER.email);
    expect(bearer(server.requests[0])).toBe('Bearer fresh');
  });

  it('refreshes once for concurrent 401s (single-flight) and retries each request with the new token', async () => {
    const server = serverAcceptingOnly('fresh');
    let releaseRefresh!: () => void;
    const refreshGate = new Promise<void>((resolve) => {
      releaseRefresh = resolve;
    });
    server.on('POST /api/v1/auth/refresh', async () => {
      await refreshGate; // hold the refresh open so all three 401s pile up behind it
      return json(200, TOKEN('fresh'));
    });
    tokenStore.set('expired');

    const pending = Promise.all([
      api.GET('/api/v1/users/me'),
      api.GET('/api/v1/auth/me'),
      api.PATCH('/api/v1/users/me', { body: { full_name: 'Ada King' } }),
    ]);
    // Let the three first attempts come back 401 before the refresh completes.
    await vi.waitFor(() => expect(server.calls('POST /api/v1/auth/refresh')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    releaseRefresh();
    const [profile, me, patched] = await pending;

    expect(server.calls('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(profile.response.status).toBe(200);
    expect(me.data?.email).toBe(USER.email);
    expect(patched.data?.full_name).toBe('Ada King'); // body survived the replay
    expect(tokenStore.get()).toBe('fresh');

    const refresh = server.calls('POST /api/v1/auth/refresh')[0];
    expect(refresh.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
    expect(refresh.credentials).toBe('include');

    const retried = server.requests.filter((request) => bearer(request) === 'Bearer fresh');
    expect(retried.map((request) => request.method).sort()).toEqual(['GET', 'GET', 'PATCH']);
  });

  it('retries with a token refreshed meanwhile instead of refreshing again', async () => {
    const server = serverAcceptingOnly('fresh');
    server.on('POST /api/v1/auth/refresh', () => json(200, TOKEN('fresh')));
    const slow = deferred<Response>();
    server.on('GET /api/v1/auth/me', (request) =>
      bearer(request) === 'Bearer fresh' ? json(200, USER) : slow.promise,
    );
    tokenStore.set('expired');

    const meCall = api.GET('/api/v1/auth/me'); // sent with the old token, answer delayed
    await vi.waitFor(() => expect(server.calls('GET /api/v1/auth/me')).toHaveLength(1));
    const profile = await api.GET('/api/v1/users/me'); // 401 -> refresh -> retry
    expect(profile.response.status).toBe(200);
    slow.resolve(json(401, { detail: 'Token expired', code: 'not_authenticated' }));

    expect((await meCall).data?.email).toBe(USER.email);
    expect(server.calls('POST /api/v1/auth/refresh')).toHaveLength(1);
  });

  it('takes a cross-tab Web Lock around the refresh when the browser has one', async () => {
    const server = serverAcceptingOnly('fresh');
    server.on('POST /api/v1/auth/refresh', () => json(200, TOKEN('fresh')));
    const request = vi.fn((_name: string, callback: () => Promise<unknown>) => callback());
    Object.defineProperty(navigator, 'locks', { value: { request }, configurable: true });
    try {
      tokenStore.set('expired');
      const result = await api.GET('/api/v1/users/me');
      expect(result.response.status).toBe(200);
      expect(request).toHaveBeenCalledTimes(1);
      expect(request.mock.calls[0][0]).toBe('career-copilot:auth-refresh');
    } finally {
      delete (navigator as { locks?: unknown }).locks;
    }
  });

  it('clears the session when the refresh is refused, and surfaces the 401', async () => {
    const server = serverAcceptingOnly('fresh');
    server.on('POST /api/v1/auth/refresh', () => json(401, { detail: 'Session expired', code: 'invalid_refresh_token' }));
    tokenStore.set('expired');
    const seen: (string | null)[] = [];
    const unsubscribe = tokenStore.subscribe((token) => seen.push(token));

    const result = await api.GET('/api/v1/users/me');
    unsubscribe();

    expect(result.response.status).toBe(401);
    expect(tokenStore.get()).toBeNull();
    expect(seen).toEqual([null]);
    expect(server.calls('GET /api/v1/users/me')).toHaveLength(1); // not retried without a token
    await expect(unwrap(api.GET('/api/v1/users/me'))).rejects.toThrow('Not authenticated');
  });

  it('does not try to refresh when signing in fails', async () => {
    const server = installFakeServer({
      'POST /api/v1/auth/login': () => json(401, { detail: 'Incorrect email or password', code: 'invalid_credentials' }),
      'POST /api/v1/auth/refresh': () => json(200, TOKEN('should-not-be-used')),
    });
    const call = unwrap(api.POST('/api/v1/auth/login', { body: { email: 'a@b.co', password: 'nope' } }));
    await expect(call).rejects.toMatchObject({ status: 401, code: 'invalid_credentials', message: 'Incorrect email or password' });
    expect(server.calls('POST /api/v1/auth/refresh')).toHaveLength(0);
    expect(tokenStore.get()).toBeNull();
  });

  it('reports an unreachable server as such', async () => {
    installFakeServer();
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    const error = await unwrap(api.GET('/api/v1/users/me')).catch((e: unknown) => e);
    expect(errorMessage(error)).toBe('Cannot reach the server');
  });

  it('falls back to the HTTP status when the error body is not JSON', async () => {
    installFakeServer({
      'GET /api/v1/auth/config': () => new Response('<html>oops</html>', { status: 500, headers: { 'Content-Type': 'text/html' } }),
    });
    const error = await unwrap(api.GET('/api/v1/auth/config')).catch((e: unknown) => e);
    expect(errorMessage(error)).toBe('Something went wrong (HTTP 500)');
  });
});

describe('session hint cookie', () => {
  it('is read from document.cookie and cleared when a refresh finds no session', async () => {
    const { hasSessionHint, refreshAccessToken } = await import('./index');
    document.cookie = 'copilot_session=1; Path=/';
    expect(hasSessionHint()).toBe(true);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ detail: 'no', code: 'invalid_refresh_token' }), { status: 401 })),
    );
    expect(await refreshAccessToken()).toBeNull();
    expect(hasSessionHint()).toBe(false);
    vi.unstubAllGlobals();
  });
});

import createClient, {
  createFinalURL,
  createQuerySerializer,
  defaultPathSerializer,
  type Middleware,
} from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError } from './errors';
import { tokenStore } from './tokenStore';

export { tokenStore } from './tokenStore';
export { ApiError, errorMessage, messageFromBody, fieldErrorsFromBody, isNetworkError, NETWORK_ERROR_MESSAGE } from './errors';
export type { FieldError } from './errors';
export type { paths } from './schema';

/** Endpoints that are part of the token flow itself: a 401 there is an answer, not an expired token. */
const NO_REFRESH_PATHS = new Set<string>([
  '/api/v1/auth/login',
  '/api/v1/auth/register',
  '/api/v1/auth/refresh',
  '/api/v1/auth/logout',
  '/api/v1/auth/config',
  '/api/v1/auth/password/forgot',
  '/api/v1/auth/password/reset',
]);

/** Cookie-authenticated endpoints need this header (CSRF guard). */
const XHR_HEADERS = { 'X-Requested-With': 'XMLHttpRequest' } as const;

function defaultBaseUrl(): string {
  return typeof window !== 'undefined' && window.location?.origin ? window.location.origin : 'http://localhost';
}

/**
 * The single openapi-fetch client of the app. `fetch` is resolved at call time
 * so tests can replace `globalThis.fetch` at the network boundary.
 */
export const api = createClient<paths>({
  baseUrl: defaultBaseUrl(),
  credentials: 'include',
  fetch: (request: Request) => globalThis.fetch(request),
});

// ---------------------------------------------------------------------------
// Refresh (single-flight)

let refreshInFlight: Promise<string | null> | null = null;

/**
 * The server sets a readable `copilot_session=1` cookie beside the HttpOnly refresh cookie. Without it
 * there is no session to recover, so a first visit makes no refresh call (and logs no 401).
 */
export const SESSION_HINT_COOKIE = 'copilot_session';

export function hasSessionHint(): boolean {
  return document.cookie.split(';').some((c) => c.trim().startsWith(`${SESSION_HINT_COOKIE}=`));
}

/** Forget the session hint (the server clears it too when it ends a session). */
export function clearSessionHint(): void {
  document.cookie = `${SESSION_HINT_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
}

async function doRefresh(): Promise<string | null> {
  // A network failure rejects: we could not refresh, but we do not know the session is gone.
  const { data, response } = await api.POST('/api/v1/auth/refresh', {
    headers: XHR_HEADERS,
    credentials: 'include',
  });
  const token = response.ok ? (data?.access_token ?? null) : null;
  // Any HTTP answer is definitive: a new token, or no session (401: no/expired/reused cookie).
  if (!token) clearSessionHint();
  tokenStore.set(token);
  return token;
}

/**
 * The backend rotates the refresh cookie and treats a cookie presented twice
 * as theft (it revokes the whole session family). Two tabs refreshing at the
 * same moment would do exactly that, so tabs take turns via the Web Locks API:
 * the second tab's request leaves only after the first one's Set-Cookie landed.
 */
async function refreshAcrossTabs(): Promise<string | null> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks && typeof locks.request === 'function') {
    return await locks.request('career-copilot:auth-refresh', () => doRefresh());
  }
  return doRefresh();
}

/**
 * Exchange the refresh cookie for a new access token. Concurrent callers share
 * one request. Resolves to the new token, or to null (after clearing the stored
 * token) when the session is gone; rejects only when the server is unreachable.
 */
export function refreshAccessToken(): Promise<string | null> {
  if (!refreshInFlight) {
    refreshInFlight = refreshAcrossTabs().finally(() => {
      refreshInFlight = null;
    });
  }
  return refreshInFlight;
}

// ---------------------------------------------------------------------------
// Auth middleware: bearer header + refresh-on-401 with one retry

interface PendingRequest {
  retry: Request;
  tokenUsed: string | null;
}

const pending = new Map<string, PendingRequest>();

export const authMiddleware: Middleware = {
  onRequest({ request, schemaPath, id }) {
    const token = tokenStore.get();
    if (token && schemaPath !== '/api/v1/auth/refresh') {
      request.headers.set('Authorization', `Bearer ${token}`);
    }
    if (!NO_REFRESH_PATHS.has(schemaPath)) {
      // Keep an unconsumed copy so the request (and its body) can be replayed.
      pending.set(id, { retry: request.clone(), tokenUsed: token });
    }
    return request;
  },
  async onResponse({ response, schemaPath, id, options }) {
    const entry = pending.get(id);
    pending.delete(id);
    if (response.status !== 401 || !entry || NO_REFRESH_PATHS.has(schemaPath)) return undefined;

    // Another request may already have refreshed while this one was in flight.
    const current = tokenStore.get();
    let token: string | null;
    if (current && current !== entry.tokenUsed) {
      token = current;
    } else {
      try {
        token = await refreshAccessToken();
      } catch {
        return undefined; // server unreachable: hand back the original 401
      }
    }
    if (!token) return undefined; // session gone; the token store is already cleared
    const retry = entry.retry;
    retry.headers.set('Authorization', `Bearer ${token}`);
    return options.fetch(retry);
  },
  onError({ id }) {
    pending.delete(id);
    return undefined;
  },
};

api.use(authMiddleware);

// ---------------------------------------------------------------------------
// Helpers

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Return `data` of a successful call, or throw an ApiError carrying the server's `detail`. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, error);
  return data as T;
}

export { XHR_HEADERS };

type OAuthLoginParams = paths['/api/v1/auth/oauth/{provider}/login']['get']['parameters'];

/**
 * The address that starts signing in with a provider. It is a browser navigation
 * (the server sets a state cookie and redirects to the provider), not a fetch, so
 * the app renders it as a link; the path and query are still typed by the schema.
 */
export function oauthLoginHref(params: { path: OAuthLoginParams['path']; query?: OAuthLoginParams['query'] }): string {
  return createFinalURL('/api/v1/auth/oauth/{provider}/login', {
    baseUrl: '',
    params,
    querySerializer: createQuerySerializer(),
    pathSerializer: defaultPathSerializer,
  });
}

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { cleanNotifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { api, clearSessionHint, hasSessionHint, isNetworkError, refreshAccessToken, tokenStore, unwrap, XHR_HEADERS } from '../client';
import type { TokenResponse, UserRead } from '../client/types';
import { ServerUnreachable, Splash } from '../components/Splash';

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous' | 'unreachable';

export interface RegisterInput {
  email: string;
  password: string;
  full_name: string;
}

export interface AuthContextValue {
  status: AuthStatus;
  user: UserRead | null;
  login: (email: string, password: string) => Promise<void>;
  register: (input: RegisterInput) => Promise<void>;
  logout: () => Promise<void>;
  /**
   * Sign out in this tab only, without asking the server: for when the server has already ended the
   * session (the account was deleted and its cookies cleared).
   */
  endSession: () => void;
  /** Replace the cached user after a profile change. */
  updateUser: (user: UserRead) => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

interface AuthState {
  status: AuthStatus;
  user: UserRead | null;
}

export function browserTimezone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

async function fetchMe(): Promise<UserRead> {
  return unwrap(api.GET('/api/v1/auth/me'));
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<AuthState>({ status: 'loading', user: null });
  const [attempt, setAttempt] = useState(0);

  // On start (and on "Try again"), recover the session silently from the refresh cookie.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const token = tokenStore.get() ?? (hasSessionHint() ? await refreshAccessToken() : null);
        if (!token) {
          if (!cancelled) setState({ status: 'anonymous', user: null });
          return;
        }
        const user = await fetchMe();
        if (!cancelled) setState({ status: 'authenticated', user });
      } catch (error) {
        if (cancelled) return;
        setState({ status: isNetworkError(error) ? 'unreachable' : 'anonymous', user: null });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  // When the session is lost (refresh failed, sign-out), forget the user and all cached data.
  useEffect(
    () =>
      tokenStore.subscribe((token) => {
        if (token) return;
        queryClient.clear();
        cleanNotifications(); // toasts of the previous session must not linger on the sign-in page
        setState((previous) =>
          previous.status === 'authenticated' ? { status: 'anonymous', user: null } : previous,
        );
      }),
    [queryClient],
  );

  const startSession = useCallback(async (tokens: TokenResponse) => {
    tokenStore.set(tokens.access_token);
    try {
      const user = await fetchMe();
      setState({ status: 'authenticated', user });
    } catch (error) {
      tokenStore.clear();
      throw error;
    }
  }, []);

  const login = useCallback(
    async (email: string, password: string) => {
      const tokens = await unwrap(api.POST('/api/v1/auth/login', { body: { email, password } }));
      await startSession(tokens);
    },
    [startSession],
  );

  const register = useCallback(
    async (input: RegisterInput) => {
      const tokens = await unwrap(
        api.POST('/api/v1/auth/register', { body: { ...input, timezone: browserTimezone() } }),
      );
      await startSession(tokens);
    },
    [startSession],
  );

  /** Forget the user, the token and every cached answer in this tab. */
  const forgetSession = useCallback(() => {
    tokenStore.clear();
    queryClient.clear();
    cleanNotifications();
    setState({ status: 'anonymous', user: null });
  }, [queryClient]);

  const logout = useCallback(async () => {
    try {
      await api.POST('/api/v1/auth/logout', { headers: XHR_HEADERS, credentials: 'include' });
    } catch {
      // Offline: still forget the in-memory token locally.
    } finally {
      forgetSession();
    }
  }, [forgetSession]);

  const endSession = useCallback(() => {
    // The server already cleared its cookies; no refresh is worth trying on the next visit.
    clearSessionHint();
    forgetSession();
  }, [forgetSession]);

  const updateUser = useCallback((user: UserRead) => {
    setState((previous) => (previous.status === 'authenticated' ? { ...previous, user } : previous));
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({ status: state.status, user: state.user, login, register, logout, endSession, updateUser }),
    [state, login, register, logout, endSession, updateUser],
  );

  if (state.status === 'loading') return <Splash />;
  if (state.status === 'unreachable') {
    return (
      <ServerUnreachable
        onRetry={() => {
          setState({ status: 'loading', user: null });
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const context = useContext(AuthContext);
  if (!context) throw new Error('useAuth must be used inside <AuthProvider>');
  return context;
}

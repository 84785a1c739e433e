import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type { OAuthProvider } from '../../client/types';

export const oauthProvidersKey = ['auth', 'oauth-providers'] as const;

/**
 * The sign-in providers the operator configured (often none). Extra sign-in
 * options only: a failure must never get in the way of the password form, so it
 * is not retried and callers treat an error like an empty list.
 */
export function useOAuthProviders() {
  return useQuery<OAuthProvider[]>({
    queryKey: oauthProvidersKey,
    queryFn: () => unwrap(api.GET('/api/v1/auth/oauth/providers')),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

const KNOWN_LABELS: Record<string, string> = { google: 'Google', github: 'GitHub', linkedin: 'LinkedIn' };

/** Display name of a provider from its `name` (as the server sends it in `/oauth/complete?provider=`). */
export function providerLabel(name: string | null | undefined): string {
  if (!name) return 'the provider';
  return KNOWN_LABELS[name] ?? name.charAt(0).toUpperCase() + name.slice(1);
}

/** Only same-app paths: anything else (another origin, `//host`, `javascript:`) falls back to the dashboard. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/**
 * Used only when the server's redirect carries a code without a message; the
 * server's own `message` is always preferred.
 */
const FALLBACK_MESSAGES: Record<string, string> = {
  denied: 'Signing in was cancelled.',
  state_mismatch: 'This sign-in was started in another browser or tab. Please start again.',
  replayed: 'This sign-in link was already used. Please start again.',
  expired_flow: 'Signing in took too long. Please start again.',
  expired_code: 'Signing in took too long. Please start again.',
  invalid_id_token: 'The provider sent an answer that could not be verified. Please try again.',
  unverified_email: 'The provider has not verified your email address.',
  account_exists:
    'An account with this email already exists. Sign in with your password, then connect the provider in Settings.',
  linked_elsewhere: 'This provider account is already connected to another account.',
  already_linked: 'Another account of this provider is connected already. Disconnect it first.',
  registration_closed: 'This server does not accept new sign-ups.',
  provider_unavailable: 'The provider could not be reached. Please try again later.',
  bad_response: 'The provider sent an unexpected answer. Please try again.',
};

export function fallbackOAuthMessage(code: string | null): string {
  return (code && FALLBACK_MESSAGES[code]) || 'Signing in with the provider did not complete. Please try again.';
}

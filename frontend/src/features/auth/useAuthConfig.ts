import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type { AuthConfig } from '../../client/types';

export const authConfigKey = ['auth', 'config'] as const;

/** Public server settings: whether sign-up is open, password rules, email delivery. */
export function useAuthConfig() {
  return useQuery<AuthConfig>({
    queryKey: authConfigKey,
    queryFn: () => unwrap(api.GET('/api/v1/auth/config')),
    staleTime: 5 * 60_000,
  });
}

/** Used until the config arrives (or if it cannot be loaded). */
export const DEFAULT_PASSWORD_MIN_LENGTH = 8;

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, XHR_HEADERS } from '../../client';
import type { ConnectionsRead } from '../../client/types';

export const connectionsKey = ['users', 'me', 'connections'] as const;

/** Connected sign-in providers, the ones that can still be connected, and whether the account has a password. */
export function useConnections() {
  return useQuery<ConnectionsRead>({
    queryKey: connectionsKey,
    queryFn: () => unwrap(api.GET('/api/v1/users/me/connections')),
  });
}

/** Ask the server for the provider's authorization address, then send the browser there. */
export function useConnectProvider() {
  return useMutation({
    mutationFn: (provider: string) =>
      unwrap(
        api.POST('/api/v1/auth/oauth/{provider}/link', {
          params: { path: { provider } },
          headers: XHR_HEADERS,
          credentials: 'include',
        }),
      ),
    // A full navigation: the provider's page, then back through the server to /oauth/complete.
    onSuccess: ({ authorize_url }) => window.location.assign(authorize_url),
  });
}

export function useDisconnectProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (provider: string) =>
      unwrap(api.DELETE('/api/v1/users/me/connections/{provider}', { params: { path: { provider } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectionsKey }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type { AIStatus, ConnectionCheck } from '../../client/types';

export const aiKeys = {
  all: ['ai'] as const,
  status: ['ai', 'status'] as const,
};

/** The provider, model and host the server is configured with (never the key), and today's token use. */
export function useAIStatus() {
  return useQuery<AIStatus>({
    queryKey: aiKeys.status,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/ai/status', { signal })),
  });
}

/** One tiny request to the provider: ok with the latency, or the reason it failed (rate limited: 10 a minute). */
export function useTestConnection() {
  const queryClient = useQueryClient();
  return useMutation<ConnectionCheck, Error, void>({
    mutationFn: () => unwrap(api.POST('/api/v1/ai/test-connection')),
    // The answer says whether the provider is ready after all; the usage may have moved.
    onSettled: () => queryClient.invalidateQueries({ queryKey: aiKeys.status }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type {
  AIProviderSettingsRead,
  AIProviderSettingsUpdate,
  AIStatus,
  ConnectionCheck,
  ProviderTestResult,
} from '../../client/types';

export const aiKeys = {
  all: ['ai'] as const,
  status: ['ai', 'status'] as const,
  settings: ['ai', 'settings'] as const,
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

/** The provider settings an administrator can change (403 for everyone else: only asked when `enabled`). */
export function useAISettings(enabled: boolean) {
  return useQuery<AIProviderSettingsRead>({
    queryKey: aiKeys.settings,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/ai/settings', { signal })),
    enabled,
  });
}

/** Save the provider settings; the status (provider, model, budget) changes with them. */
export function useSaveAISettings() {
  const queryClient = useQueryClient();
  return useMutation<AIProviderSettingsRead, Error, AIProviderSettingsUpdate>({
    mutationFn: (body) => unwrap(api.PUT('/api/v1/ai/settings', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(aiKeys.settings, saved);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: aiKeys.settings }),
        queryClient.invalidateQueries({ queryKey: aiKeys.status }),
      ]);
    },
  });
}

/** Try unsaved settings: the server connects with them, lists the models and tries one structured call. */
export function useTestAISettings() {
  return useMutation<ProviderTestResult, Error, AIProviderSettingsUpdate>({
    mutationFn: (body) => unwrap(api.POST('/api/v1/ai/settings/test', { body })),
  });
}

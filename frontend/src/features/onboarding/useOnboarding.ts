import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type { OnboardingRead, OnboardingStep, SavedSearchIn, SavedSearchRead } from '../../client/types';
import { achievementKeys } from '../achievements/useAchievements';
import { analyticsKeys } from '../analytics/useAnalytics';

export const onboardingKeys = {
  all: ['onboarding'] as const,
};

export const savedSearchKeys = {
  all: ['saved-searches'] as const,
};

/** The guided setup, in order (the server's `steps` say the same). */
export const ONBOARDING_STEPS: readonly OnboardingStep[] = ['welcome', 'profile', 'skills', 'search', 'track', 'tour'];

/** Short names for the stepper. */
export const STEP_LABELS: Record<OnboardingStep, string> = {
  welcome: 'Welcome',
  profile: 'About you',
  skills: 'Skills',
  search: 'Search',
  track: 'First job',
  tour: 'Your board',
};

/** Still to do: neither finished nor skipped (the dashboard invites to it). */
export function onboardingPending(state: OnboardingRead | undefined): boolean {
  return Boolean(state && !state.finished && !state.skipped);
}

/** Where the guided setup is: the step to resume at, or finished/skipped. */
export function useOnboarding() {
  return useQuery<OnboardingRead>({
    queryKey: onboardingKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/onboarding', { signal })),
  });
}

/** Remember the step the user is on, so reloading /welcome resumes there. */
export function useSetOnboardingStep() {
  const queryClient = useQueryClient();
  return useMutation<OnboardingRead, Error, OnboardingStep>({
    mutationFn: (step) => unwrap(api.PUT('/api/v1/onboarding', { body: { step } })),
    onSuccess: (state) => queryClient.setQueryData(onboardingKeys.all, state),
  });
}

/** Finish (earns "Ready for Take-off") or skip the guided setup. */
export function useFinishOnboarding() {
  const queryClient = useQueryClient();
  return useMutation<OnboardingRead, Error, { skipped: boolean }>({
    mutationFn: (body) => unwrap(api.POST('/api/v1/onboarding/finish', { body })),
    onSuccess: (state) => {
      queryClient.setQueryData(onboardingKeys.all, state);
      void queryClient.invalidateQueries({ queryKey: achievementKeys.all });
      void queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
    },
  });
}

/** Save what the user is looking for (job sources run saved searches). */
export function useCreateSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation<SavedSearchRead, Error, SavedSearchIn>({
    mutationFn: (body) => unwrap(api.POST('/api/v1/saved-searches', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedSearchKeys.all }),
  });
}

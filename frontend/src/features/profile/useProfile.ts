import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type { ProfileRead, ProfileUpdate, SkillInput } from '../../client/types';
import { useAuth } from '../../hooks/useAuth';
import { analyticsKeys } from '../analytics/useAnalytics';
import { todayKeys } from '../dashboard/useToday';

export const profileKey = ['users', 'me'] as const;

/** The signed-in user's profile, including skills. */
export function useProfile() {
  return useQuery<ProfileRead>({
    queryKey: profileKey,
    queryFn: () => unwrap(api.GET('/api/v1/users/me')),
  });
}

export interface SaveProfileInput {
  profile: ProfileUpdate;
  skills: SkillInput[];
}

/** PATCH the profile fields, then PUT the full skill list. */
export function useSaveProfile() {
  const queryClient = useQueryClient();
  const { updateUser } = useAuth();
  return useMutation({
    mutationFn: async ({ profile, skills }: SaveProfileInput) => {
      const patched = await unwrap(api.PATCH('/api/v1/users/me', { body: profile }));
      // Keep what was saved even if the skills step fails.
      queryClient.setQueryData(profileKey, patched);
      updateUser(patched);
      return unwrap(api.PUT('/api/v1/users/me/skills', { body: { skills } }));
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(profileKey, saved);
      updateUser(saved);
    },
    // The goal or the timezone may have changed: the dashboard's "Today" counts against them.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: todayKeys.all });
    },
  });
}

/** PATCH some profile fields (the guided setup's timezone and goal). */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  const { updateUser } = useAuth();
  return useMutation<ProfileRead, Error, ProfileUpdate>({
    mutationFn: (body) => unwrap(api.PATCH('/api/v1/users/me', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(profileKey, saved);
      updateUser(saved);
    },
    // The goal and the timezone decide what "today" is and when the goal counts as met.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: todayKeys.all });
      void queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
    },
  });
}

/** PUT the full skill list (the guided setup's skills step). */
export function useReplaceSkills() {
  const queryClient = useQueryClient();
  return useMutation<ProfileRead, Error, SkillInput[]>({
    mutationFn: (skills) => unwrap(api.PUT('/api/v1/users/me/skills', { body: { skills } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(profileKey, saved);
      void queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
    },
  });
}

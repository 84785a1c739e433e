import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type { FollowIn, FollowRead, SavedSearchRead, SourceHealth } from '../../client/types';
import { savedSearchKeys } from '../onboarding/useOnboarding';

/** The Sources page refreshes itself this often while open. */
export const SOURCES_POLL_MS = 10_000;

export const sourceKeys = {
  all: ['sources'] as const,
};

export const followKeys = {
  all: ['followed-companies'] as const,
};

/** A company's own board (Greenhouse, Lever, …), as opposed to a keyword search. */
export function isCompanyBoard(source: Pick<SourceHealth, 'kind'>): boolean {
  return source.kind === 'company';
}

/** Every job board with its health: enabled, key, last success and error, rate limit. */
export function useSources(options: { poll?: boolean } = {}) {
  return useQuery<SourceHealth[]>({
    queryKey: sourceKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/sources', { signal })),
    refetchInterval: options.poll ? SOURCES_POLL_MS : false,
  });
}

/** What the user is looking for; job sources run these. */
export function useSavedSearches() {
  return useQuery<SavedSearchRead[]>({
    queryKey: savedSearchKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/saved-searches', { signal })),
  });
}

export function useDeleteSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, SavedSearchRead>({
    mutationFn: async (search) => {
      await unwrap(api.DELETE('/api/v1/saved-searches/{search_id}', { params: { path: { search_id: search.id } } }));
    },
    onSuccess: (_data, search) =>
      queryClient.setQueryData<SavedSearchRead[]>(savedSearchKeys.all, (list) => list?.filter((item) => item.id !== search.id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedSearchKeys.all }),
  });
}

/** Company boards the user follows. */
export function useFollows() {
  return useQuery<FollowRead[]>({
    queryKey: followKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/followed-companies', { signal })),
  });
}

/** Follow a company's board (404 `unknown_source`, 409 `already_following`). */
export function useFollowCompany() {
  const queryClient = useQueryClient();
  return useMutation<FollowRead, Error, FollowIn>({
    mutationFn: (body) => unwrap(api.POST('/api/v1/followed-companies', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: followKeys.all }),
  });
}

export function useUnfollowCompany() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, FollowRead>({
    mutationFn: async (follow) => {
      await unwrap(api.DELETE('/api/v1/followed-companies/{follow_id}', { params: { path: { follow_id: follow.id } } }));
    },
    onSuccess: (_data, follow) =>
      queryClient.setQueryData<FollowRead[]>(followKeys.all, (list) => list?.filter((item) => item.id !== follow.id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: followKeys.all }),
  });
}

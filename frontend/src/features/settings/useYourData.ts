import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type { AccountDelete, ExportRead, ExportStatus, ImportResult } from '../../client/types';

export const exportKeys = {
  all: ['users', 'me', 'exports'] as const,
};

/** While an export is being built, the list is asked again this often. */
export const EXPORT_POLL_MS = 2_000;

/** Still being built: the list keeps polling until none is. */
export const EXPORT_IN_PROGRESS: readonly ExportStatus[] = ['pending', 'running'];

/** Notification types that say an export finished (see useRealtime). */
export const EXPORT_NOTIFICATION_TYPES: readonly string[] = ['export.ready', 'export.failed'];

export function isExportInProgress(item: ExportRead): boolean {
  return EXPORT_IN_PROGRESS.includes(item.status);
}

/** Your recent exports, newest first; polls while one is pending or running. */
export function useExports() {
  return useQuery<ExportRead[]>({
    queryKey: exportKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/users/me/exports', { signal })),
    refetchInterval: (query) => (query.state.data?.some(isExportInProgress) ? EXPORT_POLL_MS : false),
  });
}

/** Start building a ZIP of everything of yours (202); 429 while one is already being prepared. */
export function useRequestExport() {
  const queryClient = useQueryClient();
  return useMutation<ExportRead, Error, void>({
    mutationFn: () => unwrap(api.POST('/api/v1/users/me/exports')),
    onSuccess: (created) => {
      // Shown (and polled) at once; the refetch confirms it.
      queryClient.setQueryData<ExportRead[]>(exportKeys.all, (list) => [
        created,
        ...(list ?? []).filter((item) => item.id !== created.id),
      ]);
      void queryClient.invalidateQueries({ queryKey: exportKeys.all });
    },
  });
}

/** Bring an export from another Career Copilot into this (new, empty) account, as multipart/form-data. */
export function importExport(file: File): Promise<ImportResult> {
  return unwrap(
    api.POST('/api/v1/users/me/import', {
      // The schema types the binary part as a string; the serializer sends the File itself.
      body: { file: file as unknown as string },
      bodySerializer: () => {
        const form = new FormData();
        form.append('file', file, file.name);
        return form;
      },
    }),
  );
}

export function useImportData() {
  return useMutation<ImportResult, Error, File>({ mutationFn: importExport });
}

/** Delete the account: `{password}` when it has one, else `{confirm: "delete my account"}`. 204, or 403. */
export function useDeleteAccount() {
  return useMutation<void, Error, AccountDelete>({
    mutationFn: (body) => unwrap(api.DELETE('/api/v1/users/me', { body })),
  });
}

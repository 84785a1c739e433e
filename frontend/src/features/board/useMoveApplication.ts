import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage, unwrap } from '../../client';
import type { ApplicationRead, ApplicationStatus, ApplicationUpdate, BoardRead } from '../../client/types';
import { STATUS_LABELS } from '../applications/statuses';
import { applicationKeys } from '../applications/useApplications';
import { applyMove } from './boardLogic';

export interface MoveInput {
  application: ApplicationRead;
  status: ApplicationStatus;
  position: number;
  /** Say so in a toast (menu moves); drags show it on the board already. */
  confirm?: boolean;
}

interface MoveContext {
  previous?: BoardRead;
}

/** Move a card: the board changes at once, and goes back with the server's reason if it refuses. */
export function useMoveApplication() {
  const queryClient = useQueryClient();
  const boardKey = applicationKeys.board();
  return useMutation<ApplicationRead, Error, MoveInput, MoveContext>({
    mutationFn: ({ application, status, position }) => {
      const body: ApplicationUpdate =
        status === application.status ? { position, event_note: '' } : { status, position, event_note: '' };
      return unwrap(
        api.PATCH('/api/v1/applications/{application_id}', { params: { path: { application_id: application.id } }, body }),
      );
    },
    onMutate: async ({ application, status, position }) => {
      await queryClient.cancelQueries({ queryKey: boardKey });
      const previous = queryClient.getQueryData<BoardRead>(boardKey);
      if (previous) queryClient.setQueryData<BoardRead>(boardKey, applyMove(previous, application.id, status, position));
      return { previous };
    },
    onError: (error, { application }, context) => {
      if (context?.previous) queryClient.setQueryData(boardKey, context.previous);
      notifications.show({
        color: 'red',
        title: `${application.job.title} was not moved`,
        message: errorMessage(error),
        autoClose: 8000,
      });
    },
    onSuccess: (saved, { application, confirm }) => {
      queryClient.setQueryData(applicationKeys.detail(saved.id), saved);
      if (confirm && saved.status !== application.status) {
        notifications.show({
          color: 'green',
          title: `Moved to ${STATUS_LABELS[saved.status]}`,
          message: `${application.job.title} at ${application.job.company}`,
        });
      }
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
      return queryClient.invalidateQueries({ queryKey: applicationKeys.all });
    },
  });
}

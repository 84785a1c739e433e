import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import { FormError } from '../../components/FormError';
import { applyServerFieldErrors } from '../../lib/forms';
import { applicationKeys } from '../applications/useApplications';
import { jobFormValidation } from '../jobs/jobForm';
import { jobKeys } from '../jobs/useJobs';
import { StepFooter, type StepProps } from './StepParts';

interface TrackValues {
  title: string;
  company: string;
  url: string;
}

export function TrackStep({ go, nav }: StepProps) {
  const queryClient = useQueryClient();
  const form = useForm<TrackValues>({
    initialValues: { title: '', company: '', url: '' },
    validate: { title: jobFormValidation.title, company: jobFormValidation.company, url: jobFormValidation.url },
  });
  const track = useMutation({
    mutationFn: async (values: TrackValues) => {
      const job = await unwrap(
        api.POST('/api/v1/jobs', {
          body: {
            title: values.title.trim(),
            company: values.company.trim(),
            url: values.url.trim() || null,
            location: '',
            remote_type: 'unknown',
            description: '',
          },
        }),
      );
      await unwrap(api.POST('/api/v1/applications', { body: { job_posting_id: job.id, status: 'interested', notes: '' } }));
      return job;
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: jobKeys.all });
      void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
    },
  });
  const submit = form.onSubmit((values) =>
    track.mutate(values, {
      onSuccess: (job) => {
        notifications.show({ color: 'green', title: 'Job tracked', message: `${job.title} at ${job.company} is on your board.` });
        go('tour');
      },
      onError: (error) => applyServerFieldErrors(form, error, ['title', 'company', 'url']),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>Found a posting you like? Add it here and it lands on your board, under Interested.</Text>
        <FormError error={track.error} title="The job was not tracked" />
        <TextInput label="Title" name="title" required placeholder="e.g. Backend Engineer" {...form.getInputProps('title')} />
        <TextInput label="Company" name="company" required autoComplete="organization" {...form.getInputProps('company')} />
        <TextInput
          label="Job URL"
          name="url"
          type="url"
          description="Optional: where the posting lives."
          placeholder="https://"
          {...form.getInputProps('url')}
        />
        <StepFooter nav={nav}>
          <Button variant="default" onClick={() => go('tour')}>
            I'll do this later
          </Button>
          <Button type="submit" loading={track.isPending}>
            Track this job
          </Button>
        </StepFooter>
      </Stack>
    </form>
  );
}

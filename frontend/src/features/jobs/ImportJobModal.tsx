import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../client';
import { useImportJob } from './useJobs';

/**
 * Why the link was not imported: the server's `detail` (400 `url_import_failed` says it plainly); for a 422 the
 * message about the link itself, without the field-name prefix the combined `detail` carries.
 */
export function importErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 422) {
    const url = error.fieldErrors.find((entry) => entry.field === 'url');
    if (url) return url.message;
  }
  return errorMessage(error);
}

interface ImportJobModalProps {
  opened: boolean;
  onClose: () => void;
}

/** "Import from link": paste a posting's address, the server reads it, and the new job opens. */
export function ImportJobModal({ opened, onClose }: ImportJobModalProps) {
  const navigate = useNavigate();
  const importJob = useImportJob();
  const [url, setUrl] = useState('');
  const [missing, setMissing] = useState(false);

  const close = () => {
    importJob.reset();
    setUrl('');
    setMissing(false);
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (importJob.isPending) return;
    const link = url.trim();
    if (!link) {
      setMissing(true);
      return;
    }
    importJob.mutate(
      { url: link },
      {
        onSuccess: (job) => {
          close();
          notifications.show({ color: 'green', title: 'Job imported', message: `${job.title} at ${job.company}` });
          navigate(`/jobs/${job.id}`);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="Import a job from a link" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            Paste the address of a job posting. It works for Greenhouse, Lever and Ashby links, and for career pages
            that publish job posting data; the job is added to your jobs, only you see it.
          </Text>
          {importJob.error ? (
            <Alert color="red" variant="light" role="alert" title="The job was not imported">
              {importErrorMessage(importJob.error)}
            </Alert>
          ) : null}
          <TextInput
            label="Job link"
            name="url"
            type="url"
            inputMode="url"
            placeholder="https://boards.greenhouse.io/company/jobs/123"
            autoComplete="off"
            required
            data-autofocus
            value={url}
            error={missing ? 'Paste the link of a job posting' : undefined}
            onChange={(event) => {
              setUrl(event.currentTarget.value);
              setMissing(false);
              if (importJob.isError) importJob.reset();
            }}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={importJob.isPending}>
              Import
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Badge, Box, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../client';
import type { ResumeStatus, ResumeSummary } from '../../client/types';
import { FormError } from '../../components/FormError';
import { formatBytes, formatDateTime, plural } from '../../lib/format';
import { useDeleteResume, useDownloadResume } from './useResumes';

const STATUS_LABELS: Record<ResumeStatus, string> = {
  uploaded: 'Uploaded',
  reading: 'Reading',
  extracting: 'Finding skills',
  ready: 'Ready',
  failed: 'Failed',
};

const STATUS_COLORS: Record<ResumeStatus, string> = {
  uploaded: 'cyan',
  reading: 'blue',
  extracting: 'blue',
  ready: 'green',
  failed: 'red',
};

function detail(resume: ResumeSummary): string {
  const parts = [formatBytes(resume.size_bytes)];
  if (resume.status === 'ready') parts.push(plural(resume.skills_count, 'skill'));
  if (resume.reviewed_at) parts.push('reviewed');
  return parts.join(' · ');
}

interface DeleteResumeDialogProps {
  resume: ResumeSummary | null;
  onClose: () => void;
  onDeleted: (id: number) => void;
}

function DeleteResumeDialog({ resume, onClose, onDeleted }: DeleteResumeDialogProps) {
  const remove = useDeleteResume();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={resume !== null} onClose={close} title="Delete this resume?" centered>
      <Stack gap="md">
        <Text size="sm" className="wrap-anywhere">
          “{resume?.filename}” and what was read from it are removed. Skills you already added to your profile stay.
        </Text>
        <FormError error={remove.error} title="The resume was not deleted" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => {
              if (!resume) return;
              remove.mutate(resume.id, {
                onSuccess: () => {
                  notifications.show({ color: 'green', title: 'Resume deleted', message: resume.filename });
                  onDeleted(resume.id);
                  close();
                },
              });
            }}
          >
            Delete resume
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface ResumeListProps {
  items: ResumeSummary[];
  /** Open a resume's progress or review in the card. */
  onOpen: (id: number) => void;
  onDeleted: (id: number) => void;
}

/** Earlier resumes: download the file, look at the review again, or delete one (after a confirmation). */
export function ResumeList({ items, onOpen, onDeleted }: ResumeListProps) {
  const download = useDownloadResume();
  const [deleting, setDeleting] = useState<ResumeSummary | null>(null);

  const save = (resume: ResumeSummary) =>
    download.mutate(resume, {
      onError: (error) =>
        notifications.show({ color: 'red', title: 'The file could not be downloaded', message: errorMessage(error) }),
    });

  return (
    <>
      <Stack component="ul" gap="sm" aria-label="Your resumes" className="plain-list" m={0} p={0}>
        {items.map((resume) => (
          <Group component="li" key={resume.id} justify="space-between" gap="sm" wrap="wrap">
            <Box miw={0} flex="1 1 14rem">
              <Group gap="xs" wrap="nowrap">
                <Text fw={600} size="sm" truncate title={resume.filename}>
                  {resume.filename}
                </Text>
                <Badge variant="light" color={STATUS_COLORS[resume.status]} radius="sm" tt="none" fw={600}>
                  {STATUS_LABELS[resume.status]}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                <time dateTime={resume.created_at}>{formatDateTime(resume.created_at)}</time> · {detail(resume)}
              </Text>
            </Box>
            <Group gap="xs">
              <Button size="xs" variant="subtle" onClick={() => onOpen(resume.id)}>
                {resume.status === 'ready' ? 'Review ' : 'Show '}
                <span className="visually-hidden">{resume.filename}</span>
              </Button>
              <Button
                size="xs"
                variant="subtle"
                onClick={() => save(resume)}
                loading={download.isPending && download.variables?.id === resume.id}
              >
                Download <span className="visually-hidden">{resume.filename}</span>
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(resume)}>
                Delete <span className="visually-hidden">{resume.filename}</span>
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
      <DeleteResumeDialog resume={deleting} onClose={() => setDeleting(null)} onDeleted={onDeleted} />
    </>
  );
}

import { Anchor, Badge, Box, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { DocumentKind, DocumentRead, DocumentStatus } from '../../client/types';
import { FormError } from '../../components/FormError';
import { QueryError } from '../../components/QueryError';
import { relativeTime } from '../../lib/format';
import { DataSentNote } from '../ai/ProviderNote';
import { useStartInterview } from '../interviews/useInterviews';
import { GenerateDocumentModal } from './GenerateDocumentModal';
import { KIND_LABELS, useDocumentList } from './useDocuments';

/** Questions in a practice session (the server allows 5–8). */
export const QUESTION_COUNT = 6;

/** How many of the job's documents the card lists. */
export const JOB_DOCUMENTS_SIZE = 5;

export const STATUS_LABELS: Record<DocumentStatus, string> = {
  generating: 'Writing…',
  ready: 'Ready',
  failed: 'Failed',
  cancelled: 'Stopped',
};

export const STATUS_COLORS: Record<DocumentStatus, string> = {
  generating: 'blue',
  ready: 'green',
  failed: 'red',
  cancelled: 'gray',
};

function DocumentItem({ document }: { document: DocumentRead }) {
  return (
    <Group component="li" justify="space-between" gap="xs" wrap="nowrap">
      <Box miw={0}>
        <Anchor component={Link} to={`/documents/${document.id}`} size="sm" fw={500} className="wrap-anywhere">
          {document.title || KIND_LABELS[document.kind]}
        </Anchor>
        <Text size="xs" c="dimmed">
          {KIND_LABELS[document.kind]} · <time dateTime={document.updated_at}>{relativeTime(document.updated_at)}</time>
        </Text>
      </Box>
      {document.status !== 'ready' ? (
        <Badge variant="light" color={STATUS_COLORS[document.status]} radius="sm" tt="none" fw={500}>
          {STATUS_LABELS[document.status]}
        </Badge>
      ) : null}
    </Group>
  );
}

function JobDocuments({ jobId }: { jobId: number }) {
  const list = useDocumentList({ job_id: jobId, page: 1, size: JOB_DOCUMENTS_SIZE });
  if (list.isPending) return <Skeleton h={40} role="status" aria-busy="true" aria-label="Loading your documents" />;
  if (list.isError) {
    return <QueryError error={list.error} onRetry={() => list.refetch()} retrying={list.isFetching} title="Could not load your documents" />;
  }
  if (list.data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No letters or tailored resumes for this job yet.
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        Your documents
      </Title>
      <Stack component="ul" gap="xs" p={0} m={0} className="plain-list" aria-label="Your documents for this job">
        {list.data.items.map((document) => (
          <DocumentItem key={document.id} document={document} />
        ))}
      </Stack>
    </Stack>
  );
}

/** On the job page: write a cover letter, tailor the resume, practise an interview; and the documents so far. */
export function JobWritingCard({ jobId }: { jobId: number }) {
  const [kind, setKind] = useState<DocumentKind | null>(null);
  const start = useStartInterview();
  const navigate = useNavigate();
  const practise = () =>
    start.mutate({ job_posting_id: jobId, question_count: QUESTION_COUNT }, { onSuccess: (session) => navigate(`/interviews/${session.id}`) });
  return (
    <Card component="section" aria-labelledby="writing-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="writing-title">
          Prepare
        </Title>
        <Group gap="xs">
          <Button variant="light" onClick={() => setKind('cover_letter')}>
            Write cover letter
          </Button>
          <Button variant="light" onClick={() => setKind('tailored_resume')}>
            Tailor resume
          </Button>
          <Button variant="light" onClick={practise} loading={start.isPending}>
            Practice interview
          </Button>
        </Group>
        <DataSentNote
          what="For practice questions, this posting"
          singular
          offline="Practice questions come from the built-in bank: nothing leaves this server."
        />
        <FormError error={start.error} title="Could not start the interview" />
        <JobDocuments jobId={jobId} />
      </Stack>
      <GenerateDocumentModal jobId={jobId} kind={kind} onClose={() => setKind(null)} />
    </Card>
  );
}

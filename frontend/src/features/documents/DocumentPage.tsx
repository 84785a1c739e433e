import { Alert, Badge, Box, Button, Card, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { DocumentLength, DocumentRead, DocumentTone } from '../../client/types';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { RecordHeader, RecordPage } from '../../components/RecordPage';
import { useIdParam } from '../../hooks/useIdParam';
import { streamedText } from '../../lib/streams';
import { ProviderNote } from '../ai/ProviderNote';
import { BackLink } from '../jobs/NewJobPage';
import { DocumentEditor } from './DocumentEditor';
import { GuardReport, MissingSkills, reportOf, ResumeDiff } from './DocumentReport';
import { LeftOut, LetterSources, PlaceholderNotice } from './LetterSources';
import { STATUS_COLORS, STATUS_LABELS } from './JobWritingCard';
import { KIND_LABELS, useCancelDocument, useCreateDocument, useDeleteDocument, useDocument, useDocumentStream } from './useDocuments';

/** While the document is written: the text as it streams in (a polite live region), and Stop. */
function Streaming({ document }: { document: DocumentRead }) {
  const stream = useDocumentStream(document.id);
  const cancel = useCancelDocument(document.id);
  // A stream heard from its start is whole; otherwise (a reload, a reconnection) the server's text is shown.
  const text = streamedText(stream, document.content);
  return (
    <Card component="section" aria-labelledby="writing-now-title" aria-busy="true">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Group gap="xs">
            <Loader size="xs" aria-hidden="true" />
            <Title order={2} size="h4" id="writing-now-title">
              Writing…
            </Title>
          </Group>
          <Button variant="default" size="xs" onClick={() => cancel.mutate()} loading={cancel.isPending}>
            Stop
          </Button>
        </Group>
        <FormError error={cancel.error} title="Could not stop writing" />
        <Box
          aria-live="polite"
          aria-label="Text so far"
          role="log"
          ff="monospace"
          fz="sm"
          mih={200}
          p="sm"
          className="muted-panel pre-wrap wrap-anywhere"
        >
          {text || <Text c="dimmed" span>The text appears here as it is written.</Text>}
        </Box>
      </Stack>
    </Card>
  );
}

function Outcome({ document }: { document: DocumentRead }) {
  const retry = useCreateDocument(document.job_posting_id);
  const navigate = useNavigate();
  const again = () => {
    const { tone, length, why_company: why } = document.options as { tone?: DocumentTone; length?: DocumentLength; why_company?: unknown };
    const body = { kind: document.kind, tone: tone ?? 'professional', length: length ?? 'medium', why_company: typeof why === 'string' ? why : '' };
    retry.mutate(body, { onSuccess: (created) => navigate(`/documents/${created.id}`) });
  };
  if (document.status === 'ready' || document.status === 'generating') return null;
  const failed = document.status === 'failed';
  return (
    <Alert color={failed ? 'red' : 'gray'} variant="light" role={failed ? 'alert' : 'status'} title={failed ? 'Writing failed' : 'Stopped'}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {failed ? document.error || 'The document could not be written.' : 'You stopped the writing. What was written so far is kept below.'}
        </Text>
        <Button size="xs" variant="white" onClick={again} loading={retry.isPending}>
          Write it again
        </Button>
        <FormError error={retry.error} title="Could not start writing" />
      </Stack>
    </Alert>
  );
}

function DeleteDocument({ document }: { document: DocumentRead }) {
  const [opened, setOpened] = useState(false);
  const remove = useDeleteDocument(document.id);
  const navigate = useNavigate();
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpened(true)}>
        Delete
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Delete this document?" centered>
        <Stack gap="md">
          <Text size="sm">The document and all its versions are removed.</Text>
          <FormError error={remove.error} title="The document was not deleted" />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpened(false)}>
              Keep it
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(undefined, { onSuccess: () => navigate(`/jobs/${document.job_posting_id}`, { replace: true }) })}
            >
              Delete document
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function DocumentDetails({ document }: { document: DocumentRead }) {
  const heading = document.title || `${KIND_LABELS[document.kind]} for ${document.job_title}`;
  return (
    <>
      <PageTitle title={heading} />
      <RecordHeader
        back={<BackLink to={`/jobs/${document.job_posting_id}`}>{`${document.job_title} at ${document.company}`}</BackLink>}
        title={heading}
        meta={
          <Group gap="xs" mt={4}>
            <Badge variant="light" radius="sm" tt="none" fw={500}>
              {KIND_LABELS[document.kind]}
            </Badge>
            <Badge variant="light" color={STATUS_COLORS[document.status]} radius="sm" tt="none" fw={500}>
              {STATUS_LABELS[document.status]}
            </Badge>
            <ProviderNote provider={document.provider} model={document.model} verb="Written" size="sm" />
          </Group>
        }
        action={document.status !== 'generating' ? <DeleteDocument document={document} /> : null}
      />
      <Outcome document={document} />
      {reportOf(document).notice ? (
        <Alert color="yellow" variant="light" title="Written offline">
          {reportOf(document).notice}
        </Alert>
      ) : null}
      {document.status === 'generating' ? (
        <Streaming document={document} />
      ) : (
        <>
          <PlaceholderNotice document={document} />
          {document.kind === 'cover_letter' ? <LeftOut document={document} /> : <GuardReport document={document} />}
          {document.kind === 'cover_letter' ? <LetterSources document={document} /> : null}
          {document.kind === 'tailored_resume' ? <MissingSkills document={document} /> : null}
          <DocumentEditor key={document.id} document={document} />
          {document.kind === 'tailored_resume' && document.diff ? <ResumeDiff diff={document.diff} /> : null}
        </>
      )}
    </>
  );
}

/** A cover letter or tailored resume: streamed while written, then edited, versioned and downloaded. */
export function DocumentPage() {
  const id = useIdParam();
  const document = useDocument(id);
  return (
    <RecordPage
      id={id}
      query={document}
      title="Document"
      notFound={{
        title: 'Document not found',
        action: (
          <Button component={Link} to="/jobs">
            Back to jobs
          </Button>
        ),
      }}
      loadingLabel="Loading document"
      skeletonHeight={320}
      errorTitle="Could not load this document"
    >
      {(data) => <DocumentDetails document={data} />}
    </RecordPage>
  );
}

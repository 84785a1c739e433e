import { Button, Card, Divider, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ResumeSummary } from '../../client/types';
import { QueryError } from '../../components/QueryError';
import { JsonResumeImport } from './JsonResumeImport';
import { ResumeCheck } from './ResumeCheck';
import { ResumeDropzone } from './ResumeDropzone';
import { ResumeList } from './ResumeList';
import { ResumeProgress } from './ResumeProgress';
import { ResumeReview } from './ResumeReview';
import { StructureEditor } from './StructureEditor';
import { isResumeProcessing, useResume, useResumeList } from './useResumes';

/** `auto`: follow the newest resume while it is being read or waits for its review; else what the user chose. */
type View = { kind: 'auto' } | { kind: 'upload' } | { kind: 'resume'; id: number };

/** The newest resume still needs attention: being read, or read and not reviewed yet. */
export function resumeNeedingAttention(items: readonly ResumeSummary[] | undefined): number | null {
  const latest = items?.[0];
  if (!latest) return null;
  return isResumeProcessing(latest) || (latest.status === 'ready' && !latest.reviewed_at) ? latest.id : null;
}

function ActiveResume({ id, onClose, onKeepOpen }: { id: number; onClose: () => void; onKeepOpen: () => void }) {
  const resume = useResume(id);
  // Once the skills are settled the structure stays open: its roles and dates are what letters are written from.
  const [reviewed, setReviewed] = useState(false);
  if (resume.isPending) {
    return (
      <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading your resume">
        <Skeleton h={16} w="40%" />
        <Skeleton h={8} />
        <Skeleton h={16} w="70%" />
      </Stack>
    );
  }
  if (resume.isError) {
    return (
      <QueryError
        error={resume.error}
        onRetry={() => resume.refetch()}
        retrying={resume.isFetching}
        title="Could not load this resume"
      />
    );
  }
  if (resume.data.status === 'ready') {
    return (
      <Stack gap="lg">
        {reviewed ? (
          <Group justify="space-between" gap="sm">
            <Text size="sm">Skills settled. Check the roles and dates below: your letters and tailored resumes are written from them.</Text>
            <Button variant="default" size="xs" onClick={onClose}>
              Done
            </Button>
          </Group>
        ) : (
          <ResumeReview
            key={resume.data.id}
            resume={resume.data}
            onDone={() => {
              setReviewed(true);
              onKeepOpen();
            }}
          />
        )}
        <Divider />
        <StructureEditor key={`structure-${resume.data.id}`} resume={resume.data} />
        <Divider />
        <ResumeCheck key={`check-${resume.data.id}`} resumeId={resume.data.id} />
      </Stack>
    );
  }
  if (resume.data.status === 'failed') {
    // A file that could not be read (a scan, say) is where the check helps most: it says what to change.
    return (
      <Stack gap="lg">
        <ResumeProgress resume={resume.data} onTryAnother={onClose} />
        <ResumeCheck key={`check-${resume.data.id}`} resumeId={resume.data.id} />
      </Stack>
    );
  }
  return <ResumeProgress resume={resume.data} onTryAnother={onClose} />;
}

/** Profile section: upload a resume, follow its reading, review the skills found, and manage earlier ones. */
export function ResumeCard() {
  const list = useResumeList();
  const [view, setView] = useState<View>({ kind: 'auto' });
  const items = list.data?.items ?? [];
  const activeId = view.kind === 'resume' ? view.id : view.kind === 'auto' ? resumeNeedingAttention(items) : null;
  const showUpload = () => setView({ kind: 'upload' });

  return (
    <Card component="section" aria-labelledby="resume-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Title order={2} size="h4" id="resume-title">
              Resume
            </Title>
            <Text size="sm" c="dimmed">
              Upload your resume and we suggest the skills it mentions; you choose which go into your profile, and check the roles and dates your letters are written from.
            </Text>
          </div>
          {activeId !== null ? (
            <Button variant="default" size="xs" onClick={showUpload}>
              Upload another
            </Button>
          ) : null}
        </Group>

        {activeId !== null ? (
          <ActiveResume id={activeId} onClose={showUpload} onKeepOpen={() => setView({ kind: 'resume', id: activeId })} />
        ) : null}
        {activeId === null ? (
          <>
            <ResumeDropzone onUploaded={(resume) => setView({ kind: 'resume', id: resume.id })} />
            <JsonResumeImport onImported={(resume) => setView({ kind: 'resume', id: resume.id })} />
          </>
        ) : null}

        {list.isError ? (
          <QueryError
            error={list.error}
            onRetry={() => list.refetch()}
            retrying={list.isFetching}
            title="Could not load your resumes"
          />
        ) : items.length > 0 ? (
          <Stack gap="xs" component="section" aria-labelledby="resume-list-title">
            <Title order={3} size="h5" id="resume-list-title">
              Your resumes
            </Title>
            <ResumeList
              items={items}
              onOpen={(id) => setView({ kind: 'resume', id })}
              onDeleted={(id) => {
                if (id === activeId) showUpload();
              }}
            />
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

import { Anchor, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../client';
import type { DocumentKind, DocumentLength, DocumentTone } from '../../client/types';
import { FormError } from '../../components/FormError';
import { DataSentNote } from '../ai/ProviderNote';
import { useCreateDocument } from './useDocuments';

const TONES: { value: DocumentTone; label: string; description: string }[] = [
  { value: 'professional', label: 'Professional', description: 'Clear and formal.' },
  { value: 'friendly', label: 'Friendly', description: 'Warm and conversational.' },
  { value: 'enthusiastic', label: 'Enthusiastic', description: 'Energetic about the role.' },
  { value: 'concise', label: 'Concise', description: 'Straight to the point.' },
];

const LENGTHS: { value: DocumentLength; label: string }[] = [
  { value: 'short', label: 'Short' },
  { value: 'medium', label: 'Medium' },
  { value: 'long', label: 'Long' },
];

const TITLES: Record<DocumentKind, string> = {
  cover_letter: 'Write a cover letter',
  tailored_resume: 'Tailor your resume',
};

/** The server's limit for "why this company" (characters). */
export const WHY_MAX = 400;

/** What writing sends to the AI provider, as a sentence's subject. */
const SENT: Record<DocumentKind, string> = {
  cover_letter: 'Your resume, your profile’s skills and pitch, what you write here and this posting',
  tailored_resume: 'Your resume, your profile’s skills and this posting',
};

const INTROS: Record<DocumentKind, string> = {
  cover_letter: 'Written from your profile and resume for this job. Claims your profile does not support are left out.',
  tailored_resume: 'Your resume reordered and reworded for this job. Nothing you have not done is added.',
};

interface GenerateDocumentModalProps {
  jobId: number;
  /** The kind to write; null: closed. */
  kind: DocumentKind | null;
  onClose: () => void;
}

/** Tone and length, then the document page, where the text streams in. */
export function GenerateDocumentModal({ jobId, kind, onClose }: GenerateDocumentModalProps) {
  const create = useCreateDocument(jobId);
  const navigate = useNavigate();
  const [tone, setTone] = useState<DocumentTone>('professional');
  const [length, setLength] = useState<DocumentLength>('medium');
  const [whyCompany, setWhyCompany] = useState('');
  const close = () => {
    create.reset();
    onClose();
  };
  const submit = () => {
    if (!kind) return;
    const why = kind === 'cover_letter' ? whyCompany.trim() : '';
    create.mutate({ kind, tone, length, why_company: why }, { onSuccess: (document) => navigate(`/documents/${document.id}`) });
  };
  return (
    <Modal opened={kind !== null} onClose={close} title={kind ? TITLES[kind] : ''} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {kind ? INTROS[kind] : null}
          </Text>
          <Radio.Group label="Tone" value={tone} onChange={(value) => setTone(value as DocumentTone)}>
            <Stack gap={6} mt={6}>
              {TONES.map((option) => (
                <Radio key={option.value} value={option.value} label={option.label} description={option.description} />
              ))}
            </Stack>
          </Radio.Group>
          <Radio.Group label="Length" value={length} onChange={(value) => setLength(value as DocumentLength)}>
            <Group gap="md" mt={6}>
              {LENGTHS.map((option) => (
                <Radio key={option.value} value={option.value} label={option.label} />
              ))}
            </Group>
          </Radio.Group>
          {kind === 'cover_letter' ? (
            <Textarea
              label="Why this company?"
              description="Optional: one or two sentences in your words; the letter uses them as written. Without them, the letter leaves a placeholder for you to fill in."
              placeholder="e.g. Your work on patient records is what I want to build next."
              value={whyCompany}
              onChange={(event) => setWhyCompany(event.currentTarget.value)}
              maxLength={WHY_MAX}
              autosize
              minRows={2}
              maxRows={5}
            />
          ) : null}
          {kind === 'cover_letter' && whyCompany.length > WHY_MAX - 80 ? (
            <Text size="xs" c="dimmed" aria-live="polite">
              {whyCompany.length} / {WHY_MAX} characters
            </Text>
          ) : null}
          <DataSentNote what={SENT[kind ?? 'cover_letter']} offline="Written offline: nothing leaves this server." />
          <FormError error={create.error} title="Could not start writing" />
          {create.error instanceof ApiError && create.error.status === 409 ? (
            <Anchor component={Link} to="/profile" size="sm">
              Add skills or a resume on your profile
            </Anchor>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              {kind === 'tailored_resume' ? 'Tailor resume' : 'Write cover letter'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Button, Card, CopyButton, Grid, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { DocumentRead, DocumentVersion, ExportFormat, ExportTemplate } from '../../client/types';
import { FormError } from '../../components/FormError';
import { DocumentVersions } from './DocumentVersions';
import { Markdown } from './markdown';
import { useExportDocument, useSaveDocument } from './useDocuments';

/** The layouts of a tailored resume's PDF and DOCX (all safe for applicant tracking systems). */
const TEMPLATES: { value: ExportTemplate; label: string }[] = [
  { value: 'classic', label: 'Classic' },
  { value: 'compact', label: 'Compact (fits more on a page)' },
  { value: 'modern', label: 'Modern (coloured headings)' },
];

/** The Markdown, editable, beside its preview; save (a new version), copy, download, and earlier versions. */
export function DocumentEditor({ document }: { document: DocumentRead }) {
  const [draft, setDraft] = useState(document.content);
  const [loaded, setLoaded] = useState<number | null>(null);
  const save = useSaveDocument(document.id);
  const exporter = useExportDocument(document.id);
  const dirty = draft !== document.content;

  const onSave = () =>
    save.mutate(draft, {
      onSuccess: () => {
        setLoaded(null);
        notifications.show({ color: 'green', title: 'Saved', message: 'Your edits were saved as a new version.' });
      },
    });
  const onLoad = (version: DocumentVersion) => {
    setDraft(version.content);
    setLoaded(version.number);
  };
  const tailored = document.kind === 'tailored_resume';
  const [template, setTemplate] = useState<ExportTemplate>('classic');
  // A tailored resume's PDF and DOCX take the chosen layout; a cover letter keeps the default one.
  const download = (format: ExportFormat) => exporter.mutate(tailored && format !== 'json' ? { format, template } : { format });
  const downloading = (format: ExportFormat) => exporter.isPending && exporter.variables?.format === format;

  return (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, lg: 9 }}>
        <Stack gap="lg">
          <Card component="section" aria-labelledby="editor-title">
            <Stack gap="sm">
              <Group justify="space-between" gap="sm">
                <Title order={2} size="h4" id="editor-title">
                  Edit
                </Title>
                <CopyButton value={draft}>
                  {({ copied, copy }) => (
                    <Button variant="default" size="xs" onClick={copy} color={copied ? 'green' : undefined}>
                      {copied ? 'Copied' : 'Copy to clipboard'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Group gap="xs" align="flex-end">
                {tailored ? (
                  <NativeSelect
                    label="Template"
                    size="xs"
                    w={{ base: '100%', xs: 220 }}
                    data={TEMPLATES}
                    value={template}
                    onChange={(event) => setTemplate(event.currentTarget.value as ExportTemplate)}
                  />
                ) : null}
                <Button variant="default" size="xs" onClick={() => download('docx')} loading={downloading('docx')}>
                  Download DOCX
                </Button>
                <Button variant="default" size="xs" onClick={() => download('pdf')} loading={downloading('pdf')}>
                  Download PDF
                </Button>
                {tailored ? (
                  <Button variant="default" size="xs" onClick={() => download('json')} loading={downloading('json')}>
                    Download JSON Resume
                  </Button>
                ) : null}
              </Group>
              <FormError error={exporter.error} title="The download did not start" />
              <Textarea
                label="Markdown"
                description={loaded !== null ? `Version ${loaded} is loaded. Save to keep it as the latest version.` : 'Downloads use the last saved version.'}
                value={draft}
                onChange={(event) => setDraft(event.currentTarget.value)}
                autosize
                minRows={12}
                maxRows={30}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' } }}
              />
              <FormError error={save.error} title="Your edits were not saved" />
              <Group gap="sm">
                <Button onClick={onSave} loading={save.isPending} disabled={!dirty || !draft.trim()}>
                  Save
                </Button>
                {dirty ? (
                  <>
                    <Button variant="subtle" onClick={() => {
                        setDraft(document.content);
                        setLoaded(null);
                      }}>
                      Discard changes
                    </Button>
                    <Text size="sm" c="dimmed">
                      Unsaved changes
                    </Text>
                  </>
                ) : null}
              </Group>
            </Stack>
          </Card>
          <Card component="section" aria-labelledby="preview-title">
            <Title order={2} size="h4" id="preview-title" mb="sm">
              Preview
            </Title>
            {draft.trim() ? <Markdown>{draft}</Markdown> : <Text c="dimmed">Nothing written yet.</Text>}
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 3 }}>
        <DocumentVersions documentId={document.id} current={loaded} onLoad={onLoad} />
      </Grid.Col>
    </Grid>
  );
}

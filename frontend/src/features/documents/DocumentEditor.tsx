import { Button, Card, CopyButton, Grid, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { DocumentRead, DocumentVersion, ExportFormat } from '../../client/types';
import { FormError } from '../../components/FormError';
import { DocumentVersions } from './DocumentVersions';
import { Markdown } from './markdown';
import { useExportDocument, useSaveDocument } from './useDocuments';

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
  const download = (format: ExportFormat) => exporter.mutate(format);

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
                <Group gap="xs">
                  <CopyButton value={draft}>
                    {({ copied, copy }) => (
                      <Button variant="default" size="xs" onClick={copy} color={copied ? 'green' : undefined}>
                        {copied ? 'Copied' : 'Copy to clipboard'}
                      </Button>
                    )}
                  </CopyButton>
                  <Button variant="default" size="xs" onClick={() => download('docx')} loading={exporter.isPending && exporter.variables === 'docx'}>
                    Download DOCX
                  </Button>
                  <Button variant="default" size="xs" onClick={() => download('pdf')} loading={exporter.isPending && exporter.variables === 'pdf'}>
                    Download PDF
                  </Button>
                </Group>
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

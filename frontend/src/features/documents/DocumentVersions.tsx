import { Box, Button, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { DocumentVersion } from '../../client/types';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/format';
import { useDocumentVersions } from './useDocuments';

const ORIGIN_LABELS: Record<DocumentVersion['origin'], string> = {
  original: 'Original',
  edited: 'Edited',
};

interface DocumentVersionsProps {
  documentId: number;
  /** The version whose text is in the editor, if one was loaded. */
  current: number | null;
  onLoad: (version: DocumentVersion) => void;
}

/** Every saved version, newest first; choosing one puts its text in the editor (saving it makes a new version). */
export function DocumentVersions({ documentId, current, onLoad }: DocumentVersionsProps) {
  const versions = useDocumentVersions(documentId);
  return (
    <Card component="section" aria-labelledby="versions-title">
      <Title order={2} size="h4" id="versions-title" mb="xs">
        Versions
      </Title>
      {versions.isPending ? (
        <Skeleton h={60} role="status" aria-busy="true" aria-label="Loading versions" />
      ) : versions.isError ? (
        <QueryError error={versions.error} onRetry={() => versions.refetch()} retrying={versions.isFetching} title="Could not load the versions" />
      ) : versions.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No versions yet.
        </Text>
      ) : (
        <Stack component="ol" gap={4} p={0} m={0} className="plain-list" aria-label="Saved versions">
          {[...versions.data.items]
            .sort((a, b) => b.number - a.number)
            .map((version) => (
              <li key={version.number}>
                <Button
                  variant={current === version.number ? 'light' : 'subtle'}
                  fullWidth
                  h="auto"
                  py={6}
                  justify="flex-start"
                  onClick={() => onLoad(version)}
                  aria-pressed={current === version.number}
                  title="Load this version into the editor"
                >
                  {/* Two lines, so the date is not cut off in the narrow column. */}
                  <Box ta="left">
                    <Text size="sm" fw={600}>
                      {`Version ${version.number} · ${ORIGIN_LABELS[version.origin] ?? version.origin}`}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(version.created_at)}
                    </Text>
                  </Box>
                </Button>
              </li>
            ))}
        </Stack>
      )}
    </Card>
  );
}

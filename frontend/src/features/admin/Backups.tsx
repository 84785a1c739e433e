import { Button, Code, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { BackupRead } from '../../client/types';
import { AdminSection, RowsSkeleton } from './AdminSection';
import { FormError } from '../../components/FormError';
import { QueryError } from '../../components/QueryError';
import { formatBytes } from '../../lib/format';
import { Ago } from './TaskQueueShared';
import { useBackups, useCreateBackup } from './useTaskQueue';

function BackupsTable({ backups }: { backups: BackupRead[] }) {
  if (backups.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No backups yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520} type="native">
      <Table verticalSpacing="sm">
        <caption className="visually-hidden">Backups, newest first</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Size</Table.Th>
            <Table.Th scope="col">Made</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((backup) => (
            <Table.Tr key={backup.name}>
              <Table.Td>
                <Text size="sm" fw={600} className="wrap-anywhere">
                  {backup.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatBytes(backup.size_bytes)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <Ago value={backup.created_at} />
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function Backups() {
  const backups = useBackups();
  const create = useCreateBackup();
  return (
    <AdminSection
      id="backups-title"
      title="Backups"
      aside={
        <Button
          size="xs"
          variant="light"
          loading={create.isPending}
          onClick={() =>
            create.mutate(undefined, {
              onSuccess: (run) =>
                notifications.show({
                  color: 'green',
                  title: 'Backup started',
                  message: `Task #${run.id} is writing it; it appears here when done.`,
                }),
            })
          }
        >
          Back up now
        </Button>
      }
    >
      <Text size="sm" c="dimmed">
        Backups are ZIP files in the server's data folder, under <Code>backups/</Code>; restore one on the server
        with <Code>copilot restore FILE</Code>.
      </Text>
      <FormError error={create.error} title="The backup was not started" />
      {backups.isPending ? (
        <RowsSkeleton label="Loading the backups" rows={2} />
      ) : backups.isError && !backups.data ? (
        <QueryError
          error={backups.error}
          onRetry={() => backups.refetch()}
          retrying={backups.isFetching}
          title="Could not load the backups"
        />
      ) : (
        <BackupsTable backups={backups.data} />
      )}
    </AdminSection>
  );
}

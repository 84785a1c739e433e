import { Anchor, Group, Loader, Skeleton, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { pageCount, Pager } from '../../components/Pager';
import { QueryError } from '../../components/QueryError';
import { formatDate, plural, relativeDays } from '../../lib/format';
import { StatusBadge } from '../applications/StatusBadge';
import { useApplicationList } from '../applications/useApplications';

const LIST_SIZE = 25;

interface ApplicationsTableProps {
  page: number;
  onPage: (page: number) => void;
}

/** Every application as a table: the list view of the board. */
export function ApplicationsTable({ page, onPage }: ApplicationsTableProps) {
  const list = useApplicationList({ page, size: LIST_SIZE });
  if (list.isPending) {
    return (
      <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading applications">
        {[0, 1, 2, 3, 4].map((index) => (
          <Skeleton key={index} h={36} />
        ))}
      </Stack>
    );
  }
  if (list.isError && !list.data) {
    return <QueryError error={list.error} onRetry={() => list.refetch()} retrying={list.isFetching} title="Could not load your applications" />;
  }
  const { items, total } = list.data;
  const pages = pageCount(total, LIST_SIZE);
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Text fw={600}>{plural(total, 'application')}</Text>
        {list.isFetching ? <Loader size="xs" role="status" aria-label="Updating" /> : null}
      </Group>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table striped highlightOnHover verticalSpacing="sm" opacity={list.isPlaceholderData ? 0.6 : 1}>
          <caption className="visually-hidden">Your applications</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Job</Table.Th>
              <Table.Th scope="col">Company</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Applied</Table.Th>
              <Table.Th scope="col">Last change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((application) => (
              <Table.Tr key={application.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/jobs/${application.job.id}`} fw={600} size="sm">
                    {application.job.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{application.job.company}</Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={application.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{application.applied_at ? formatDate(application.applied_at) : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={formatDate(application.status_changed_at)}>
                    <time dateTime={application.status_changed_at}>{relativeDays(application.status_changed_at)}</time>
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager page={page} pages={pages} onChange={onPage} />
    </Stack>
  );
}

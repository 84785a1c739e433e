import { Box, Button, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CacheFamilyStatus, PartitionStatus, PoolStatus, SystemStatus, TimeSeriesTable } from '../../client/types';
import { EmptyState } from '../../components/EmptyState';
import { AdminSection, RowsSkeleton } from './AdminSection';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { formatBytes, formatEvery, formatMonth, formatPercent, plural } from '../../lib/format';
import { useSystemStatus } from './useSystemStatus';
import { isForbidden } from './useTaskQueue';

const DATABASE_LABELS: Record<SystemStatus['database'], string> = {
  postgresql: 'PostgreSQL',
  sqlite: 'SQLite',
};

const CACHE_LABELS: Record<SystemStatus['cache_backend'], string> = {
  redis: 'Redis (shared by every process)',
  memory: 'In this process',
};

const DEFAULT_PARTITION = 'Default (outside the months above)';

/** "30 seconds", "1 minute", "2 hours". */
function formatSeconds(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return plural(seconds / 3600, 'hour');
  if (seconds >= 60 && seconds % 60 === 0) return plural(seconds / 60, 'minute');
  return plural(seconds, 'second');
}

/** "10 kept + 10 overflow per process, 1 in use"; SQLite has no pool to speak of. */
function poolSummary(database: SystemStatus['database'], pool: PoolStatus): string {
  if (database === 'sqlite' || pool.size === null) return 'SQLite: one file, no pool';
  const kept = `${pool.size.toLocaleString()} kept + ${(pool.max_overflow ?? 0).toLocaleString()} overflow per process`;
  return pool.checked_out === null ? kept : `${kept}, ${pool.checked_out.toLocaleString()} in use`;
}

/** Dated months newest first, the DEFAULT partition last. */
function newestFirst(partitions: PartitionStatus[]): PartitionStatus[] {
  return [...partitions].sort((a, b) => {
    if (a.month === null || b.month === null) return a.month === null ? (b.month === null ? 0 : 1) : -1;
    return b.month.localeCompare(a.month);
  });
}

/** Labelled figures, as a description list that wraps into as many columns as fit. */
function Facts({ items }: { items: { term: string; value: ReactNode }[] }) {
  return (
    <Box
      component="dl"
      m={0}
      className="facts-grid"
    >
      {items.map((item) => (
        <div key={item.term}>
          <Text component="dt" size="xs" c="dimmed" fw={600}>
            {item.term}
          </Text>
          <Text component="dd" size="sm" fw={600} m={0} mt={2}>
            {item.value}
          </Text>
        </div>
      ))}
    </Box>
  );
}

// ---------------------------------------------------------------- database and catalogue

function Database({ status }: { status: SystemStatus }) {
  const { pool } = status;
  const pooled = status.database === 'postgresql';
  return (
    <Facts
      items={[
        { term: 'Engine', value: DATABASE_LABELS[status.database] },
        { term: 'Connection pool', value: poolSummary(status.database, pool) },
        ...(pooled
          ? [
              { term: 'Wait for a free connection', value: `Up to ${formatSeconds(pool.timeout_seconds)}` },
              {
                term: 'Connections replaced',
                value: pool.recycle_seconds > 0 ? formatEvery(pool.recycle_seconds).replace(/^e/, 'E') : 'Never',
              },
            ]
          : []),
      ]}
    />
  );
}

function Catalogue({ catalogue }: { catalogue: SystemStatus['catalogue'] }) {
  return (
    <>
      <Facts
        items={[
          { term: 'Active postings', value: catalogue.active.toLocaleString() },
          { term: 'Archived', value: catalogue.archived.toLocaleString() },
        ]}
      />
      <Text size="sm" c="dimmed">
        {catalogue.retention_days > 0
          ? `Postings no board has listed for ${plural(catalogue.retention_days, 'day')}, and that nobody tracks, are archived.`
          : 'Postings are never archived.'}
      </Text>
    </>
  );
}

// ---------------------------------------------------------------- time series

function partitionSpan(table: TimeSeriesTable): ReactNode {
  if (!table.partitioned) return '—';
  const months = table.partitions.flatMap((partition) => (partition.month ? [partition.month] : [])).sort();
  return (
    <>
      <Text size="sm">{plural(table.partitions.length, 'partition')}</Text>
      {months.length > 0 ? (
        <Text size="xs" c="dimmed">
          {`newest ${formatMonth(months[months.length - 1])}, oldest ${formatMonth(months[0])}`}
        </Text>
      ) : null}
    </>
  );
}

function Partitions({ table }: { table: TimeSeriesTable }) {
  const caption = `Partitions of ${table.table}`;
  return (
    <details>
      <summary className="clickable">
        <Text span size="sm" fw={600}>
          {`${caption} (${table.partitions.length.toLocaleString()})`}
        </Text>
      </summary>
      <Table.ScrollContainer minWidth={420} type="native" mt="xs">
        <Table verticalSpacing="xs">
          <caption className="visually-hidden">{caption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Month</Table.Th>
              <Table.Th scope="col">Rows</Table.Th>
              <Table.Th scope="col">Size</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {newestFirst(table.partitions).map((partition) => (
              <Table.Tr key={partition.name}>
                <Table.Th scope="row" fw={400}>
                  <Text size="sm">{partition.month ? formatMonth(partition.month) : DEFAULT_PARTITION}</Text>
                  <Text size="xs" c="dimmed" className="wrap-anywhere">
                    {partition.name}
                  </Text>
                </Table.Th>
                <Table.Td>
                  <Text size="sm">{partition.rows.toLocaleString()}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatBytes(partition.bytes)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </details>
  );
}

function TimeSeries({ status }: { status: SystemStatus }) {
  const tables = status.time_series;
  const partitioned = tables.filter((table) => table.partitioned && table.partitions.length > 0);
  return (
    <>
      <Text size="sm" c="dimmed">
        {status.database === 'sqlite'
          ? 'On SQLite these are plain tables: the daily upkeep deletes rows older than their retention.'
          : `Tables that grow with time are split by month, created ${plural(status.partition_months_ahead, 'month')} ahead; ` +
            'a month past retention is dropped whole. Row counts of partitioned tables are PostgreSQL’s estimates.'}
      </Text>
      {tables.length === 0 ? (
        <Text size="sm" c="dimmed">
          No time-series tables.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table verticalSpacing="sm">
            <caption className="visually-hidden">Time-series tables</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Table</Table.Th>
                <Table.Th scope="col">Partitioned by month</Table.Th>
                <Table.Th scope="col">Rows</Table.Th>
                <Table.Th scope="col">Retention</Table.Th>
                <Table.Th scope="col">Partitions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tables.map((table) => (
                <Table.Tr key={table.table}>
                  <Table.Th scope="row">
                    <Text size="sm" fw={600} className="wrap-anywhere">
                      {table.table}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <Text size="sm">{table.partitioned ? `Yes, on ${table.time_column}` : `No (${table.time_column})`}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{table.rows.toLocaleString()}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{table.retention_months > 0 ? plural(table.retention_months, 'month') : 'kept forever'}</Text>
                  </Table.Td>
                  <Table.Td>{partitionSpan(table)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {partitioned.map((table) => (
        <Partitions key={table.table} table={table} />
      ))}
    </>
  );
}

// ---------------------------------------------------------------- cache

function ratioColor(ratio: number): string {
  if (ratio >= 0.8) return 'green';
  if (ratio >= 0.5) return 'yellow';
  return 'red';
}

function HitRatio({ ratio }: { ratio: number | null }) {
  if (ratio === null) {
    return (
      <Text size="sm" c="dimmed" title="Nothing looked up yet">
        —
      </Text>
    );
  }
  return (
    <Group gap="sm" wrap="nowrap">
      {/* The number beside it says the same; the bar is for the eye. */}
      <Progress value={ratio * 100} color={ratioColor(ratio)} w={96} aria-hidden />
      <Text size="sm">{formatPercent(ratio)}</Text>
    </Group>
  );
}

function CacheTable({ families }: { families: CacheFamilyStatus[] }) {
  if (families.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No cache lookups yet on this web process.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table verticalSpacing="sm">
        <caption className="visually-hidden">Cache lookups by key family</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Family</Table.Th>
            <Table.Th scope="col">Hits</Table.Th>
            <Table.Th scope="col">Misses</Table.Th>
            <Table.Th scope="col">Errors</Table.Th>
            <Table.Th scope="col">Hit ratio</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {families.map((family) => (
            <Table.Tr key={family.family}>
              <Table.Th scope="row">
                <Text size="sm" fw={600} className="wrap-anywhere">
                  {family.family}
                </Text>
              </Table.Th>
              <Table.Td>
                <Text size="sm">{family.hits.toLocaleString()}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{family.misses.toLocaleString()}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={family.errors > 0 ? 'red.8' : undefined} fw={family.errors > 0 ? 600 : undefined}>
                  {family.errors.toLocaleString()}
                </Text>
              </Table.Td>
              <Table.Td>
                <HitRatio ratio={family.hit_ratio} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Cache({ status }: { status: SystemStatus }) {
  return (
    <>
      <Facts items={[{ term: 'Backend', value: CACHE_LABELS[status.cache_backend] }]} />
      <Text size="sm" c="dimmed">
        Figures are for this web process since it started; other processes count their own.
      </Text>
      <CacheTable families={status.cache} />
    </>
  );
}

// ---------------------------------------------------------------- page

function NotAllowed() {
  return (
    <EmptyState
      title="Only administrators can see the system status"
      actions={
        <Button component={Link} to="/" variant="light">
          Back to the dashboard
        </Button>
      }
    >
      This page shows how the whole server is doing: its database, catalogue and cache. Ask its administrator if you
      need to see it.
    </EmptyState>
  );
}

const SECTIONS = [
  { id: 'system-database-title', title: 'Database', body: (status: SystemStatus) => <Database status={status} /> },
  { id: 'system-catalogue-title', title: 'Catalogue', body: (status: SystemStatus) => <Catalogue catalogue={status.catalogue} /> },
  { id: 'system-time-series-title', title: 'Time series', body: (status: SystemStatus) => <TimeSeries status={status} /> },
  { id: 'system-cache-title', title: 'Cache', body: (status: SystemStatus) => <Cache status={status} /> },
] as const;

/** `/admin/system`: how the deployment is doing, for administrators. Refreshes every 10 seconds while open. */
export function SystemPage() {
  const system = useSystemStatus();
  const forbidden = isForbidden(system.error);

  return (
    <>
      <PageTitle title="System" />
      <div>
        <Title order={1}>System</Title>
        <Text c="dimmed" mt={4}>
          How this deployment is doing: the database, the job catalogue, time-series tables and the cache.
        </Text>
      </div>
      {forbidden ? (
        <NotAllowed />
      ) : system.isError && !system.data ? (
        <QueryError
          error={system.error}
          onRetry={() => system.refetch()}
          retrying={system.isFetching}
          title="Could not load the system status"
        />
      ) : (
        <Stack gap="lg">
          {SECTIONS.map((section) => (
            <AdminSection key={section.id} id={section.id} title={section.title}>
              {system.data ? section.body(system.data) : <RowsSkeleton label={`Loading ${section.title.toLowerCase()}`} />}
            </AdminSection>
          ))}
        </Stack>
      )}
    </>
  );
}

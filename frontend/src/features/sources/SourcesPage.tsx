import { Anchor, Badge, Code, Group, Loader, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { Link } from 'react-router';
import type { SourceHealth } from '../../client/types';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { formatDateTime, relativeTime } from '../../lib/format';
import { isCompanyBoard, useSources } from './useSources';

/** Errors are shown up to this many characters until expanded. */
const ERROR_PREVIEW = 60;

export type SourceStatus = 'enabled' | 'needs_key' | 'disabled' | 'rate_limited';

/** What a board is doing now: a missing key first (it cannot run at all), then switched off, then paused. */
export function sourceStatus(source: SourceHealth, now: number = Date.now()): SourceStatus {
  if (source.needs_key && !source.key_configured) return 'needs_key';
  if (!source.enabled) return 'disabled';
  if (source.rate_limited_until && new Date(source.rate_limited_until).getTime() > now) return 'rate_limited';
  return 'enabled';
}

const STATUS_COLORS: Record<SourceStatus, string> = {
  enabled: 'green',
  needs_key: 'yellow',
  disabled: 'gray',
  rate_limited: 'orange',
};

/** "Rate limited until 14:05" today, "Rate limited until 3 Nov 2025, 14:05" on another day. */
function untilText(value: string): string {
  const date = new Date(value);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : formatDateTime(value);
}

function StatusBadge({ source, now }: { source: SourceHealth; now: number }) {
  const status = sourceStatus(source, now);
  const label =
    status === 'enabled'
      ? 'Enabled'
      : status === 'needs_key'
        ? 'Needs a key'
        : status === 'disabled'
          ? 'Disabled'
          : `Rate limited until ${untilText(source.rate_limited_until as string)}`;
  return (
    <Badge
      variant="light"
      color={STATUS_COLORS[status]}
      radius="sm"
      tt="none"
      fw={600}
      title={status === 'rate_limited' ? formatDateTime(source.rate_limited_until) : undefined}
      // The long "Rate limited until …" may wrap; the short ones stay on one line.
      styles={{ label: { whiteSpace: status === 'rate_limited' ? 'normal' : 'nowrap' } }}
      h="auto"
      py={2}
    >
      {label}
    </Badge>
  );
}

/** A past moment as "5 minutes ago", the exact time on hover; "Never" when there was none. */
function Ago({ value }: { value: string | null }) {
  if (!value) {
    return (
      <Text size="sm" c="dimmed">
        Never
      </Text>
    );
  }
  return (
    <Text size="sm">
      <time dateTime={value} title={formatDateTime(value)}>
        {relativeTime(value)}
      </time>
    </Text>
  );
}

function LastError({ source }: { source: SourceHealth }) {
  const error = source.last_error;
  if (!error) return <Text size="sm">—</Text>;
  const when = source.last_error_at ? (
    <Text size="xs" c="dimmed">
      <time dateTime={source.last_error_at} title={formatDateTime(source.last_error_at)}>
        {relativeTime(source.last_error_at)}
      </time>
    </Text>
  ) : null;
  const firstLine = error.split('\n', 1)[0];
  if (firstLine === error && error.length <= ERROR_PREVIEW) {
    return (
      <div>
        <Text size="sm" c="red.9" className="wrap-anywhere">
          {error}
        </Text>
        {when}
      </div>
    );
  }
  return (
    <div>
      <details className="task-error">
        <summary>
          <Text span size="sm" c="red.9">
            {`${firstLine.slice(0, ERROR_PREVIEW).trimEnd()}…`}
          </Text>
        </summary>
        <Code block mt={6} maw="30rem" className="pre-wrap wrap-anywhere">
          {error}
        </Code>
      </details>
      {when}
    </div>
  );
}

/** "Configured", the environment variables to set, or "Not needed". */
function KeyCell({ source }: { source: SourceHealth }) {
  if (!source.needs_key) {
    return (
      <Text size="sm" c="dimmed">
        Not needed
      </Text>
    );
  }
  if (source.key_configured) return <Text size="sm">Configured</Text>;
  const names = (source.keys ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) return <Text size="sm">Not configured</Text>;
  return (
    <Text size="sm">
      Set{' '}
      {names.map((name, index) => (
        <Fragment key={name}>
          {index > 0 ? ', ' : null}
          <Code>{name}</Code>
        </Fragment>
      ))}
    </Text>
  );
}

function SourceRow({ source, now }: { source: SourceHealth; now: number }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400}>
        <Text size="sm" fw={600}>
          {source.label}
        </Text>
        {source.attribution ? (
          <Text size="xs" c="dimmed" maw={260} className="wrap-anywhere">
            {source.attribution}
          </Text>
        ) : null}
      </Table.Th>
      <Table.Td>
        <Text size="sm">{isCompanyBoard(source) ? 'Company board' : 'Search'}</Text>
      </Table.Td>
      <Table.Td>
        <StatusBadge source={source} now={now} />
      </Table.Td>
      <Table.Td>
        <Ago value={source.last_success_at} />
      </Table.Td>
      <Table.Td miw={220} maw={320}>
        <LastError source={source} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" title={`${source.last_fetched.toLocaleString()} in the last run, ${source.total_fetched.toLocaleString()} in total`}>
          {`${source.last_fetched.toLocaleString()} / ${source.total_fetched.toLocaleString()}`}
        </Text>
      </Table.Td>
      <Table.Td>
        <KeyCell source={source} />
      </Table.Td>
    </Table.Tr>
  );
}

/** `/sources`: every job board the server knows, with its health. Refreshes every 10 s while open. */
export function SourcesPage() {
  const sources = useSources({ poll: true });
  // "Rate limited until" is judged against the moment the list was answered (render stays pure).
  const asOf = sources.dataUpdatedAt;

  return (
    <>
      <PageTitle title="Sources" />
      <div>
        <Title order={1}>Sources</Title>
        <Text c="dimmed" mt={4}>
          The job boards Career Copilot fetches postings from for{' '}
          <Anchor component={Link} to="/discover" inherit underline="always">
            Discover
          </Anchor>
          , and how each is doing.
        </Text>
      </div>
      <Text size="sm">
        API keys are set in the server's environment (its <Code>.env</Code> file or container settings) by whoever runs
        it, not in the app; a board that needs one stays off until it is set.
      </Text>

      {sources.isPending ? (
        <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading the job boards">
          {[0, 1, 2, 3].map((index) => (
            <Skeleton key={index} h={40} />
          ))}
        </Stack>
      ) : sources.isError && !sources.data ? (
        <QueryError error={sources.error} onRetry={() => sources.refetch()} retrying={sources.isFetching} title="Could not load the job boards" />
      ) : (
        <Stack gap="xs">
          <Group justify="flex-end" h={16}>
            {sources.isFetching ? <Loader size="xs" role="status" aria-label="Updating" /> : null}
          </Group>
          {/* Scrolls sideways on phones: focusable, so the keyboard can scroll it too. */}
          <Table.ScrollContainer minWidth={900} type="native" tabIndex={0} role="region" aria-label="Job boards">
            <Table verticalSpacing="sm" striped>
              <caption className="visually-hidden">Job boards</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Board</Table.Th>
                  <Table.Th scope="col">Type</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Last success</Table.Th>
                  <Table.Th scope="col">Last error</Table.Th>
                  <Table.Th scope="col">Fetched (last / total)</Table.Th>
                  <Table.Th scope="col">Key</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sources.data.map((source) => (
                  <SourceRow key={source.name} source={source} now={asOf} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </>
  );
}

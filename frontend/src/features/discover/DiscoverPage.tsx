import {
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { MatchPage } from '../../client/types';
import { EmptyState } from '../../components/EmptyState';
import { FormError } from '../../components/FormError';
import { RefreshIcon, SearchIcon } from '../../components/icons';
import { pageCount, Pager } from '../../components/Pager';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { useTaskProgress } from '../../hooks/useRealtime';
import { plural } from '../../lib/format';
import { FOLLOWED_COMPANIES_ID, FollowedCompaniesSection } from '../sources/FollowedCompaniesSection';
import { SAVED_SEARCHES_ID, SavedSearchesSection } from '../sources/SavedSearchesSection';
import { MatchCard } from './MatchCard';
import { NeedsPanel } from './NeedsPanel';
import {
  DISCOVER_PAGE_SIZE,
  discoverKeys,
  EMPTY_DISCOVER_SEARCH,
  isMinMatch,
  MIN_MATCH_OPTIONS,
  parseDiscoverSearch,
  toDiscoverParams,
  toDiscoverQuery,
  useDiscover,
  useRefreshJobs,
  useRequestRebuild,
  type DiscoverSearch,
} from './useDiscover';

/** Without any news of the refresh task (no live updates, or nothing to search), the button is back after this. */
export const REFRESH_FALLBACK_MS = 10_000;
/** A refresh that reported progress and then went quiet this long is taken as over (failed, or its end was lost). */
export const REFRESH_SILENT_MS = 120_000;

interface RefreshRun {
  taskId: string;
  startedAt: number;
}

/**
 * "Refresh jobs now": runs the fetch in the background and stays disabled while it runs, as far as the live
 * updates tell (`task.progress` up to 100 %), or for REFRESH_FALLBACK_MS when they tell nothing.
 */
function useRefreshRun() {
  const refresh = useRefreshJobs();
  const [run, setRun] = useState<RefreshRun | null>(null);
  const progress = useTaskProgress(run?.taskId ?? null);
  const finished = progress !== undefined && progress.progress >= 100;

  useEffect(() => {
    if (!run || finished) return;
    const deadline = progress ? progress.at + REFRESH_SILENT_MS : run.startedAt + REFRESH_FALLBACK_MS;
    const timer = setTimeout(() => setRun(null), Math.max(0, deadline - Date.now()));
    return () => clearTimeout(timer);
  }, [run, progress, finished]);

  const start = () =>
    refresh.mutate(undefined, {
      onSuccess: (task) => {
        setRun({ taskId: task.task_id, startedAt: Date.now() });
        notifications.show({
          id: `refresh-${task.task_id}`,
          title: 'Looking for new jobs…',
          message: 'New matches show up here as soon as they are found.',
        });
      },
    });

  const running = run !== null && !finished;
  return { start, pending: refresh.isPending, running, progress: running ? progress : undefined, error: refresh.error };
}

/** Why a filtered feed is empty, and what to try. */
function filteredEmptyText({ remoteOnly, minMatch, showBlocked }: DiscoverSearch): string {
  if (!remoteOnly && !minMatch && !showBlocked) return 'Every match fails something you need. Show them to see why, or change what you need.';
  if (!remoteOnly && !minMatch) return 'No matches yet.';
  if (remoteOnly && minMatch) return `No remote postings match ${minMatch}% or better. Try a lower minimum match, or include on-site jobs.`;
  if (remoteOnly) return 'None of your matches is remote. Include on-site and hybrid jobs to see them.';
  return `No postings match ${minMatch}% or better yet. Try a lower minimum match.`;
}

function FeedSkeleton() {
  return (
    <Stack gap="sm" role="status" aria-busy="true" aria-label="Loading matches">
      {[0, 1, 2].map((index) => (
        <Paper key={index} withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Group justify="space-between">
              <Skeleton h={20} w="50%" />
              <Skeleton h={24} w={90} radius="sm" />
            </Group>
            <Skeleton h={14} w="30%" />
            <Group gap="xs">
              <Skeleton h={20} w={70} radius="sm" />
              <Skeleton h={20} w={90} radius="sm" />
            </Group>
            <Skeleton h={12} w="80%" />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

export function DiscoverPage() {
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => parseDiscoverSearch(params), [params]);
  const query = useMemo(() => toDiscoverQuery(search), [search]);
  const feed = useDiscover(query);
  const refresh = useRefreshRun();
  const matchesHeading = useRef<HTMLHeadingElement>(null);
  const queryClient = useQueryClient();

  const update = useCallback(
    (patch: Partial<DiscoverSearch>) => {
      // Another filter starts again at page 1, unless the page itself changes.
      setParams(toDiscoverParams({ ...search, page: 1, ...patch }));
    },
    [search, setParams],
  );

  const data = feed.data;
  // Out of date (resume, profile, searches or needs changed): ask for it to be scored again, and again on every poll
  // that still finds it out of date. The server sends one task at most: while one runs it sends none, and that one
  // may have started before the last change, so the ask after it ends is the one that brings the feed up to date.
  const rebuilding = data?.rebuilding ?? false;
  const { mutate: askRebuild } = useRequestRebuild();
  useEffect(() => {
    if (rebuilding) askRebuild();
  }, [rebuilding, feed.dataUpdatedAt, askRebuild]);
  // Postings failing a hard requirement are hidden by default: an empty feed may be empty because of them.
  const hiddenBlocked = data?.hidden_blocked ?? 0;
  const filtered = search.remoteOnly || search.minMatch > 0 || hiddenBlocked > 0;
  const pages = data ? pageCount(data.total, data.size || DISCOVER_PAGE_SIZE) : 1;

  /** The dismissed card has left: keep the keyboard in the feed, and leave a page that emptied. */
  const dismissed = () => {
    matchesHeading.current?.focus();
    const left = queryClient.getQueryData<MatchPage>(discoverKeys.list(query))?.items.length ?? 0;
    if (left === 0 && search.page > 1) update({ page: search.page - 1 });
  };

  const refreshStatus = refresh.running
    ? refresh.progress
      ? `Looking for new jobs: ${refresh.progress.message ? `${refresh.progress.message}, ` : ''}${refresh.progress.progress}%`
      : 'Looking for new jobs…'
    : '';

  return (
    <>
      <PageTitle title="Discover" />
      <div>
        <Title order={1}>Discover</Title>
        <Text c="dimmed" mt={4}>
          Postings from job boards ranked by how well you fit them: your resume, profile and saved searches, scored
          as on each job's page.
        </Text>
      </div>

      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Group justify="space-between" align="center" gap="md" wrap="wrap">
            <Group gap="sm" align="center" wrap="wrap">
              <Button
                leftSection={<RefreshIcon size={16} />}
                onClick={refresh.start}
                loading={refresh.pending}
                disabled={refresh.running}
              >
                Refresh jobs now
              </Button>
              <Text size="sm" c="dimmed" role="status" aria-live="polite">
                {refreshStatus}
              </Text>
            </Group>
            <Group gap="lg" align="center" wrap="wrap" role="group" aria-label="Filters">
              <Switch
                label="Remote only"
                checked={search.remoteOnly}
                onChange={(event) => update({ remoteOnly: event.currentTarget.checked })}
              />
              <Switch
                label="Show jobs that fail what I need"
                checked={search.showBlocked}
                onChange={(event) => update({ showBlocked: event.currentTarget.checked })}
              />
              <Group gap="xs" align="center" wrap="nowrap">
                <Text size="sm" fw={500} id="discover-min-match-label">
                  Minimum match
                </Text>
                <SegmentedControl
                  aria-labelledby="discover-min-match-label"
                  size="sm"
                  value={String(search.minMatch)}
                  onChange={(value) => {
                    const next = Number(value);
                    if (isMinMatch(next)) update({ minMatch: next });
                  }}
                  data={MIN_MATCH_OPTIONS.map((option) => ({ value: option.value, label: option.label }))}
                />
              </Group>
            </Group>
          </Group>
          <FormError error={refresh.error} title="Jobs were not refreshed" />
        </Stack>
      </Paper>

      <NeedsPanel />

      <Stack component="section" aria-labelledby="discover-matches-title" gap="md">
        <Group justify="space-between" align="center" gap="sm">
          <Group gap="xs" align="baseline">
            <Title order={2} size="h4" id="discover-matches-title" ref={matchesHeading} tabIndex={-1} className="focus-target">
              Matches
            </Title>
            {data ? (
              <Text c="dimmed" size="sm" aria-live="polite" aria-atomic>
                {plural(data.total, 'match', 'matches')}
              </Text>
            ) : null}
            {hiddenBlocked > 0 ? (
              <Text c="dimmed" size="sm">
                {`(${plural(hiddenBlocked, 'more', 'more')} hidden: ${hiddenBlocked === 1 ? 'it fails' : 'they fail'} what you need)`}
              </Text>
            ) : null}
            {feed.isFetching && !feed.isPending ? <Loader size="xs" role="status" aria-label="Updating matches" /> : null}
          </Group>
        </Group>
        {data?.rebuilding ? (
          <Group gap="xs" role="status" aria-live="polite">
            <Loader size="xs" aria-hidden />
            <Text size="sm" c="dimmed">
              Your resume, profile or needs changed: your matches are being scored again. They update here when done.
            </Text>
          </Group>
        ) : null}

        {feed.isPending ? (
          <FeedSkeleton />
        ) : feed.isError && !data ? (
          <QueryError error={feed.error} onRetry={() => feed.refetch()} retrying={feed.isFetching} title="Could not load your matches" />
        ) : data && data.total === 0 && filtered ? (
          <EmptyState
            title="No matches with these filters"
            order={3}
            icon={<SearchIcon size={28} />}
            actions={
              <Button variant="default" onClick={() => update({ ...EMPTY_DISCOVER_SEARCH, showBlocked: hiddenBlocked > 0 })}>
                Show all matches
              </Button>
            }
          >
            {filteredEmptyText(search)}
          </EmptyState>
        ) : data && data.total === 0 ? (
          <EmptyState
            title="No matches yet"
            order={3}
            icon={<SearchIcon size={28} />}
            actions={
              <Group gap="sm" justify="center">
                <Button component="a" href={`#${SAVED_SEARCHES_ID}`} variant="light">
                  Add a saved search
                </Button>
                <Button component="a" href={`#${FOLLOWED_COMPANIES_ID}`} variant="default">
                  Follow a company board
                </Button>
              </Group>
            }
          >
            Discover lists postings from job boards that fit your profile. Tell it what to look for: add a saved
            search or follow a company's job board below, then press “Refresh jobs now”. Matches also come in every
            night. The better your{' '}
            <Anchor component={Link} to="/profile" inherit underline="always">
              profile's skills
            </Anchor>
            , the better the matches.
          </EmptyState>
        ) : data ? (
          <>
            {feed.isError ? (
              <QueryError error={feed.error} onRetry={() => feed.refetch()} retrying={feed.isFetching} title="Could not update your matches" />
            ) : null}
            <Stack component="ul" gap="sm" p={0} m={0} className="plain-list" opacity={feed.isPlaceholderData ? 0.6 : 1}>
              {data.items.map((match) => (
                <li key={match.id}>
                  <MatchCard match={match} onDismissed={dismissed} />
                </li>
              ))}
            </Stack>
            <Pager page={search.page} pages={pages} onChange={(page) => update({ page })} scrollToTop />
          </>
        ) : null}
      </Stack>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <SavedSearchesSection />
        <FollowedCompaniesSection />
      </SimpleGrid>

      <Text size="sm" c="dimmed">
        Which job boards run, and how they are doing:{' '}
        <Anchor component={Link} to="/sources" inherit underline="always">
          Sources
        </Anchor>
        .
      </Text>
    </>
  );
}

import { Anchor, Button, Group, Loader, NativeSelect, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { BriefcaseIcon, LinkIcon, PlusIcon, SearchIcon } from '../../components/icons';
import { pageCount, Pager } from '../../components/Pager';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { useDebouncedCommit } from '../../hooks/useDebouncedCommit';
import { plural } from '../../lib/format';
import { ImportJobModal } from './ImportJobModal';
import { JobCard } from './JobCard';
import { JobFilters } from './JobFilters';
import {
  activeFilterCount,
  EMPTY_SEARCH,
  effectiveSort,
  PAGE_SIZE,
  parseJobSearch,
  SORT_OPTIONS,
  toApiQuery,
  toSearchParams,
  type JobSearch,
} from './jobSearch';
import { useJobList } from './useJobs';

function SearchBox({ value, onCommit }: { value: string; onCommit: (q: string, replace: boolean) => void }) {
  const { draft, setDraft, flush } = useDebouncedCommit(value, (q) => onCommit(q, true));
  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        flush();
      }}
    >
      <TextInput
        type="search"
        aria-label="Search jobs"
        placeholder="Search title, skills, company…"
        size="md"
        leftSection={<SearchIcon size={18} />}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        maxLength={200}
        enterKeyHint="search"
      />
    </form>
  );
}

function ListSkeleton() {
  return (
    <Stack gap="sm" role="status" aria-busy="true" aria-label="Loading jobs">
      {[0, 1, 2, 3].map((index) => (
        <Paper key={index} withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Skeleton h={20} w="55%" />
            <Skeleton h={14} w="30%" />
            <Group gap="xs">
              <Skeleton h={20} w={70} radius="sm" />
              <Skeleton h={20} w={90} radius="sm" />
            </Group>
            <Skeleton h={12} />
            <Skeleton h={12} w="80%" />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

export function JobsPage() {
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => parseJobSearch(params), [params]);
  const query = useMemo(() => toApiQuery(search), [search]);
  const jobs = useJobList(query);
  const [importing, setImporting] = useState(false);

  const update = useCallback(
    (patch: Partial<JobSearch>, options?: { replace?: boolean }) => {
      // Any change of what is shown starts again at page 1, unless the page itself changes.
      const next = { ...search, page: 1, ...patch };
      setParams(toSearchParams(next), { replace: options?.replace });
    },
    [search, setParams],
  );
  const clearFilters = useCallback(() => update({ ...EMPTY_SEARCH, sort: search.sort }), [update, search.sort]);

  const filtered = activeFilterCount(search) > 0;
  const data = jobs.data;
  const nothingAtAll = data !== undefined && data.total === 0 && !filtered && !jobs.isPlaceholderData;
  const pages = data ? pageCount(data.total, data.size || PAGE_SIZE) : 1;
  const listSearch = params.toString() ? `?${params.toString()}` : '';

  return (
    <>
      <PageTitle title={search.q ? `Jobs matching “${search.q}”` : 'Jobs'} />
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>Jobs</Title>
          <Text c="dimmed" mt={4}>
            Find postings, keep the ones you like, and track them on your board.
          </Text>
        </div>
        {nothingAtAll ? null : (
          <Group gap="sm">
            <Button variant="default" leftSection={<LinkIcon size={16} />} onClick={() => setImporting(true)}>
              Import from link
            </Button>
            <Button component={Link} to="/jobs/new" leftSection={<PlusIcon size={16} />}>
              Add job
            </Button>
          </Group>
        )}
      </Group>
      <ImportJobModal opened={importing} onClose={() => setImporting(false)} />

      <Stack gap="md">
        <SearchBox value={search.q} onCommit={(q, replace) => update({ q }, { replace })} />
        <JobFilters search={search} onChange={update} onClear={clearFilters} showReset={data?.total !== 0} />
      </Stack>

      {jobs.isPending ? (
        <ListSkeleton />
      ) : jobs.isError && !data ? (
        <QueryError error={jobs.error} onRetry={() => jobs.refetch()} retrying={jobs.isFetching} title="Could not load jobs" />
      ) : nothingAtAll ? (
        <EmptyState
          title="No jobs yet"
          icon={<BriefcaseIcon size={28} />}
          actions={
            <Group gap="sm" justify="center">
              <Button component={Link} to="/jobs/new" leftSection={<PlusIcon size={16} />}>
                Add job
              </Button>
              <Button variant="default" leftSection={<LinkIcon size={16} />} onClick={() => setImporting(true)}>
                Import from link
              </Button>
            </Group>
          }
        >
          Found a posting you like? Add it by hand now: paste its text, and track it on your board. Or import it from
          its link (Greenhouse, Lever, Ashby and career pages with job posting data). Postings from job boards that
          fit you show up in{' '}
          <Anchor component={Link} to="/discover" inherit underline="always">
            Discover
          </Anchor>
          .
        </EmptyState>
      ) : data && data.total === 0 ? (
        <EmptyState
          title="No jobs match"
          icon={<SearchIcon size={28} />}
          actions={
            <Button variant="default" onClick={clearFilters}>
              Clear filters
            </Button>
          }
        >
          Nothing fits {search.q ? <>“{search.q}” with </> : null}these filters. Try fewer words, or widen the salary
          and date filters.
        </EmptyState>
      ) : data ? (
        <Stack gap="md">
          <Group justify="space-between" align="flex-end" gap="sm">
            <Group gap="xs" align="center">
              <Text fw={600} aria-live="polite" aria-atomic>
                {data.total_is_lower_bound
                  ? `More than ${data.total.toLocaleString()} jobs`
                  : plural(data.total, 'job')}
              </Text>
              {data.total_is_lower_bound ? (
                <Text size="sm" c="dimmed">
                  showing the newest {data.total.toLocaleString()}; add words or filters to narrow them
                </Text>
              ) : null}
              {jobs.isFetching ? <Loader size="xs" role="status" aria-label="Updating results" /> : null}
            </Group>
            <NativeSelect
              label="Sort by"
              data={SORT_OPTIONS.filter((option) => option.value !== 'relevance' || search.q.trim())}
              value={effectiveSort(search)}
              onChange={(event) => update({ sort: event.currentTarget.value as JobSearch['sort'] })}
              w={{ base: '100%', xs: 200 }}
              styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 }, label: { whiteSpace: 'nowrap' }, wrapper: { flex: 1 } }}
            />
          </Group>
          {jobs.isError ? (
            <QueryError error={jobs.error} onRetry={() => jobs.refetch()} retrying={jobs.isFetching} title="Could not update the results" />
          ) : null}
          <Stack component="ul" gap="sm" p={0} m={0} className="plain-list" opacity={jobs.isPlaceholderData ? 0.6 : 1}>
            {data.items.map((job) => (
              <li key={job.id}>
                <JobCard job={job} listSearch={listSearch} />
              </li>
            ))}
          </Stack>
          <Pager page={search.page} pages={pages} onChange={(page) => update({ page })} scrollToTop />
        </Stack>
      ) : null}
    </>
  );
}

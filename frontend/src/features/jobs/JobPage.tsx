import { Anchor, Badge, Box, Button, Card, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../client';
import type { JobRead } from '../../client/types';
import { ExternalIcon, PinIcon } from '../../components/icons';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { formatDate, formatSalary } from '../../lib/format';
import { TrackingPanel } from '../applications/TrackingPanel';
import { JobWritingCard } from '../documents/JobWritingCard';
import { MatchCard } from '../match/MatchCard';
import { demoteHeadings } from './description';
import { parseJobId } from './EditJobPage';
import { RemoteBadge } from './JobCard';
import { JobNotFound } from './JobNotFound';
import { JobSkills } from './JobSkills';
import { BackLink } from './NewJobPage';
import { useJob } from './useJobs';

function Description({ job }: { job: JobRead }) {
  const html = useMemo(() => demoteHeadings(job.description_html), [job.description_html]);
  return (
    <Card component="section" aria-labelledby="description-title">
      <Title order={2} size="h4" id="description-title" mb="sm">
        Description
      </Title>
      {html.trim() ? (
        // Sanitised by the server (nh3: no scripts, styles or event handlers).
        <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <Text c="dimmed" size="sm">
          No description was given for this job.
          {job.is_own ? (
            <>
              {' '}
              <Anchor component={Link} to={`/jobs/${job.id}/edit`}>
                Paste it in
              </Anchor>{' '}
              to keep it with your application.
            </>
          ) : null}
        </Text>
      )}
    </Card>
  );
}

function JobDetails({ job, backTo }: { job: JobRead; backTo: string }) {
  const salary = formatSalary(job);
  return (
    <>
      <PageTitle title={`${job.title} at ${job.company}`} />
      <Stack gap="sm">
        <BackLink to={backTo}>Jobs</BackLink>
        <Group justify="space-between" align="flex-start" gap="md">
          <Box miw={0} flex="1 1 320px">
            <Title order={1} className="wrap-anywhere">
              {job.title}
            </Title>
            <Text size="lg" fw={600} mt={4} className="wrap-anywhere">
              {job.company}
            </Text>
          </Box>
          <Group gap="sm">
            {job.url ? (
              <Button
                component="a"
                href={job.url}
                target="_blank"
                rel="noopener noreferrer"
                variant="light"
                rightSection={<ExternalIcon size={16} />}
              >
                Open posting
              </Button>
            ) : null}
            {job.is_own ? (
              <Button component={Link} to={`/jobs/${job.id}/edit`} variant="default">
                Edit job
              </Button>
            ) : null}
          </Group>
        </Group>
        <Group gap="md" wrap="wrap">
          {job.location ? (
            <Group gap={4} wrap="nowrap" c="dimmed">
              <PinIcon size={16} />
              <Text size="sm">{job.location}</Text>
            </Group>
          ) : null}
          <RemoteBadge remote={job.remote_type} />
          {job.employment_type ? (
            <Badge variant="outline" color="gray" radius="sm" tt="none" fw={500}>
              {job.employment_type}
            </Badge>
          ) : null}
          {job.seniority ? (
            <Badge variant="outline" color="gray" radius="sm" tt="none" fw={500}>
              {job.seniority}
            </Badge>
          ) : null}
          {job.is_own ? (
            <Badge variant="light" color="grape" radius="sm" tt="none" fw={500}>
              Added by you
            </Badge>
          ) : null}
        </Group>
        <Group gap="lg" wrap="wrap">
          {salary ? (
            <Text fw={600}>
              <Text span c="dimmed" fw={400}>
                Salary:{' '}
              </Text>
              {salary}
            </Text>
          ) : null}
          {job.posted_at ? (
            <Text c="dimmed" size="sm">
              Posted <time dateTime={job.posted_at}>{formatDate(job.posted_at)}</time>
            </Text>
          ) : null}
        </Group>
      </Stack>

      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="lg">
            <MatchCard jobId={job.id} />
            <JobWritingCard jobId={job.id} />
            <JobSkills key={job.id} job={job} />
            <Description job={job} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }} order={{ base: 1, md: 2 }}>
          <Box className="sticky-panel">
            <TrackingPanel job={job} />
          </Box>
        </Grid.Col>
      </Grid>
    </>
  );
}

function JobSkeleton() {
  return (
    <Stack gap="lg" role="status" aria-busy="true" aria-label="Loading job">
      <Skeleton h={14} w={60} />
      <Skeleton h={34} w="70%" />
      <Skeleton h={18} w="35%" />
      <Group gap="xs">
        <Skeleton h={22} w={80} radius="sm" />
        <Skeleton h={22} w={100} radius="sm" />
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Skeleton h={320} radius="md" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Skeleton h={220} radius="md" />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

interface JobsListState {
  jobsSearch?: string;
}

export function JobPage() {
  const id = parseJobId(useParams().id);
  const location = useLocation();
  const job = useJob(id);
  const search = (location.state as JobsListState | null)?.jobsSearch;
  const backTo = `/jobs${typeof search === 'string' && search.startsWith('?') ? search : ''}`;

  if (id === null || (job.error instanceof ApiError && job.error.status === 404)) return <JobNotFound />;
  if (job.isPending) {
    return (
      <>
        <PageTitle title="Job" />
        <JobSkeleton />
      </>
    );
  }
  if (job.isError) {
    return (
      <>
        <PageTitle title="Job" />
        <BackLink to={backTo}>Jobs</BackLink>
        <Title order={1}>Job</Title>
        <QueryError error={job.error} onRetry={() => job.refetch()} retrying={job.isFetching} title="Could not load this job" />
      </>
    );
  }
  return <JobDetails job={job.data} backTo={backTo} />;
}

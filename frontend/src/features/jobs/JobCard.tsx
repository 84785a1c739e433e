import { Anchor, Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { JobListItem } from '../../client/types';
import { ClockIcon, PinIcon } from '../../components/icons';
import { formatDate, formatSalary, REMOTE_LABELS, relativeDays } from '../../lib/format';
import { StatusBadge } from '../applications/StatusBadge';

const MAX_SKILLS = 6;

export function RemoteBadge({ remote }: { remote: JobListItem['remote_type'] }) {
  if (remote === 'unknown') return null;
  const color = remote === 'remote' ? 'teal' : remote === 'hybrid' ? 'cyan' : 'gray';
  return (
    <Badge variant="light" color={color} radius="sm" tt="none" fw={600}>
      {REMOTE_LABELS[remote]}
    </Badge>
  );
}

interface JobCardProps {
  job: JobListItem;
  /** The list's query string, so the job page can link back to the same results. */
  listSearch: string;
}

/** One search result: what, where, how much, and whether you track it. */
export function JobCard({ job, listSearch }: JobCardProps) {
  const salary = formatSalary(job);
  const skills = job.tech_stack.slice(0, MAX_SKILLS);
  const moreSkills = job.tech_stack.length - skills.length;
  return (
    <Paper component="article" withBorder p={{ base: 'md', sm: 'lg' }} radius="md" className="job-card">
      <Stack gap={8}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Box miw={0}>
            <Title order={2} size="h4" className="wrap-anywhere">
              <Anchor component={Link} to={`/jobs/${job.id}`} state={{ jobsSearch: listSearch }} c="inherit" fw={700}>
                {job.title}
              </Anchor>
            </Title>
            <Text fw={500} mt={2} className="wrap-anywhere">
              {job.company}
            </Text>
          </Box>
          {job.tracking ? <StatusBadge status={job.tracking.status} size="lg" flex="none" /> : null}
        </Group>

        <Group gap="xs" wrap="wrap">
          <RemoteBadge remote={job.remote_type} />
          {job.employment_type ? (
            <Badge variant="outline" color="gray" radius="sm" tt="none" fw={500}>
              {job.employment_type}
            </Badge>
          ) : null}
          {job.is_own ? (
            <Badge variant="light" color="grape" radius="sm" tt="none" fw={500}>
              Added by you
            </Badge>
          ) : null}
        </Group>

        <Group gap="md" wrap="wrap" c="dimmed">
          {job.location ? (
            <Group gap={4} wrap="nowrap">
              <PinIcon size={15} />
              <Text size="sm">{job.location}</Text>
            </Group>
          ) : null}
          {salary ? (
            <Text size="sm" fw={600} c="var(--mantine-color-text)">
              {salary}
            </Text>
          ) : null}
          {job.posted_at ? (
            <Group gap={4} wrap="nowrap">
              <ClockIcon size={15} />
              <Text size="sm">
                Posted <time dateTime={job.posted_at} title={formatDate(job.posted_at)}>{relativeDays(job.posted_at)}</time>
              </Text>
            </Group>
          ) : null}
        </Group>

        {job.snippet ? (
          <Text size="sm" lineClamp={2} c="dimmed">
            {job.snippet}
          </Text>
        ) : null}

        {skills.length ? (
          <Group gap={6} wrap="wrap">
            {skills.map((skill) => (
              <Badge key={skill} variant="default" radius="sm" tt="none" fw={500} size="sm">
                {skill}
              </Badge>
            ))}
            {moreSkills > 0 ? (
              <Text size="xs" c="dimmed">
                +{moreSkills} more
              </Text>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

import { Anchor, Badge, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../client';
import type { MatchRead } from '../../client/types';
import { CheckIcon, ClockIcon, PinIcon, PlusIcon } from '../../components/icons';
import { formatDate, formatSalary, relativeDays } from '../../lib/format';
import { RemoteBadge } from '../jobs/JobCard';
import { useDismissMatch, useSaveMatch } from './useDiscover';

/** Chips shown per list before "+N more". */
const MAX_SKILLS = 8;

type MatchPart = MatchRead['parts'][number];

/** A part's status in words, with a mark so colour is never the only cue. */
export const PART_STATUS: Record<MatchPart['status'], { word: string; color: string; mark: string }> = {
  met: { word: 'Met', color: 'teal', mark: '✓' },
  partly: { word: 'Partly', color: 'yellow', mark: '◐' },
  not_met: { word: 'Not met', color: 'red', mark: '✗' },
  unknown: { word: 'Unknown', color: 'gray', mark: '?' },
};

/** 0.823 → 82. */
export function percent(fraction: number): number {
  return Math.round(Math.max(0, Math.min(1, fraction)) * 100);
}

function scoreColor(score: number): string {
  if (score >= 0.7) return 'green';
  if (score >= 0.5) return 'blue';
  return 'gray';
}

function SkillList({ id, label, skills, color }: { id: string; label: string; skills: string[]; color: string }) {
  if (skills.length === 0) return null;
  const shown = skills.slice(0, MAX_SKILLS);
  const more = skills.length - shown.length;
  return (
    <div>
      <Text id={id} size="xs" fw={700} c="dimmed" mb={4}>
        {label}
      </Text>
      <Group component="ul" aria-labelledby={id} gap={6} wrap="wrap" p={0} m={0} className="plain-list">
        {shown.map((skill) => (
          <li key={skill}>
            <Badge variant="light" color={color} radius="sm" tt="none" fw={500} size="sm">
              {skill}
            </Badge>
          </li>
        ))}
        {more > 0 ? (
          <li>
            <Text size="xs" c="dimmed">
              +{more} more
            </Text>
          </li>
        ) : null}
      </Group>
    </div>
  );
}

/** The score's parts that count (unknown ones are left out of the score, and of the card); the job page says why. */
function PartsList({ id, parts }: { id: string; parts: MatchPart[] }) {
  const counted = parts.filter((part) => part.status !== 'unknown');
  if (counted.length === 0) return null;
  return (
    <div>
      <Text id={id} size="xs" fw={700} c="dimmed" mb={4}>
        How you match
      </Text>
      <Group component="ul" aria-labelledby={id} gap={6} wrap="wrap" p={0} m={0} className="plain-list">
        {counted.map((part) => {
          const status = PART_STATUS[part.status];
          return (
            <li key={part.key}>
              <Badge variant="light" color={status.color} radius="sm" tt="none" fw={500} size="md">
                <span aria-hidden="true">{status.mark} </span>
                {part.label}
                <span className="visually-hidden">: {status.word}</span>
              </Badge>
            </li>
          );
        })}
      </Group>
    </div>
  );
}

/** The hard requirements the user set that this posting fails (shown when they chose to see such postings). */
function Blockers({ id, blockers }: { id: string; blockers: string[] }) {
  if (blockers.length === 0) return null;
  return (
    <div>
      <Text id={id} size="xs" fw={700} c="red.8" mb={4}>
        Fails what you need
      </Text>
      <Box component="ul" aria-labelledby={id} m={0} pl="1.2rem">
        {blockers.map((blocker) => (
          <li key={blocker}>
            <Text size="sm">{blocker}</Text>
          </li>
        ))}
      </Box>
    </div>
  );
}

interface MatchCardProps {
  match: MatchRead;
  /** After a dismissal, once the card has left the feed. */
  onDismissed: (match: MatchRead) => void;
}

/** One posting of the Discover feed: what, where, how well it fits and why, and what to do with it. */
export function MatchCard({ match, onDismissed }: MatchCardProps) {
  const { job } = match;
  const salary = formatSalary(job);
  const base = `match-${match.id}`;
  const save = useSaveMatch();
  const dismiss = useDismissMatch(onDismissed);
  // Saved from this page, or found already on the board (the feed does not say which jobs are tracked).
  const [saved, setSaved] = useState(false);

  const saveToTracker = () =>
    save.mutate(match, {
      onSuccess: () => {
        setSaved(true);
        notifications.show({
          color: 'green',
          title: 'Saved to your board',
          message: `${job.title} at ${job.company} is under Interested.`,
        });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409) {
          setSaved(true);
          notifications.show({ title: 'Already tracked', message: `${job.title} at ${job.company} is already on your board.` });
          return;
        }
        notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) });
      },
    });

  const dismissMatch = () =>
    dismiss.mutate(match, {
      onError: (error) => notifications.show({ color: 'red', title: 'Not dismissed', message: errorMessage(error) }),
    });

  return (
    <Paper
      component="article"
      aria-labelledby={`${base}-title`}
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      className="job-card"
      opacity={dismiss.isPending ? 0.6 : 1}
    >
      <Stack gap={10}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Box miw={0}>
            <Title order={3} size="h4" id={`${base}-title`} className="wrap-anywhere">
              <Anchor component={Link} to={`/jobs/${job.id}`} c="inherit" fw={700}>
                {job.title}
              </Anchor>
            </Title>
            <Text fw={500} mt={2} className="wrap-anywhere">
              {job.company}
            </Text>
          </Box>
          <Badge variant="light" color={scoreColor(match.score)} radius="sm" tt="none" fw={700} size="lg" flex="none">
            {`${percent(match.score)}% match`}
          </Badge>
        </Group>

        <Group gap="md" wrap="wrap" c="dimmed">
          <RemoteBadge remote={job.remote_type} />
          {job.employment_type ? (
            <Badge variant="outline" color="gray" radius="sm" tt="none" fw={500}>
              {job.employment_type}
            </Badge>
          ) : null}
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
                Posted{' '}
                <time dateTime={job.posted_at} title={formatDate(job.posted_at)}>
                  {relativeDays(job.posted_at)}
                </time>
              </Text>
            </Group>
          ) : null}
        </Group>

        <SkillList id={`${base}-have`} label="You have" skills={match.matched_skills} color="green" />
        <SkillList id={`${base}-missing`} label="Missing" skills={match.missing_skills} color="orange" />
        <PartsList id={`${base}-parts`} parts={match.parts} />
        <Blockers id={`${base}-blockers`} blockers={match.blockers} />

        <Group justify="flex-end" gap="sm">
          <Button variant="default" size="sm" onClick={dismissMatch} loading={dismiss.isPending} disabled={save.isPending}>
            Dismiss
          </Button>
          {saved ? (
            <Button component={Link} to="/board" variant="light" color="green" size="sm" leftSection={<CheckIcon size={16} />}>
              On your board
            </Button>
          ) : (
            <Button
              size="sm"
              leftSection={<PlusIcon size={16} />}
              onClick={saveToTracker}
              loading={save.isPending}
              disabled={dismiss.isPending}
            >
              Save to tracker
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

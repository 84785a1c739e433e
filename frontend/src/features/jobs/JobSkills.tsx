import { Badge, Box, Button, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { JobRead } from '../../client/types';
import { FormError } from '../../components/FormError';
import { useTaskProgress } from '../../hooks/useRealtime';
import { DataSentNote, ProviderNote } from '../ai/ProviderNote';
import { SKILLS_NOTE } from '../ai/providers';
import { sameSkill } from '../profile/skills';
import { useProfile } from '../profile/useProfile';
import { jobKeys, useJob, useRefreshJobSkills } from './useJobs';

/** While a new job's skills are being found, the job is asked again this often… */
export const SKILLS_POLL_MS = 2_000;
/** …for at most this long (the extraction takes a second or two; after this it has failed or is queued). */
export const SKILLS_WAIT_MS = 30_000;
/** With no news of a "Find skills again" task (no live updates), the job is fetched again after this. */
export const SKILLS_REFRESH_FALLBACK_MS = 15_000;
/** A task that reported progress and then went quiet this long is taken as over (failed, or its end was lost). */
export const SKILLS_TASK_SILENT_MS = 60_000;

const chipListStyle = { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: 6 } as const;

/** `skills_extracted_at` is null until the job's skills were found: poll for a while. */
function useAwaitSkills(job: JobRead): boolean {
  const waiting = job.skills_extracted_at === null;
  const [gaveUp, setGaveUp] = useState(false);
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setGaveUp(true), SKILLS_WAIT_MS);
    return () => clearTimeout(timer);
  }, [waiting]);
  const finding = waiting && !gaveUp;
  useJob(job.id, { refetchInterval: finding ? SKILLS_POLL_MS : false });
  return finding;
}

/** "Find skills again": a background task; running until its `task.progress` reaches 100 (useRealtime refetches the job). */
function useFindSkillsAgain(jobId: number) {
  const queryClient = useQueryClient();
  const refresh = useRefreshJobSkills(jobId);
  const [taskId, setTaskId] = useState<string | null>(null);
  const progress = useTaskProgress(taskId);
  const finished = progress !== undefined && progress.progress >= 100;

  useEffect(() => {
    if (!taskId || finished) return;
    // No live updates (or they went quiet: the task failed): look again, and give the button back.
    const delay = progress ? progress.at + SKILLS_TASK_SILENT_MS - Date.now() : SKILLS_REFRESH_FALLBACK_MS;
    const timer = setTimeout(() => {
      setTaskId(null);
      void queryClient.invalidateQueries({ queryKey: jobKeys.detail(jobId) });
    }, Math.max(0, delay));
    return () => clearTimeout(timer);
  }, [taskId, progress, finished, queryClient, jobId]);

  const start = () => refresh.mutate(undefined, { onSuccess: (task) => setTaskId(task.task_id) });
  return { start, running: refresh.isPending || (taskId !== null && !finished), error: refresh.error };
}

function SkillBadge({ name, mine }: { name: string; mine: boolean }) {
  return (
    <Badge
      variant={mine ? 'filled' : 'light'}
      radius="sm"
      tt="none"
      fw={500}
      size="lg"
      leftSection={mine ? <span aria-hidden="true">✓</span> : undefined}
    >
      {name}
      {mine ? <span className="visually-hidden"> (in your profile)</span> : null}
    </Badge>
  );
}

function Legend() {
  return (
    <Group gap="md" aria-hidden="true">
      <Group gap={6}>
        <Badge variant="filled" radius="sm" size="xs" tt="none">
          ✓
        </Badge>
        <Text size="xs" c="dimmed">
          In your profile
        </Text>
      </Group>
      <Group gap={6}>
        <Badge variant="light" radius="sm" size="xs" tt="none">
          &nbsp;
        </Badge>
        <Text size="xs" c="dimmed">
          Not in your profile yet
        </Text>
      </Group>
    </Group>
  );
}

/** The job's skills (yours highlighted) and responsibilities, with who found them and a way to ask again. */
export function JobSkills({ job }: { job: JobRead }) {
  const finding = useAwaitSkills(job);
  const again = useFindSkillsAgain(job.id);
  const profile = useProfile();
  const mine = (name: string) => profile.data?.skills.some((skill) => sameSkill(skill.name, name)) ?? false;
  const busy = finding || again.running;

  return (
    <>
      <Card component="section" aria-labelledby="skills-title" aria-busy={busy || undefined}>
        <Stack gap="sm">
          <Group justify="space-between" gap="sm">
            <Title order={2} size="h4" id="skills-title">
              Skills
            </Title>
            <Button size="xs" variant="subtle" onClick={again.start} loading={again.running} disabled={finding}>
              Find skills again
            </Button>
          </Group>
          <FormError error={again.error} title="Could not look for skills again" />
          {finding ? (
            <Group gap="xs" role="status">
              <Loader size="xs" aria-hidden="true" />
              <Text size="sm">Finding skills…</Text>
            </Group>
          ) : job.tech_stack.length === 0 ? (
            <Text size="sm" c="dimmed">
              No skills were found in this posting.
            </Text>
          ) : (
            <>
              <Box component="ul" aria-label="Skills this job asks for" style={chipListStyle}>
                {job.tech_stack.map((skill) => (
                  <li key={skill}>
                    <SkillBadge name={skill} mine={mine(skill)} />
                  </li>
                ))}
              </Box>
              {profile.data ? <Legend /> : null}
            </>
          )}
          {finding ? null : <ProviderNote provider={job.skills_provider} {...SKILLS_NOTE} />}
          <DataSentNote what="When you find skills again, this posting" singular offline="Skills are found offline: nothing leaves this server." />
        </Stack>
      </Card>
      {job.responsibilities.length ? (
        <Card component="section" aria-labelledby="responsibilities-title">
          <Title order={2} size="h4" id="responsibilities-title" mb="sm">
            Responsibilities
          </Title>
          <List spacing={4} size="sm">
            {job.responsibilities.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </Card>
      ) : null}
    </>
  );
}

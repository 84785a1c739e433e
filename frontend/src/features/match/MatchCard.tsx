import { Anchor, Badge, Box, Button, Card, Group, List, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { JobFitRead } from '../../client/types';
import { FormError } from '../../components/FormError';
import { useCreateDocument } from '../documents/useDocuments';
import { useMatch } from './useMatch';

type Part = JobFitRead['parts'][number];
type Skill = JobFitRead['skills'][number];

const STATUS: Record<Part['status'], { word: string; color: string; mark: string }> = {
  met: { word: 'Met', color: 'teal', mark: '✓' },
  partly: { word: 'Partly', color: 'yellow', mark: '◐' },
  not_met: { word: 'Not met', color: 'red', mark: '✗' },
  unknown: { word: 'Unknown', color: 'gray', mark: '?' },
};

const chipListStyle = { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: 6 } as const;

/** Who read what the posting asks: the built-in reader, or the AI model held to the posting's own words. */
export function readBy(reader: string): string {
  if (reader.startsWith('hybrid:')) {
    return `What the posting asks was read by the AI model (${reader.slice('hybrid:'.length)}), keeping only what its text says.`;
  }
  return 'What the posting asks was read offline, from its text.';
}

/** The score in words, so the number is never the only way to read it. */
export function scoreWords(score: number): string {
  if (score >= 80) return 'a strong match';
  if (score >= 60) return 'a good match, with gaps';
  if (score >= 40) return 'a partial match';
  return 'a weak match';
}

function SkillGroup({ title, skills, hint }: { title: string; skills: Skill[]; hint: string }) {
  if (skills.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {title}{' '}
        <Text span size="xs" c="dimmed" fw={400}>
          {hint}
        </Text>
      </Text>
      <Box component="ul" aria-label={title} style={chipListStyle}>
        {skills.map((skill) => (
          <li key={`${skill.name}-${skill.required ? 'r' : 'n'}`}>
            <Badge variant={skill.where === 'resume' ? 'filled' : 'light'} radius="sm" tt="none" fw={500} size="lg">
              {skill.name}
              {skill.required ? null : <Text span size="xs" c="dimmed"> (nice to have)</Text>}
            </Badge>
          </li>
        ))}
      </Box>
    </Stack>
  );
}

function PartRow({ part }: { part: Part }) {
  const status = STATUS[part.status];
  return (
    <Box component="li" py={6} className="rule-top">
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text fw={600} size="sm">
          {part.label}
        </Text>
        <Badge color={status.color} variant="light" radius="sm" tt="none" flex="none">
          <span aria-hidden="true">{status.mark} </span>
          {status.word}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {part.detail}
      </Text>
    </Box>
  );
}

/** Suggested skills come from the profile; a tailored resume lists the profile's skills the resume does not say
 * (and never one the user has nowhere), so it applies them. */
function TailorWithThese({ jobId }: { jobId: number }) {
  const create = useCreateDocument(jobId);
  const navigate = useNavigate();
  const start = () =>
    create.mutate({ kind: 'tailored_resume', tone: 'professional', length: 'medium', why_company: '' }, { onSuccess: (document) => navigate(`/documents/${document.id}`) });
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Button size="xs" variant="light" onClick={start} loading={create.isPending}>
          Tailor my resume with these
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        A tailored copy adds the skills your profile has and your resume does not say; it never adds one you don't have.
      </Text>
      <FormError error={create.error} title="Could not start the tailored resume" />
    </Stack>
  );
}

/** "How you match": the score, each part in words, the skills in three groups and what to change first. */
export function MatchCard({ jobId }: { jobId: number }) {
  const match = useMatch(jobId);
  const data = match.data;
  return (
    <Card component="section" aria-labelledby="match-title" aria-busy={match.isPending || undefined}>
      <Stack gap="sm">
        <Title order={2} size="h4" id="match-title">
          How you match
        </Title>
        {match.error ? (
          // Not an alert: nothing the user did failed, and the rest of the page works without it.
          <Text size="sm" c="dimmed">
            The match could not be worked out just now: {match.error.message}
          </Text>
        ) : null}
        {match.isPending ? (
          <Stack gap="xs" aria-hidden="true">
            <Skeleton height={24} width="40%" />
            <Skeleton height={8} />
            <Skeleton height={60} />
          </Stack>
        ) : data ? (
          <>
            {data.resume_id === null ? (
              <Text size="sm">
                Upload your resume on your <Anchor component={Link} to="/profile">profile</Anchor> to see how your
                experience fits; until then only your profile skills are compared.
              </Text>
            ) : null}
            <Group gap="sm" align="baseline">
              <Text fz={32} fw={700} lh={1}>
                {data.score}
              </Text>
              <Text size="sm">of 100: {scoreWords(data.score)}</Text>
            </Group>
            <Progress value={data.score} aria-hidden="true" size="sm" />
            {data.blockers.length > 0 ? (
              <List size="sm" c="red" aria-label="Hard requirements you do not meet">
                {data.blockers.map((blocker) => (
                  <List.Item key={blocker}>{blocker}</List.Item>
                ))}
              </List>
            ) : null}
            {data.suggestions.length > 0 ? (
              <Stack gap={4}>
                <Title order={3} size="h5">
                  What to do next
                </Title>
                <List size="sm" type="ordered" spacing={4}>
                  {data.suggestions.map((suggestion) => (
                    <List.Item key={suggestion.text}>
                      {suggestion.text}{' '}
                      <Text span size="xs" c="dimmed">
                        (+{suggestion.gain} points)
                      </Text>
                    </List.Item>
                  ))}
                </List>
                {data.suggestions.some((suggestion) => suggestion.add_skills.length > 0) ? (
                  <TailorWithThese jobId={jobId} />
                ) : null}
              </Stack>
            ) : null}
            <SkillGroup
              title="In your resume"
              hint=""
              skills={data.skills.filter((skill) => skill.where === 'resume')}
            />
            <SkillGroup
              title="Say it in your resume"
              hint="in your profile, not your resume"
              skills={data.skills.filter((skill) => skill.where === 'profile')}
            />
            <SkillGroup
              title="Missing"
              hint="in neither: add one only if you have it"
              skills={data.skills.filter((skill) => skill.where === 'missing')}
            />
            <Box component="ul" aria-label="The parts of the score" p={0} m={0} className="plain-list">
              {data.parts.map((part) => (
                <PartRow key={part.key} part={part} />
              ))}
            </Box>
            <Text size="xs" c="dimmed">
              {readBy(data.requirements.read_by)}
            </Text>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

import { Badge, Box, Group, List, Loader, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { InterviewFeedback, InterviewQuestion } from '../../client/types';
import { streamedText } from '../../lib/streams';
import { ProviderNote } from '../ai/ProviderNote';
import { Markdown } from '../documents/markdown';
import { awaitingFeedback, feedbackOf, useFeedbackStream, WEAK_SCORE } from './useInterviews';

/** "problem_solving" → "Problem solving". */
export function criterionLabel(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function scoreColor(score: number): string {
  return score >= 80 ? 'green' : score >= WEAK_SCORE ? 'yellow' : 'red';
}

/** "72 / 100" as a badge coloured by how good it is. */
export function ScoreBadge({ score, size = 'lg' }: { score: number; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge variant="light" color={scoreColor(score)} radius="sm" tt="none" fw={700} size={size}>
      {`${Math.round(score)} / 100`}
    </Badge>
  );
}

function Criteria({ criteria }: { criteria: InterviewFeedback['criteria'] }) {
  // Server-typed loosely: keep the numbers only.
  const entries = Object.entries(criteria ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
  if (entries.length === 0) return null;
  return (
    <SimpleGrid component="ul" cols={{ base: 1, xs: 2 }} spacing="xs" p={0} m={0} className="plain-list" aria-label="Scores by criterion">
      {entries.map(([key, value]) => (
        <li key={key}>
          <Group justify="space-between" gap="xs">
            <Text size="sm">{criterionLabel(key)}</Text>
            <Text size="sm" fw={600}>
              {Math.round(value)}
              <span className="visually-hidden"> out of 100</span>
            </Text>
          </Group>
          <Progress value={Math.max(0, Math.min(100, value))} color={scoreColor(value)} size="sm" aria-hidden="true" />
        </li>
      ))}
    </SimpleGrid>
  );
}

function Notes({ title, items }: { title: string; items: string[] | undefined }) {
  if (!Array.isArray(items) || items.length === 0) return null;
  return (
    <div>
      <Title order={4} size="h6" mb={4}>
        {title}
      </Title>
      <List size="sm" spacing={2}>
        {items.map((item, i) => (
          <List.Item key={i}>{item}</List.Item>
        ))}
      </List>
    </div>
  );
}

/** Feedback on one answer: streamed text while it is written (a polite live region), then score, criteria and notes. */
export function FeedbackPanel({ question }: { question: InterviewQuestion }) {
  const stream = useFeedbackStream(question.id);
  const score = question.score ?? stream?.score ?? null;
  const stored = feedbackOf(question);
  const feedback: InterviewFeedback = question.score !== null ? stored : (stream?.feedback ?? stored);
  const finished = score !== null;
  const streamed = streamedText(stream, '');
  // Offline notes restate the strengths, improvements and hint shown below; a model's prose adds to them.
  const structured = Boolean(feedback.strengths?.length || feedback.improvements?.length || feedback.hint);
  const showNotes = !structured || (feedback.provider !== undefined && feedback.provider !== 'offline');
  if (!finished && !awaitingFeedback(question)) return null;
  return (
    <Box
      component="section"
      aria-label={`Feedback on question ${question.position}`}
      p="sm"
      className="muted-panel"
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5">
            Feedback
          </Title>
          {finished ? <ScoreBadge score={score} /> : <Loader size="xs" aria-hidden="true" />}
        </Group>
        <div aria-live="polite" aria-busy={!finished}>
          {finished ? (
            showNotes ? (
              <Markdown topHeading={5}>{feedback.notes || streamed || 'Your answer was scored.'}</Markdown>
            ) : (
              <Text size="sm">Your answer scored {score} out of 100.</Text>
            )
          ) : (
            <Text size="sm" className="pre-wrap">
              {streamed || 'Reading your answer…'}
            </Text>
          )}
        </div>
        {finished ? (
          <>
            <Criteria criteria={feedback.criteria} />
            <Notes title="Strengths" items={feedback.strengths} />
            <Notes title="To improve" items={feedback.improvements} />
            {feedback.hint ? (
              <div>
                <Title order={4} size="h6" mb={4}>
                  A stronger answer
                </Title>
                <Text size="sm">{feedback.hint}</Text>
              </div>
            ) : null}
            <ProviderNote provider={feedback.provider} model={feedback.details?.model} verb="Feedback" offline="Feedback from the built-in rubric (offline)" />
          </>
        ) : null}
      </Stack>
    </Box>
  );
}

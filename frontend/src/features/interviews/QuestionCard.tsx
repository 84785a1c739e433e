import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { InterviewQuestion } from '../../client/types';
import { FormError } from '../../components/FormError';
import { DataSentNote } from '../ai/ProviderNote';
import { FeedbackPanel } from './FeedbackPanel';
import { CATEGORY_LABELS, useRetryQuestion, useSubmitAnswer, WEAK_SCORE } from './useInterviews';

function QuestionHeading({ question, total }: { question: InterviewQuestion; total: number }) {
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Title order={2} size="h5" c="dimmed">
          Question {question.position} of {total}
        </Title>
        <Badge variant="light" radius="sm" tt="none" fw={500}>
          {CATEGORY_LABELS[question.category] ?? question.category}
        </Badge>
        {question.skill ? (
          <Badge variant="outline" color="gray" radius="sm" tt="none" fw={500}>
            {question.skill}
          </Badge>
        ) : null}
        {question.retry_of_id ? (
          <Badge variant="outline" color="grape" radius="sm" tt="none" fw={500}>
            Second try
          </Badge>
        ) : null}
      </Group>
      <Text fw={600} size="lg">
        {question.question}
      </Text>
    </Stack>
  );
}

/** The question to answer now: the answer box and Submit. */
interface AnswerFormProps {
  sessionId: number;
  question: InterviewQuestion;
  total: number;
  onSubmitted: (answerId: number) => void;
}

export function AnswerForm({ sessionId, question, total, onSubmitted }: AnswerFormProps) {
  const [answer, setAnswer] = useState('');
  const submit = useSubmitAnswer(sessionId);
  return (
    <Card component="section" aria-label={`Question ${question.position}`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (answer.trim()) submit.mutate({ answerId: question.id, answer: answer.trim() }, { onSuccess: () => onSubmitted(question.id) });
        }}
      >
        <Stack gap="md">
          <QuestionHeading question={question} total={total} />
          <Textarea
            label="Your answer"
            description={question.category === 'behavioural' ? 'Try the STAR shape: situation, task, action, result.' : undefined}
            value={answer}
            onChange={(event) => setAnswer(event.currentTarget.value)}
            autosize
            minRows={5}
            maxRows={16}
          />
          <DataSentNote
            what="For feedback, the question, the job’s title and skills and your answer"
            offline="Scored offline: your answer does not leave this server."
          />
          <FormError error={submit.error} title="Your answer was not sent" />
          <Group>
            <Button type="submit" loading={submit.isPending} disabled={!answer.trim()}>
              Submit answer
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** An answered question: the answer, its feedback, and Retry when it scored low. */
export function AnsweredQuestion({ sessionId, question, total }: { sessionId: number; question: InterviewQuestion; total: number }) {
  const retry = useRetryQuestion();
  const weak = question.score !== null && question.score < WEAK_SCORE;
  return (
    <Card component="article" aria-label={`Question ${question.position}`}>
      <Stack gap="sm">
        <QuestionHeading question={question} total={total} />
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Your answer
          </Text>
          <Text size="sm" className="pre-wrap wrap-anywhere">
            {question.answer}
          </Text>
        </div>
        <FeedbackPanel question={question} />
        {weak ? (
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              onClick={() => retry.mutate({ sessionId, answerId: question.id })}
              loading={retry.isPending}
              disabled={retry.isSuccess}
            >
              {retry.isSuccess ? 'Added to the end' : 'Retry this question'}
            </Button>
          </Group>
        ) : null}
        <FormError error={retry.error} title="Could not ask the question again" />
      </Stack>
    </Card>
  );
}

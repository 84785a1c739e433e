import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { SessionRead } from '../../client/types';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { RecordHeader, RecordPage } from '../../components/RecordPage';
import { useIdParam } from '../../hooks/useIdParam';
import { plural } from '../../lib/format';
import { ProviderNote } from '../ai/ProviderNote';
import { BackLink } from '../jobs/NewJobPage';
import { ScoreBadge } from './FeedbackPanel';
import { AnsweredQuestion, AnswerForm } from './QuestionCard';
import { useFinishInterview, useSession } from './useInterviews';

function Header({ session }: { session: SessionRead }) {
  const finish = useFinishInterview(session.id);
  return (
    <RecordHeader
      back={<BackLink to="/interviews">Interviews</BackLink>}
      title="Interview practice"
      meta={
        <>
          <Text size="lg" fw={600} mt={4}>
            {session.job_posting_id ? (
              <Link to={`/jobs/${session.job_posting_id}`}>{`${session.job_title} at ${session.company}`}</Link>
            ) : (
              `${session.job_title}${session.company ? ` at ${session.company}` : ''}`
            )}
          </Text>
          <Group gap="xs" mt={4}>
            <Text size="sm" c="dimmed">
              {plural(session.answered, 'answer')} of {session.total}
            </Text>
            {session.score !== null ? <ScoreBadge score={session.score} size="md" /> : null}
            <ProviderNote
              provider={session.provider}
              model={session.model}
              verb="Questions"
              offline="Questions from the built-in bank (offline)"
            />
          </Group>
        </>
      }
      action={
        session.status === 'active' ? (
          <Button variant="default" onClick={() => finish.mutate()} loading={finish.isPending}>
            Finish
          </Button>
        ) : null
      }
    >
      <FormError error={finish.error} title="Could not finish the session" />
    </RecordHeader>
  );
}

function Session({ session }: { session: SessionRead }) {
  const [reviewing, setReviewing] = useState<number | null>(null);
  const finish = useFinishInterview(session.id);
  const questions = [...session.questions].sort((a, b) => a.position - b.position);
  const total = questions.length;
  const answered = questions.filter((q) => q.answer !== null);
  const current = questions.find((q) => q.answer === null);
  const reviewed = answered.find((q) => q.id === reviewing);

  if (session.status === 'preparing') {
    return (
      <Card role="status">
        <Group gap="sm">
          <Loader size="sm" aria-hidden="true" />
          <Text>Preparing your questions…</Text>
        </Group>
      </Card>
    );
  }
  if (session.status === 'failed') {
    return (
      <Alert color="red" variant="light" role="alert" title="The questions could not be prepared">
        Start a new session from the job page.
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      {answered.length ? (
        <Title order={2} size="h4">
          Your answers
        </Title>
      ) : null}
      {answered.map((question) => (
        <AnsweredQuestion key={question.id} sessionId={session.id} question={question} total={total} />
      ))}
      {current && !reviewed ? (
        <AnswerForm key={current.id} sessionId={session.id} question={current} total={total} onSubmitted={setReviewing} />
      ) : null}
      {reviewed && current ? (
        <Group>
          <Button onClick={() => setReviewing(null)}>Next question</Button>
        </Group>
      ) : null}
      {!current && session.status === 'active' ? (
        <Card>
          <Stack gap="sm" align="flex-start">
            <Text>That was the last question. Finish to see your score.</Text>
            <Button onClick={() => finish.mutate()} loading={finish.isPending}>
              Finish session
            </Button>
            <FormError error={finish.error} title="Could not finish the session" />
          </Stack>
        </Card>
      ) : null}
      {session.status === 'finished' ? (
        <Alert color="green" variant="light" title="Session finished">
          {session.score !== null
            ? `Your score: ${Math.round(session.score)} / 100 over ${plural(session.answered, 'answer')}.`
            : 'No answers were scored.'}{' '}
          Retry the weak answers, or <Link to="/interviews">see how you are doing over time</Link>.
        </Alert>
      ) : null}
    </Stack>
  );
}

/** One practice session: a question at a time, the answer, streamed feedback, the next question, finish. */
export function InterviewPage() {
  const id = useIdParam();
  const session = useSession(id);
  return (
    <RecordPage
      id={id}
      query={session}
      title="Interview practice"
      notFound={{
        title: 'Interview not found',
        action: (
          <Button component={Link} to="/interviews">
            All interviews
          </Button>
        ),
      }}
      loadingLabel="Loading interview"
      skeletonHeight={240}
      errorTitle="Could not load this interview"
    >
      {(data) => (
        <>
          <PageTitle title={`Interview practice: ${data.job_title}`} />
          <Header session={data} />
          <Session session={data} />
        </>
      )}
    </RecordPage>
  );
}

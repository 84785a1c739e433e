import { Anchor, Badge, Box, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { InterviewStats, SessionSummary } from '../../client/types';
import { EmptyState } from '../../components/EmptyState';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/format';
import { AnalyticsSection, SectionEmpty, SectionSkeleton } from '../analytics/AnalyticsSection';
import { ScoreBadge } from './FeedbackPanel';
import { ByCategory, ScoresOverTime } from './InterviewCharts';
import { CATEGORY_LABELS, useInterviewStats, useRetryQuestion, useSessionList } from './useInterviews';

const STATUS_LABELS: Record<SessionSummary['status'], string> = {
  preparing: 'Preparing',
  active: 'In progress',
  finished: 'Finished',
  failed: 'Failed',
};

function Sessions({ sessions }: { sessions: SessionSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={520} type="native">
      <Table verticalSpacing="xs">
        <caption className="visually-hidden">Your practice sessions</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Job</Table.Th>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">Answered</Table.Th>
            <Table.Th scope="col">Score</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((session) => (
            <Table.Tr key={session.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/interviews/${session.id}`} size="sm">
                  {`${session.job_title}${session.company ? ` at ${session.company}` : ''}`}
                </Anchor>
              </Table.Th>
              <Table.Td>{formatDate(session.created_at)}</Table.Td>
              <Table.Td>{`${session.answered} of ${session.total}`}</Table.Td>
              <Table.Td>
                {session.score !== null ? (
                  <ScoreBadge score={session.score} size="sm" />
                ) : (
                  <Text size="sm" c="dimmed">
                    {STATUS_LABELS[session.status] ?? session.status}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Weakest({ items }: { items: InterviewStats['weakest'] }) {
  const retry = useRetryQuestion();
  const navigate = useNavigate();
  if (items.length === 0) return <SectionEmpty>No weak answers. Keep practising!</SectionEmpty>;
  return (
    <Stack gap="sm">
      <FormError error={retry.error} title="Could not ask the question again" />
      <Stack component="ol" gap="sm" p={0} m={0} className="plain-list" aria-label="Weakest answers">
        {items.map((item) => (
          <Group component="li" key={item.answer_id} justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
            <Box miw={0}>
              <Text size="sm" className="wrap-anywhere">
                {item.question}
              </Text>
              <Group gap="xs" mt={4}>
                <ScoreBadge score={item.score} size="sm" />
                <Badge variant="light" color="gray" radius="sm" tt="none" fw={500} size="sm">
                  {CATEGORY_LABELS[item.category] ?? item.category}
                </Badge>
              </Group>
            </Box>
            <Button
              size="xs"
              variant="light"
              aria-label={`Retry: ${item.question}`}
              loading={retry.isPending && retry.variables?.answerId === item.answer_id}
              onClick={() =>
                retry.mutate(
                  { sessionId: item.session_id, answerId: item.answer_id },
                  { onSuccess: () => navigate(`/interviews/${item.session_id}`) },
                )
              }
            >
              Retry
            </Button>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}

/** Interview practice over time: past sessions, scores over time and by kind of question, the weakest answers. */
export function InterviewsPage() {
  const list = useSessionList();
  const stats = useInterviewStats();
  const empty = list.data?.items.length === 0;
  const statsSection = (id: string, title: string, body: (data: InterviewStats) => ReactNode, description?: string) => (
    <AnalyticsSection id={id} title={title} description={description}>
      {stats.isPending ? (
        <SectionSkeleton label={`Loading ${title.toLowerCase()}`} />
      ) : stats.isError ? (
        <QueryError error={stats.error} onRetry={() => stats.refetch()} retrying={stats.isFetching} title={`Could not load ${title.toLowerCase()}`} />
      ) : (
        body(stats.data)
      )}
    </AnalyticsSection>
  );
  return (
    <>
      <PageTitle title="Interviews" />
      <div>
        <Title order={1}>Interviews</Title>
        <Text c="dimmed" mt={4}>
          Practise answering questions for the jobs you want, and watch your scores grow.
        </Text>
      </div>
      {empty ? (
        <EmptyState
          title="No practice yet"
          actions={
            <Button component={Link} to="/jobs">
              Choose a job
            </Button>
          }
        >
          Open a job and choose “Practice interview” to get questions for it.
        </EmptyState>
      ) : (
        <>
          <AnalyticsSection id="sessions-title" title="Sessions">
            {list.isPending ? (
              <SectionSkeleton label="Loading sessions" chart={false} />
            ) : list.isError ? (
              <QueryError error={list.error} onRetry={() => list.refetch()} retrying={list.isFetching} title="Could not load your sessions" />
            ) : (
              <Sessions sessions={list.data.items} />
            )}
          </AnalyticsSection>
          {statsSection('scores-title', 'Scores over time', (data) => <ScoresOverTime sessions={data.sessions} />, 'Each session’s mean score, out of 100.')}
          {statsSection('categories-title', 'By kind of question', (data) => <ByCategory categories={data.by_category} />)}
          {statsSection('weakest-title', 'Weakest answers', (data) => <Weakest items={data.weakest} />, 'Ask them again to do better.')}
        </>
      )}
    </>
  );
}

export default InterviewsPage;

import { BarChart, LineChart } from '@mantine/charts';
import { Box, Stack, Table, Text } from '@mantine/core';
import type { InterviewStats } from '../../client/types';
import { formatDate } from '../../lib/format';
import { ChartBox, SectionEmpty } from '../analytics/AnalyticsSection';
import { CATEGORY_LABELS } from './useInterviews';

const score = (value: number | null) => (value === null ? '—' : `${Math.round(value)} / 100`);

/** Each finished session's score, oldest first, as a line, with the same figures as a table. */
export function ScoresOverTime({ sessions }: { sessions: InterviewStats['sessions'] }) {
  const scored = [...sessions].filter((s) => s.score !== null).sort((a, b) => a.created_at.localeCompare(b.created_at));
  if (scored.length === 0) return <SectionEmpty>Answer a few questions to see your scores here.</SectionEmpty>;
  const data = scored.map((s) => ({ day: formatDate(s.created_at), score: Math.round(s.score as number) }));
  return (
    <Stack gap="sm">
      <ChartBox>
        <LineChart
          // The figures are in the table below it: keep the SVG out of the tab order.
          accessibilityLayer={false}
          h={220}
          data={data}
          dataKey="day"
          series={[{ name: 'score', label: 'Score', color: 'brand.6' }]}
          yAxisProps={{ domain: [0, 100] }}
          curveType="monotone"
          withTooltip={false}
          tickLine="none"
          gridAxis="y"
        />
      </ChartBox>
      <Table.ScrollContainer minWidth={320} type="native">
        <Table verticalSpacing={4}>
          <caption className="visually-hidden">Score per session</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Session</Table.Th>
              <Table.Th scope="col">Job</Table.Th>
              <Table.Th scope="col" ta="right">
                Score
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scored.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Th scope="row" fw={500}>
                  {formatDate(s.created_at)}
                </Table.Th>
                <Table.Td>{s.job_title}</Table.Td>
                <Table.Td ta="right">{score(s.score)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The mean score per kind of question, as bars, with the same figures as a list. */
export function ByCategory({ categories }: { categories: InterviewStats['by_category'] }) {
  const answered = categories.filter((c) => c.answered > 0);
  if (answered.length === 0) return <SectionEmpty>No answers scored yet.</SectionEmpty>;
  const data = answered.map((c) => ({ category: CATEGORY_LABELS[c.category] ?? c.category, mean: Math.round(c.mean_score ?? 0) }));
  return (
    <Stack gap="sm">
      <ChartBox>
        <BarChart
          accessibilityLayer={false}
          h={180}
          data={data}
          dataKey="category"
          series={[{ name: 'mean', label: 'Mean score', color: 'violet.6' }]}
          yAxisProps={{ domain: [0, 100] }}
          withTooltip={false}
          withBarValueLabel
          gridAxis="y"
          tickLine="none"
          maxBarWidth={64}
        />
      </ChartBox>
      <Box component="ul" aria-label="Mean score by kind of question" m={0} pl={18}>
        {answered.map((c) => (
          <Text component="li" size="sm" key={c.category}>
            {CATEGORY_LABELS[c.category] ?? c.category}: <strong>{score(c.mean_score)}</strong>{' '}
            <Text span c="dimmed" size="sm">
              ({c.answered} answered)
            </Text>
          </Text>
        ))}
      </Box>
    </Stack>
  );
}

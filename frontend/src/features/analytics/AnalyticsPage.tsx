import { BarChart } from '@mantine/charts';
import { Box, Button, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AnalyticsSummary, Funnel, FunnelRates, MonthRates, SourceRates, StageTime } from '../../client/types';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { useAuth } from '../../hooks/useAuth';
import { formatDays, formatMonth, formatPercent, localDay, plural } from '../../lib/format';
import { isStatus, STATUS_LABELS } from '../applications/statuses';
import { ActivitySection } from './ActivitySection';
import { AnalyticsSection, ChartBox, SectionEmpty, SectionSkeleton } from './AnalyticsSection';
import { SkillDemandSection, SkillGapSection } from './SkillSections';
import { isPeriod, PERIODS, periodRange, useAnalyticsSummary, type AnalyticsPeriod } from './useAnalytics';

/** The pipeline, in order, with its colours (those of the board's columns). */
const FUNNEL_STAGES: readonly { key: keyof Funnel; label: string; color: string }[] = [
  { key: 'tracked', label: 'Tracked', color: 'blue.6' },
  { key: 'applied', label: 'Applied', color: 'brand.6' },
  { key: 'interview', label: 'Interview', color: 'violet.6' },
  { key: 'offer', label: 'Offer', color: 'teal.6' },
  { key: 'accepted', label: 'Accepted', color: 'green.6' },
];

/** How applications ended (or stalled). */
const ENDINGS: readonly { key: keyof Funnel; label: string }[] = [
  { key: 'rejected', label: 'Rejected' },
  { key: 'withdrawn', label: 'Withdrawn' },
  { key: 'ghosted', label: 'Ghosted' },
];

const RATES: readonly { key: keyof FunnelRates; label: string }[] = [
  { key: 'applied_to_interview', label: 'Applied → Interview' },
  { key: 'interview_to_offer', label: 'Interview → Offer' },
  { key: 'offer_to_accepted', label: 'Offer → Accepted' },
  { key: 'overall', label: 'Overall (Applied → Accepted)' },
];

const DEFAULT_PERIOD: AnalyticsPeriod = 'all';

function stageLabel(stage: string): string {
  return isStatus(stage) ? STATUS_LABELS[stage] : stage.charAt(0).toUpperCase() + stage.slice(1);
}

function sourceLabel(source: string): string {
  return source.charAt(0).toUpperCase() + source.slice(1);
}

/** A list of "12 Tracked"-style figures (the same reading as the dashboard's pipeline tiles). */
function Figures({ label, items }: { label: string; items: { key: string; label: string; value: number }[] }) {
  return (
    <SimpleGrid component="ul" cols={{ base: 2, xs: items.length > 3 ? 5 : 3 }} spacing="xs" p={0} m={0} className="plain-list" aria-label={label}>
      {items.map((item) => (
        <Box component="li" key={item.key} p="xs" className="muted-panel">
          <Text span fz={22} fw={700} lh={1.1} display="block">
            {item.value.toLocaleString()}
          </Text>{' '}
          <Text span size="sm" c="dimmed" display="block">
            {item.label}
          </Text>
        </Box>
      ))}
    </SimpleGrid>
  );
}

function FunnelBody({ summary, allTime }: { summary: AnalyticsSummary; allTime: boolean }) {
  const { funnel, rates } = summary.success;
  if (funnel.tracked === 0) {
    return (
      <SectionEmpty
        action={
          <Button component={Link} to="/jobs" variant="light">
            Find or add a job
          </Button>
        }
      >
        {allTime ? 'Track and apply to jobs to see your funnel.' : 'Nothing tracked in this period. Choose a longer period, or track and apply to jobs.'}
      </SectionEmpty>
    );
  }
  const data = FUNNEL_STAGES.map((stage) => ({ stage: stage.label, count: funnel[stage.key], color: stage.color }));
  return (
    <Stack gap="md">
      <ChartBox>
        <BarChart
          // The figures are in the text beside it: keep the SVG out of the tab order.
          accessibilityLayer={false}
          h={220}
          data={data}
          dataKey="stage"
          series={[{ name: 'count', label: 'Applications', color: 'brand.6' }]}
          withTooltip={false}
          withBarValueLabel
          gridAxis="y"
          tickLine="none"
          maxBarWidth={64}
        />
      </ChartBox>
      <Figures label="Funnel" items={FUNNEL_STAGES.map((stage) => ({ key: stage.key, label: stage.label, value: funnel[stage.key] }))} />
      <div>
        <Title order={3} size="h6" mb={6}>
          Conversion rates
        </Title>
        <SimpleGrid component="ul" cols={{ base: 1, xs: 2 }} spacing={6} p={0} m={0} className="plain-list" aria-label="Conversion rates">
          {RATES.map((rate) => (
            <Text component="li" key={rate.key} size="sm">
              {rate.label}{' '}
              <Text span fw={700}>
                {formatPercent(rates[rate.key])}
              </Text>
            </Text>
          ))}
        </SimpleGrid>
      </div>
      <div>
        <Title order={3} size="h6" mb={6}>
          How applications ended
        </Title>
        <Figures label="Ended" items={ENDINGS.map((ending) => ({ key: ending.key, label: ending.label, value: funnel[ending.key] }))} />
      </div>
    </Stack>
  );
}

function RatesTable({
  caption,
  firstColumn,
  rows,
}: {
  caption: string;
  firstColumn: string;
  rows: { key: string; label: string; funnel: Funnel; rates: FunnelRates }[];
}) {
  return (
    <Table.ScrollContainer minWidth={480} type="native">
      <Table verticalSpacing="xs">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{firstColumn}</Table.Th>
            <Table.Th scope="col" ta="right">
              Tracked
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Applied
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Interview
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Offer
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Applied → Interview
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={600}>
                {row.label}
              </Table.Th>
              <Table.Td ta="right">{row.funnel.tracked.toLocaleString()}</Table.Td>
              <Table.Td ta="right">{row.funnel.applied.toLocaleString()}</Table.Td>
              <Table.Td ta="right">{row.funnel.interview.toLocaleString()}</Table.Td>
              <Table.Td ta="right">{row.funnel.offer.toLocaleString()}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatPercent(row.rates.applied_to_interview)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function BySource({ sources }: { sources: SourceRates[] }) {
  if (sources.length === 0) return <SectionEmpty>No applications in this period yet.</SectionEmpty>;
  return (
    <RatesTable
      caption="Applications by source"
      firstColumn="Source"
      rows={sources.map((row) => ({ key: row.source, label: sourceLabel(row.source), funnel: row.funnel, rates: row.rates }))}
    />
  );
}

function ByMonth({ months }: { months: MonthRates[] }) {
  if (months.length === 0) return <SectionEmpty>No applications in this period yet.</SectionEmpty>;
  const data = months.map((row) => ({ month: formatMonth(row.month), applied: row.funnel.applied, interview: row.funnel.interview }));
  return (
    <Stack gap="md">
      <ChartBox>
        <BarChart
          // The figures are in the text beside it: keep the SVG out of the tab order.
          accessibilityLayer={false}
          h={200}
          data={data}
          dataKey="month"
          series={[
            { name: 'applied', label: 'Applied', color: 'brand.6' },
            { name: 'interview', label: 'Interview', color: 'violet.6' },
          ]}
          withLegend
          withTooltip={false}
          gridAxis="y"
          tickLine="none"
          maxBarWidth={40}
        />
      </ChartBox>
      <RatesTable
        caption="Applications by month"
        firstColumn="Month"
        rows={months.map((row) => ({ key: row.month, label: formatMonth(row.month), funnel: row.funnel, rates: row.rates }))}
      />
    </Stack>
  );
}

function TimeInStageBody({ summary }: { summary: AnalyticsSummary }) {
  const { stages, first_response: firstResponse } = summary.time_in_stage;
  const response =
    firstResponse.median_days === null ? (
      <Text size="sm">No answers yet</Text>
    ) : (
      <Text size="sm">
        Median time to first response: <strong>{formatDays(firstResponse.median_days)}</strong>
        <Text span c="dimmed">
          {' '}
          (from {plural(firstResponse.answered, 'answered application')})
        </Text>
      </Text>
    );
  if (stages.length === 0) {
    return (
      <Stack gap="sm">
        <SectionEmpty>Move applications along on the board to see how long each stage takes.</SectionEmpty>
        {response}
      </Stack>
    );
  }
  const data = stages.map((stage: StageTime) => ({ stage: stageLabel(stage.stage), median: stage.median_days }));
  return (
    <Stack gap="md">
      <ChartBox>
        <BarChart
          // The figures are in the text beside it: keep the SVG out of the tab order.
          accessibilityLayer={false}
          h={Math.max(120, stages.length * 40)}
          data={data}
          dataKey="stage"
          orientation="vertical"
          series={[{ name: 'median', label: 'Median days', color: 'violet.6' }]}
          valueFormatter={(value) => formatDays(value)}
          withTooltip={false}
          withBarValueLabel
          gridAxis="x"
          tickLine="none"
          yAxisProps={{ width: 90 }}
        />
      </ChartBox>
      <Table.ScrollContainer minWidth={360} type="native">
        <Table verticalSpacing="xs">
          <caption className="visually-hidden">Days in each stage</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Stage</Table.Th>
              <Table.Th scope="col" ta="right">
                Median
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Mean
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Moves counted
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stages.map((stage) => (
              <Table.Tr key={stage.stage}>
                <Table.Th scope="row" fw={600}>
                  {stageLabel(stage.stage)}
                </Table.Th>
                <Table.Td ta="right">{formatDays(stage.median_days)}</Table.Td>
                <Table.Td ta="right">{formatDays(stage.mean_days)}</Table.Td>
                <Table.Td ta="right">{stage.transitions.toLocaleString()}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {response}
    </Stack>
  );
}

/** How the search is going: the funnel and its rates, time in stage, activity, skill demand and gaps. */
export function AnalyticsPage() {
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const raw = params.get('period');
  const period: AnalyticsPeriod = isPeriod(raw) ? raw : DEFAULT_PERIOD;
  const range = periodRange(period, localDay(user?.timezone));
  const summary = useAnalyticsSummary(range);
  const allTime = period === 'all';

  const setPeriod = (next: string) => {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === DEFAULT_PERIOD || !isPeriod(next)) updated.delete('period');
        else updated.set('period', next);
        return updated;
      },
      { replace: true },
    );
  };

  const summarySection = (id: string, title: string, body: (data: AnalyticsSummary) => ReactNode, description?: string, chart = true) => (
    <AnalyticsSection id={id} title={title} description={description}>
      {summary.isPending ? (
        <SectionSkeleton label={`Loading ${title.toLowerCase()}`} chart={chart} />
      ) : summary.isError ? (
        <QueryError error={summary.error} onRetry={() => summary.refetch()} retrying={summary.isFetching} title={`Could not load ${title.toLowerCase()}`} />
      ) : (
        <Box aria-busy={summary.isPlaceholderData || undefined} opacity={summary.isPlaceholderData ? 0.6 : 1}>
          {body(summary.data)}
        </Box>
      )}
    </AnalyticsSection>
  );

  const periodLabel = PERIODS.find((p) => p.value === period)?.label ?? '';

  return (
    <>
      <PageTitle title="Analytics" />
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>Analytics</Title>
          <Text c="dimmed" mt={4}>
            How your search is going: where applications get stuck, what the market asks for, and your streak.
          </Text>
        </div>
        <SegmentedControl
          aria-label="Period"
          value={period}
          onChange={setPeriod}
          data={PERIODS.map((p) => ({ value: p.value, label: p.label }))}
        />
      </Group>

      {summarySection(
        'funnel-title',
        'Funnel',
        (data) => <FunnelBody summary={data} allTime={allTime} />,
        `${periodLabel}: applications tracked in this period, and how far they got.`,
      )}
      {summarySection(
        'by-source-title',
        'By source',
        (data) => <BySource sources={data.success.by_source} />,
        'Jobs from job boards against jobs you added yourself.',
        false,
      )}
      {summarySection('by-month-title', 'By month', (data) => <ByMonth months={data.success.by_month} />, 'By the month you applied.')}
      {summarySection(
        'time-in-stage-title',
        'Time in stage',
        (data) => <TimeInStageBody summary={data} />,
        'Median days an application stays in each stage before it moves on (all time).',
      )}
      <ActivitySection />
      <SkillDemandSection />
      <SkillGapSection />
    </>
  );
}

export default AnalyticsPage;

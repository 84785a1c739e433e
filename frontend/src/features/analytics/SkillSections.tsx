import { LineChart } from '@mantine/charts';
import { Anchor, Badge, Box, Button, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { GapItem, SkillGap, SkillTrend, SkillTrends, SkillTrendScope, TrendWindow } from '../../client/types';
import { QueryError } from '../../components/QueryError';
import { formatPoints, formatShare, plural } from '../../lib/format';
import { AnalyticsSection, ChartBox, SectionEmpty, SectionSkeleton } from './AnalyticsSection';
import { TREND_WINDOW_DAYS, useSkillGap, useSkillTrends } from './useAnalytics';

/** Skills drawn on the chart. */
export const CHART_SKILLS = 5;
/** Skills listed with their trend. */
export const LISTED_SKILLS = 10;

const LINE_COLORS = ['brand.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.7'] as const;

const TREND_LABELS: Record<SkillTrend['trend'], string> = { rising: 'Rising', declining: 'Declining', steady: 'Steady' };
const TREND_COLORS: Record<SkillTrend['trend'], string> = { rising: 'green', declining: 'red', steady: 'gray' };

const SCOPES: readonly { value: SkillTrendScope; label: string }[] = [
  { value: 'market', label: 'All postings' },
  { value: 'tracked', label: 'Jobs I track' },
];

function isScope(value: string): value is SkillTrendScope {
  return SCOPES.some((scope) => scope.value === value);
}

/** "1 Jun": a window by its first day. */
function windowLabel(window: TrendWindow): string {
  const start = new Date(window.start);
  return Number.isNaN(start.getTime()) ? '' : start.toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

function TrendBadge({ trend }: { trend: SkillTrend }) {
  return (
    <Badge variant="light" color={TREND_COLORS[trend.trend]} radius="sm" tt="none" fw={600}>
      {TREND_LABELS[trend.trend]}
    </Badge>
  );
}

/** Rising or declining skills, with their change. */
function Movers({ title, names, skills }: { title: string; names: string[]; skills: SkillTrend[] }) {
  const bySkill = new Map(skills.map((skill) => [skill.skill, skill]));
  const id = `skills-${title.toLowerCase()}`;
  return (
    <div>
      <Title order={3} size="h6" mb={6} id={id}>
        {title}
      </Title>
      {names.length === 0 ? (
        <Text size="sm" c="dimmed">
          None right now.
        </Text>
      ) : (
        <Stack component="ul" gap={4} p={0} m={0} className="plain-list" aria-labelledby={id}>
          {names.map((name) => {
            const skill = bySkill.get(name);
            return (
              <Text component="li" size="sm" key={name}>
                <Text span fw={600}>
                  {name}
                </Text>
                {skill ? (
                  <Text span c="dimmed">
                    {' '}
                    {formatPoints(skill.change_pp)}
                  </Text>
                ) : null}
              </Text>
            );
          })}
        </Stack>
      )}
    </div>
  );
}

function DemandBody({ trends }: { trends: SkillTrends }) {
  const { windows, skills } = trends;
  if (skills.length === 0) {
    return trends.scope === 'tracked' ? (
      <SectionEmpty
        action={
          <Button component={Link} to="/jobs" variant="light">
            Find or add a job
          </Button>
        }
      >
        Track jobs to see which skills they ask for.
      </SectionEmpty>
    ) : (
      <SectionEmpty>No job postings in these months yet.</SectionEmpty>
    );
  }
  const top = [...skills].sort((a, b) => b.share - a.share || b.count - a.count);
  const charted = top.slice(0, CHART_SKILLS);
  const listed = top.slice(0, LISTED_SKILLS);
  const data = windows.map((window, index) => {
    const row: Record<string, string | number> = { window: windowLabel(window) };
    for (const skill of charted) row[skill.skill] = skill.series[index]?.share ?? 0;
    return row;
  });
  const latest = windows.at(-1);
  return (
    <Stack gap="md">
      <ChartBox>
        <LineChart
          // The figures are in the text beside it: keep the SVG out of the tab order.
          accessibilityLayer={false}
          h={260}
          data={data}
          dataKey="window"
          series={charted.map((skill, index) => ({ name: skill.skill, color: LINE_COLORS[index % LINE_COLORS.length] }))}
          valueFormatter={(value) => formatShare(value)}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          curveType="monotone"
          tickLine="none"
          gridAxis="y"
        />
      </ChartBox>
      <table className="visually-hidden">
        <caption>
          Share of postings listing the top {charted.length} skills, per {TREND_WINDOW_DAYS}-day window
        </caption>
        <thead>
          <tr>
            <th scope="col">Skill</th>
            {windows.map((window) => (
              <th scope="col" key={window.start}>
                {windowLabel(window)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {charted.map((skill) => (
            <tr key={skill.skill}>
              <th scope="row">{skill.skill}</th>
              {windows.map((window, index) => (
                <td key={window.start}>{formatShare(skill.series[index]?.share ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {latest ? (
        <Text size="sm" c="dimmed">
          Latest {TREND_WINDOW_DAYS} days: {plural(latest.postings, 'posting')}.
        </Text>
      ) : null}
      <div>
        <Title order={3} size="h6" mb={6} id="top-skills-title">
          Top skills
        </Title>
        <Stack component="ol" gap={6} p={0} m={0} className="plain-list" aria-labelledby="top-skills-title">
          {listed.map((skill) => (
            <Group component="li" key={skill.skill} justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" miw={0} className="wrap-anywhere">
                <Text span fw={600}>
                  {skill.skill}
                </Text>{' '}
                <Text span c="dimmed">
                  {formatShare(skill.share)} of postings
                </Text>
              </Text>{' '}
              <Group gap={6} wrap="nowrap" flex="none">
                <TrendBadge trend={skill} />{' '}
                <Text span size="sm" c="dimmed">
                  {formatPoints(skill.change_pp)}
                </Text>
              </Group>
            </Group>
          ))}
        </Stack>
      </div>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <Movers title="Rising" names={trends.rising} skills={skills} />
        <Movers title="Declining" names={trends.declining} skills={skills} />
      </SimpleGrid>
    </Stack>
  );
}

/** What postings ask for, over the last windows, and which skills are moving; across all postings or yours. */
export function SkillDemandSection() {
  const [scope, setScope] = useState<SkillTrendScope>('market');
  const trends = useSkillTrends(scope);
  return (
    <AnalyticsSection
      id="skill-demand-title"
      title="Skill demand"
      description={`Share of postings that list each skill, per ${TREND_WINDOW_DAYS} days.`}
      aside={
        <SegmentedControl
          aria-label="Jobs"
          value={scope}
          onChange={(next) => {
            if (isScope(next)) setScope(next);
          }}
          data={SCOPES.map((item) => ({ value: item.value, label: item.label }))}
        />
      }
    >
      {trends.isPending ? (
        <SectionSkeleton label="Loading skill demand" />
      ) : trends.isError ? (
        <QueryError error={trends.error} onRetry={() => trends.refetch()} retrying={trends.isFetching} title="Could not load skill demand" />
      ) : (
        <Box aria-busy={trends.isPlaceholderData || undefined} opacity={trends.isPlaceholderData ? 0.6 : 1}>
          <DemandBody trends={trends.data} />
        </Box>
      )}
    </AnalyticsSection>
  );
}

function GapList({ id, title, items, total, empty }: { id: string; title: string; items: GapItem[]; total: number; empty: string }) {
  return (
    <div>
      <Title order={3} size="h6" mb={6} id={id}>
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack component="ul" gap={4} p={0} m={0} className="plain-list" aria-labelledby={id}>
          {items.map((item) => (
            <Text component="li" size="sm" key={item.skill}>
              <Text span fw={600}>
                {item.skill}
              </Text>{' '}
              <Text span c="dimmed">
                in {item.jobs.toLocaleString()} of {plural(total, 'job')}
              </Text>
            </Text>
          ))}
        </Stack>
      )}
    </div>
  );
}

function GapBody({ gap }: { gap: SkillGap }) {
  if (gap.tracked_jobs === 0) {
    return (
      <SectionEmpty
        action={
          <Button component={Link} to="/jobs" variant="light">
            Find or add a job
          </Button>
        }
      >
        Track jobs to see which of the skills they ask for you have, and which you lack.
      </SectionEmpty>
    );
  }
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <GapList
          id="skills-missing-title"
          title="Missing from your profile"
          items={gap.missing}
          total={gap.tracked_jobs}
          empty="Your profile lists every skill your tracked jobs ask for."
        />
        <GapList
          id="skills-matched-title"
          title="On your profile"
          items={gap.matched}
          total={gap.tracked_jobs}
          empty="None of the skills your tracked jobs ask for are on your profile yet."
        />
      </SimpleGrid>
      <Anchor component={Link} to="/profile" size="sm" fw={600} w="fit-content">
        Add skills to your profile
      </Anchor>
    </Stack>
  );
}

/** The skills your tracked jobs ask for that your profile lacks, and those it has. */
export function SkillGapSection() {
  const gap = useSkillGap();
  return (
    <AnalyticsSection
      id="skill-gap-title"
      title="Skill gap"
      description={gap.data && gap.data.tracked_jobs > 0 ? `Across the ${plural(gap.data.tracked_jobs, 'job')} you track.` : undefined}
    >
      {gap.isPending ? (
        <SectionSkeleton label="Loading skill gap" chart={false} />
      ) : gap.isError ? (
        <QueryError error={gap.error} onRetry={() => gap.refetch()} retrying={gap.isFetching} title="Could not load your skill gap" />
      ) : (
        <GapBody gap={gap.data} />
      )}
    </AnalyticsSection>
  );
}

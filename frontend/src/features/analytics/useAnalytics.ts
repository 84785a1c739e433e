import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type {
  Activity,
  AnalyticsRangeParams,
  AnalyticsSummary,
  SkillGap,
  SkillTrends,
  SkillTrendScope,
} from '../../client/types';
import { shiftDay } from '../../lib/format';

/** Skill demand: this many windows of WINDOW_DAYS days, oldest first. */
export const TREND_WINDOW_DAYS = 30;
export const TREND_WINDOWS = 6;

export const analyticsKeys = {
  /** Everything on the analytics page (and the dashboard's streak): live updates invalidate this. */
  all: ['analytics'] as const,
  summary: (range: AnalyticsRangeParams) => ['analytics', 'summary', range] as const,
  skillTrends: (scope: SkillTrendScope) =>
    ['analytics', 'skill-trends', { scope, window_days: TREND_WINDOW_DAYS, windows: TREND_WINDOWS }] as const,
  skillGap: () => ['analytics', 'skill-gap'] as const,
  activity: () => ['analytics', 'activity', { granularity: 'day' }] as const,
};

export type AnalyticsPeriod = '30d' | '90d' | 'all';

export const PERIODS: readonly { value: AnalyticsPeriod; label: string; days: number | null }[] = [
  { value: '30d', label: 'Last 30 days', days: 30 },
  { value: '90d', label: 'Last 90 days', days: 90 },
  { value: 'all', label: 'All time', days: null },
];

export function isPeriod(value: unknown): value is AnalyticsPeriod {
  return PERIODS.some((period) => period.value === value);
}

/** The API's since/until for a period ending `today` (the user's local day); all time asks for no range. */
export function periodRange(period: AnalyticsPeriod, today: string): AnalyticsRangeParams {
  const days = PERIODS.find((p) => p.value === period)?.days ?? null;
  return days === null ? {} : { since: shiftDay(today, -(days - 1)), until: today };
}

/** Funnel, rates (overall, by source, by month), time in stage, the streak and achievements earned. */
export function useAnalyticsSummary(range: AnalyticsRangeParams = {}) {
  return useQuery<AnalyticsSummary>({
    queryKey: analyticsKeys.summary(range),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/analytics/summary', { params: { query: range }, signal })),
    // Switching the period keeps the figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

/** Which skills postings ask for, per window, and which are rising or declining. */
export function useSkillTrends(scope: SkillTrendScope) {
  return useQuery<SkillTrends>({
    queryKey: analyticsKeys.skillTrends(scope),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/analytics/skill-trends', {
          params: { query: { scope, window_days: TREND_WINDOW_DAYS, windows: TREND_WINDOWS } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Skills the jobs you track ask for, split into the ones you lack and the ones you have. */
export function useSkillGap() {
  return useQuery<SkillGap>({
    queryKey: analyticsKeys.skillGap(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/analytics/skill-gap', { signal })),
  });
}

/** Applications per day over the last year (the server's default range) against the daily goal. */
export function useActivity() {
  return useQuery<Activity>({
    queryKey: analyticsKeys.activity(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/analytics/activity', { params: { query: { granularity: 'day' } }, signal })),
  });
}

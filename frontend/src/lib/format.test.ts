import { describe, expect, it } from 'vitest';
import {
  daysSince,
  formatBytes,
  formatDay,
  formatDays,
  formatDuration,
  formatEvery,
  formatMonth,
  formatPercent,
  formatPoints,
  formatSalary,
  formatShare,
  localDay,
  plural,
  relativeDays,
  relativeTime,
  shiftDay,
  timeUntil,
} from './format';

const salary = (min: number | null, max: number | null, currency: string | null = 'EUR', period: 'year' | 'hour' | null = 'year') => ({
  salary_min: min,
  salary_max: max,
  salary_currency: currency,
  salary_period: period,
});

describe('formatSalary', () => {
  it('formats a range with Intl.NumberFormat', () => {
    expect(formatSalary(salary(60000, 80000), 'en-GB')).toMatch(/^€60,000\s?–\s?€80,000 per year$/);
    expect(formatSalary(salary(50, null, 'USD', 'hour'), 'en-US')).toBe('From $50 per hour');
    expect(formatSalary(salary(null, 70000, 'GBP', null), 'en-GB')).toBe('Up to £70,000');
    expect(formatSalary(salary(5000, 5000, 'CHF', null), 'de-CH')).toMatch(/^CHF.5.000$/);
  });

  it('copes with no currency, and with no amount', () => {
    expect(formatSalary(salary(1000, 2000, null, null), 'en-GB')).toMatch(/^1,000\s?–\s?2,000$/);
    expect(formatSalary(salary(null, null), 'en-GB')).toBeNull();
  });
});

describe('dates', () => {
  const now = new Date(2025, 10, 20, 12, 0);
  it('counts calendar days', () => {
    expect(daysSince(new Date(2025, 10, 20, 1, 0), now)).toBe(0);
    expect(daysSince(new Date(2025, 10, 19, 23, 0), now)).toBe(1);
    expect(daysSince(new Date(2025, 10, 10), now)).toBe(10);
    expect(relativeDays(new Date(2025, 10, 19), now)).toBe('yesterday');
    expect(relativeDays(new Date(2025, 10, 15), now)).toBe('5 days ago');
  });

  it('pluralises', () => {
    expect(plural(1, 'job')).toBe('1 job');
    expect(plural(12, 'job')).toBe('12 jobs');
  });
});

describe('relativeTime', () => {
  const now = new Date('2025-11-20T12:00:00Z');
  it('says how long ago, in words', () => {
    expect(relativeTime('2025-11-20T11:59:30Z', now, 'en')).toBe('just now');
    expect(relativeTime('2025-11-20T12:00:05Z', now, 'en')).toBe('just now');
    expect(relativeTime('2025-11-20T11:59:00Z', now, 'en')).toBe('1 minute ago');
    expect(relativeTime('2025-11-20T11:15:00Z', now, 'en')).toBe('45 minutes ago');
    expect(relativeTime('2025-11-20T09:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(relativeTime('2025-11-19T10:00:00Z', now, 'en')).toBe('yesterday');
    expect(relativeTime('2025-11-06T12:00:00Z', now, 'en')).toBe('2 weeks ago');
    expect(relativeTime('2024-11-01T12:00:00Z', now, 'en')).toBe('last year');
    expect(relativeTime(null, now, 'en')).toBe('');
  });
});

describe('timeUntil', () => {
  const now = new Date('2025-11-20T12:00:00Z');
  it('says how long until, in words', () => {
    expect(timeUntil('2025-11-20T12:00:30Z', now, 'en')).toBe('now');
    expect(timeUntil('2025-11-20T11:50:00Z', now, 'en')).toBe('now');
    expect(timeUntil('2025-11-20T12:12:00Z', now, 'en')).toBe('in 12 minutes');
    expect(timeUntil('2025-11-20T14:30:00Z', now, 'en')).toBe('in 2 hours');
    expect(timeUntil(null, now, 'en')).toBe('');
  });
});

describe('formatDuration and formatEvery', () => {
  it('formats a run time', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(2 * 3_600_000)).toBe('2 h');
    expect(formatDuration(null)).toBe('');
  });

  it('formats a repeat interval', () => {
    expect(formatEvery(900)).toBe('every 15 minutes');
    expect(formatEvery(3600)).toBe('every hour');
    expect(formatEvery(7200)).toBe('every 2 hours');
    expect(formatEvery(86_400)).toBe('every day');
    expect(formatEvery(90)).toBe('every 90 seconds');
  });
});

describe('formatBytes', () => {
  it('formats a file size in decimal units', () => {
    expect(formatBytes(0, 'en')).toBe('0 bytes');
    expect(formatBytes(1, 'en')).toBe('1 byte');
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(1_234, 'en')).toBe('1.2 kB');
    expect(formatBytes(48_213, 'en')).toBe('48 kB');
    expect(formatBytes(999_999, 'en')).toBe('1 MB');
    expect(formatBytes(1_500_000_000, 'en')).toBe('1.5 GB');
    expect(formatBytes(null)).toBe('');
  });
});

describe('analytics figures', () => {
  it('formats rates, shares and changes in points', () => {
    expect(formatPercent(0.4, 'en')).toBe('40%');
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(formatPercent(0, 'en')).toBe('0%');
    expect(formatPercent(null, 'en')).toBe('—');
    expect(formatShare(42, 'en')).toBe('42%');
    expect(formatShare(3.55, 'en')).toBe('3.6%');
    expect(formatPoints(3.5, 'en')).toBe('+3.5 pts');
    expect(formatPoints(-2, 'en')).toBe('-2 pts');
    expect(formatPoints(1, 'en')).toBe('+1 pt');
    expect(formatPoints(0.01, 'en')).toBe('0 pts');
  });

  it('formats days', () => {
    expect(formatDays(1, 'en')).toBe('1 day');
    expect(formatDays(3.46, 'en')).toBe('3.5 days');
    expect(formatDays(0, 'en')).toBe('0 days');
  });

  it('works with calendar days in a timezone', () => {
    const now = new Date('2025-11-20T23:30:00Z');
    expect(localDay('Europe/London', now)).toBe('2025-11-20');
    expect(localDay('Europe/Berlin', now)).toBe('2025-11-21');
    expect(localDay('America/New_York', now)).toBe('2025-11-20');
    expect(localDay('Not/AZone', now)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(shiftDay('2025-11-20', -29)).toBe('2025-10-22');
    expect(shiftDay('2024-02-28', 1)).toBe('2024-02-29');
    expect(shiftDay('2025-12-31', 1)).toBe('2026-01-01');
    expect(formatDay('2025-11-03', 'en-GB')).toBe('3 Nov 2025');
    expect(formatMonth('2025-11', 'en-GB')).toBe('Nov 2025');
  });
});

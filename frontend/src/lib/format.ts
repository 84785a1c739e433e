import type { RemoteType, SalaryPeriod } from '../client/types';

export const REMOTE_LABELS: Record<RemoteType, string> = {
  onsite: 'On-site',
  hybrid: 'Hybrid',
  remote: 'Remote',
  unknown: 'Not specified',
};

export const PERIOD_LABELS: Record<SalaryPeriod, string> = {
  year: 'per year',
  month: 'per month',
  week: 'per week',
  day: 'per day',
  hour: 'per hour',
};

function numberFormat(currency: string | null | undefined, locale?: string): Intl.NumberFormat {
  const code = currency?.trim().toUpperCase();
  if (code && /^[A-Z]{3}$/.test(code)) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: code, maximumFractionDigits: 0 });
    } catch {
      // An unknown code: fall through to a plain number.
    }
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
}

interface SalaryFields {
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  salary_period: SalaryPeriod | null;
}

/**
 * A salary range for people: "€60,000–€80,000 per year", "From $50 per hour",
 * "Up to £70,000". Null when the posting names no amount.
 */
export function formatSalary(job: SalaryFields, locale?: string): string | null {
  const { salary_min: min, salary_max: max, salary_currency: currency, salary_period: period } = job;
  if (min == null && max == null) return null;
  const format = numberFormat(currency, locale);
  const suffix = period ? ` ${PERIOD_LABELS[period]}` : '';
  // A bare number has no currency sign: name the code after it when we have one.
  const code = currency && !format.resolvedOptions().currency ? ` ${currency.toUpperCase()}` : '';
  let amount: string;
  if (min != null && max != null) {
    amount = min === max ? format.format(min) : format.formatRange(Math.min(min, max), Math.max(min, max));
  } else if (min != null) {
    amount = `From ${format.format(min)}`;
  } else {
    amount = `Up to ${format.format(max as number)}`;
  }
  return `${amount}${code}${suffix}`;
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "3 Nov 2025" in the user's locale. */
export function formatDate(value: string | Date | null | undefined, locale?: string): string {
  const date = toDate(value);
  return date ? date.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' }) : '';
}

/** "3 Nov 2025, 14:05" in the user's locale and timezone. */
export function formatDateTime(value: string | Date | null | undefined, locale?: string): string {
  const date = toDate(value);
  return date ? date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole calendar days between `value` and `now` (local time), never negative. */
export function daysSince(value: string | Date | null | undefined, now: Date = new Date()): number {
  const date = toDate(value);
  if (!date) return 0;
  const start = new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  return Math.max(0, Math.round((today - start) / DAY_MS));
}

/** "today", "yesterday", "5 days ago". */
export function relativeDays(value: string | Date | null | undefined, now: Date = new Date()): string {
  const days = daysSince(value, now);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** "12 jobs", "1 job". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? singular : pluralForm}`;
}

/** "Google and GitHub", "3 skills, 2 files and 1 notification". */
export function joinList(items: string[]): string {
  try {
    return new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['week', 7 * DAY_MS],
  ['day', DAY_MS],
  ['hour', 60 * 60 * 1000],
  ['minute', 60 * 1000],
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago" in the user's locale. */
export function relativeTime(value: string | Date | null | undefined, now: Date = new Date(), locale?: string): string {
  const date = toDate(value);
  if (!date) return '';
  const elapsed = now.getTime() - date.getTime();
  // Clock skew between server and browser: a moment "in the future" is just now.
  if (elapsed < 45_000) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
  }
  return format.format(-Math.max(1, Math.round(elapsed / 60_000)), 'minute');
}

/** "in 5 minutes", "in 2 hours", or "now" for a moment due (or just past): the time until `value`. */
export function timeUntil(value: string | Date | null | undefined, now: Date = new Date(), locale?: string): string {
  const date = toDate(value);
  if (!date) return '';
  const remaining = date.getTime() - now.getTime();
  if (remaining < 45_000) return 'now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (remaining >= size) return format.format(Math.floor(remaining / size), unit);
  }
  return format.format(Math.max(1, Math.round(remaining / 60_000)), 'minute');
}

/** A task's run time: "850 ms", "1.2 s", "3 min 5 s". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** A repeat interval: "every 15 minutes", "every hour", "every 2 hours", "every 30 seconds". */
export function formatEvery(seconds: number): string {
  const units: [number, string][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of units) {
    if (seconds >= size && seconds % size === 0) {
      const count = seconds / size;
      return count === 1 ? `every ${unit}` : `every ${count} ${unit}s`;
    }
  }
  return seconds === 1 ? 'every second' : `every ${seconds} seconds`;
}

const BYTE_UNITS = ['kB', 'MB', 'GB', 'TB'] as const;

/** A file size in decimal units: "512 bytes", "1.2 kB", "34 MB", "1.5 GB". */
export function formatBytes(bytes: number | null | undefined, locale?: string): string {
  if (bytes == null || !Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1000) return bytes === 1 ? '1 byte' : `${Math.round(bytes).toLocaleString(locale)} bytes`;
  let value = bytes;
  let unit = 0;
  do {
    value /= 1000;
    unit += 1;
  } while (value >= 999.95 && unit < BYTE_UNITS.length);
  const digits = value < 10 ? 1 : 0;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${BYTE_UNITS[unit - 1]}`;
}

/** A rate given as a fraction (0..1): "40%", "12.5%"; "—" when there is no data yet (null). */
export function formatPercent(fraction: number | null | undefined, locale?: string): string {
  if (fraction == null || !Number.isFinite(fraction)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** A share already in percent (0..100): "42%", "3.5%". */
export function formatShare(percent: number, locale?: string): string {
  return formatPercent(percent / 100, locale);
}

/** A change in percentage points, signed: "+3.5 pts", "-2 pts", "0 pts". */
export function formatPoints(points: number, locale?: string): string {
  const rounded = Math.round(points * 10) / 10;
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(rounded);
  return `${text} ${Math.abs(rounded) === 1 ? 'pt' : 'pts'}`;
}

/** A span of days, to a tenth: "1 day", "3.5 days", "0 days". */
export function formatDays(days: number, locale?: string): string {
  const rounded = Math.round(days * 10) / 10;
  return `${rounded.toLocaleString(locale, { maximumFractionDigits: 1 })} ${rounded === 1 ? 'day' : 'days'}`;
}

/**
 * The calendar day (YYYY-MM-DD) it is now in `timeZone` (an IANA name, e.g. the user's profile timezone),
 * or in the browser's own zone when none is given or it is unknown.
 */
export function localDay(timeZone?: string | null, now: Date = new Date()): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: timeZone || undefined,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
  } catch {
    parts = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A calendar day (YYYY-MM-DD) moved by `days` (negative: back in time). */
export function shiftDay(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const moved = new Date(Date.UTC(year, month - 1, date + days));
  return moved.toISOString().slice(0, 10);
}

/** "28 Nov 2026" for a calendar day (YYYY-MM-DD), in the user's locale, whatever the browser's timezone. */
export function formatDay(day: string, locale?: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** "Nov 2026" for a month (YYYY-MM). */
export function formatMonth(month: string, locale?: string): string {
  const [year, index] = month.split('-').map(Number);
  if (!year || !index) return month;
  return new Date(Date.UTC(year, index - 1, 1)).toLocaleDateString(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
}

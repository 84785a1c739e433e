import type { JobCreate, JobRead, JobUpdate, RemoteType, SalaryPeriod } from '../../client/types';

export interface JobFormValues {
  title: string;
  company: string;
  url: string;
  location: string;
  remote_type: RemoteType;
  employment_type: string;
  salary_min: number | string;
  salary_max: number | string;
  salary_currency: string;
  salary_period: SalaryPeriod | '';
  tech_stack: string[];
  description: string;
}

export const JOB_FORM_FIELDS = [
  'title',
  'company',
  'url',
  'location',
  'remote_type',
  'employment_type',
  'salary_min',
  'salary_max',
  'salary_currency',
  'salary_period',
  'tech_stack',
  'description',
] as const;

export const EMPTY_JOB_FORM: JobFormValues = {
  title: '',
  company: '',
  url: '',
  location: '',
  remote_type: 'unknown',
  employment_type: '',
  salary_min: '',
  salary_max: '',
  salary_currency: '',
  salary_period: '',
  tech_stack: [],
  description: '',
};

/** Only paragraphs and line breaks: the plain text says the same, and is nicer to edit. */
const PLAIN_HTML = /^(?:<\/?(?:p|br)\s*\/?>|[^<])*$/i;

export function descriptionForEditing(job: Pick<JobRead, 'description_html' | 'description_text'>): string {
  return PLAIN_HTML.test(job.description_html) ? job.description_text : job.description_html;
}

export function jobToFormValues(job: JobRead): JobFormValues {
  return {
    title: job.title,
    company: job.company,
    url: job.url ?? '',
    location: job.location,
    remote_type: job.remote_type,
    employment_type: job.employment_type ?? '',
    salary_min: job.salary_min ?? '',
    salary_max: job.salary_max ?? '',
    salary_currency: job.salary_currency ?? '',
    salary_period: job.salary_period ?? '',
    tech_stack: job.tech_stack,
    description: descriptionForEditing(job),
  };
}

function amount(value: number | string): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname);
  } catch {
    return false;
  }
}

export const jobFormValidation = {
  title: (value: string) => {
    if (!value.trim()) return 'Enter the job title';
    return value.trim().length > 300 ? 'Keep the title to 300 characters or fewer' : null;
  },
  company: (value: string) => {
    if (!value.trim()) return 'Enter the company';
    return value.trim().length > 200 ? 'Keep the company name to 200 characters or fewer' : null;
  },
  url: (value: string) =>
    !value.trim() || isWebAddress(value.trim()) ? null : 'Enter a full web address, starting with https://',
  location: (value: string) => (value.trim().length > 200 ? 'Keep the location to 200 characters or fewer' : null),
  employment_type: (value: string) => (value.trim().length > 40 ? 'Keep this to 40 characters or fewer' : null),
  salary_min: (value: number | string) => {
    const n = amount(value);
    return n !== null && (n < 0 || !Number.isInteger(n)) ? 'Use a whole, positive amount' : null;
  },
  salary_max: (value: number | string, values: JobFormValues) => {
    const max = amount(value);
    const min = amount(values.salary_min);
    if (max !== null && (max < 0 || !Number.isInteger(max))) return 'Use a whole, positive amount';
    return max !== null && min !== null && min > max ? 'The maximum cannot be below the minimum salary' : null;
  },
  salary_currency: (value: string) =>
    !value.trim() || /^[A-Za-z]{3}$/.test(value.trim()) ? null : 'Use a 3-letter currency code, like EUR or USD',
  tech_stack: (value: string[]) => {
    if (value.length > 100) return 'List at most 100 skills';
    return value.some((skill) => skill.length > 80) ? 'Keep each skill to 80 characters or fewer' : null;
  },
  description: (value: string) => (value.length > 200_000 ? 'The description is too long (200,000 characters at most)' : null),
};

/** The API body for a new job (empty optional fields left out). */
export function toJobCreate(values: JobFormValues): JobCreate {
  const body: JobCreate = {
    title: values.title.trim(),
    company: values.company.trim(),
    location: values.location.trim(),
    remote_type: values.remote_type,
    tech_stack: values.tech_stack.map((skill) => skill.trim()).filter(Boolean),
    description: values.description,
  };
  if (values.url.trim()) body.url = values.url.trim();
  if (values.employment_type.trim()) body.employment_type = values.employment_type.trim();
  const min = amount(values.salary_min);
  const max = amount(values.salary_max);
  if (min !== null) body.salary_min = min;
  if (max !== null) body.salary_max = max;
  if (values.salary_currency.trim()) body.salary_currency = values.salary_currency.trim().toUpperCase();
  if (values.salary_period) body.salary_period = values.salary_period;
  return body;
}

function normalised(values: JobFormValues): Required<JobUpdate> {
  return {
    title: values.title.trim(),
    company: values.company.trim(),
    url: values.url.trim() || null,
    location: values.location.trim(),
    remote_type: values.remote_type,
    employment_type: values.employment_type.trim() || null,
    salary_min: amount(values.salary_min),
    salary_max: amount(values.salary_max),
    salary_currency: values.salary_currency.trim().toUpperCase() || null,
    salary_period: values.salary_period || null,
    posted_at: null,
    tech_stack: values.tech_stack.map((skill) => skill.trim()).filter(Boolean),
    description: values.description,
  };
}

/** PATCH body with only what changed (an untouched description is not re-processed). */
export function toJobUpdate(values: JobFormValues, initial: JobFormValues): JobUpdate {
  const next = normalised(values);
  const before = normalised(initial);
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof JobUpdate)[]) {
    if (key === 'posted_at') continue;
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) body[key] = next[key];
  }
  return body as JobUpdate;
}

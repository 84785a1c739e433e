import type { JobListParams, JobSort, RemoteType } from '../../client/types';

/** Everything the jobs list shows lives in the URL, so reload, back and shared links keep it. */
export interface JobSearch {
  q: string;
  company: string;
  location: string;
  remote: RemoteType[];
  salaryMin: number | null;
  /** YYYY-MM-DD or '' */
  postedSince: string;
  tracked: 'true' | 'false' | '';
  sort: JobSort | '';
  page: number;
}

export const PAGE_SIZE = 20;

export const REMOTE_FILTER_VALUES: readonly RemoteType[] = ['remote', 'hybrid', 'onsite'];

export const SORT_OPTIONS: { value: JobSort; label: string }[] = [
  { value: 'relevance', label: 'Best match' },
  { value: '-posted_at', label: 'Newest first' },
  { value: 'posted_at', label: 'Oldest first' },
  { value: '-salary', label: 'Highest salary' },
  { value: 'salary', label: 'Lowest salary' },
  { value: 'company', label: 'Company (A–Z)' },
  { value: 'title', label: 'Title (A–Z)' },
];

const SORTS = new Set<string>(SORT_OPTIONS.map((option) => option.value));
const REMOTES = new Set<string>(['onsite', 'hybrid', 'remote', 'unknown']);
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The sort the server applies when none is asked for. */
export function effectiveSort(search: Pick<JobSearch, 'q' | 'sort'>): JobSort {
  if (search.sort) return search.sort;
  return search.q.trim() ? 'relevance' : '-posted_at';
}

export function parseJobSearch(params: URLSearchParams): JobSearch {
  const salary = Number(params.get('salary_min'));
  const page = Number(params.get('page'));
  const tracked = params.get('tracked');
  const sort = params.get('sort') ?? '';
  const posted = params.get('posted_since') ?? '';
  return {
    q: params.get('q') ?? '',
    company: params.get('company') ?? '',
    location: params.get('location') ?? '',
    remote: [...new Set(params.getAll('remote').filter((value) => REMOTES.has(value)))] as RemoteType[],
    salaryMin: params.has('salary_min') && Number.isFinite(salary) && salary >= 0 ? Math.floor(salary) : null,
    postedSince: DATE_RE.test(posted) ? posted : '',
    tracked: tracked === 'true' || tracked === 'false' ? tracked : '',
    sort: SORTS.has(sort) ? (sort as JobSort) : '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** URL form of a search; defaults are left out so a plain /jobs stays plain. */
export function toSearchParams(search: JobSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q.trim()) params.set('q', search.q.trim());
  if (search.company.trim()) params.set('company', search.company.trim());
  if (search.location.trim()) params.set('location', search.location.trim());
  for (const remote of search.remote) params.append('remote', remote);
  if (search.salaryMin !== null) params.set('salary_min', String(search.salaryMin));
  if (search.postedSince) params.set('posted_since', search.postedSince);
  if (search.tracked) params.set('tracked', search.tracked);
  if (search.sort) params.set('sort', search.sort);
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

/** Query parameters for GET /api/v1/jobs. */
export function toApiQuery(search: JobSearch, size = PAGE_SIZE): JobListParams {
  const query: JobListParams = { page: search.page, size };
  if (search.q.trim()) query.q = search.q.trim();
  if (search.company.trim()) query.company = search.company.trim();
  if (search.location.trim()) query.location = search.location.trim();
  if (search.remote.length) query.remote = search.remote;
  if (search.salaryMin !== null) query.salary_min = search.salaryMin;
  if (search.postedSince) query.posted_since = search.postedSince;
  if (search.tracked) query.tracked = search.tracked === 'true';
  if (search.sort) query.sort = search.sort;
  return query;
}

/** Filters that narrow the list (sort and page do not). */
export function activeFilterCount(search: JobSearch): number {
  return [
    search.q.trim(),
    search.company.trim(),
    search.location.trim(),
    search.remote.length > 0,
    search.salaryMin !== null,
    search.postedSince,
    search.tracked,
  ].filter(Boolean).length;
}

export const EMPTY_SEARCH: JobSearch = {
  q: '',
  company: '',
  location: '',
  remote: [],
  salaryMin: null,
  postedSince: '',
  tracked: '',
  sort: '',
  page: 1,
};

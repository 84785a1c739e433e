import type {
  AchievementRead,
  AIProviderSettingsRead,
  AIStatus,
  Activity,
  AnalyticsSummary,
  ApplicationEvent,
  ApplicationRead,
  ApplicationStatus,
  BackupRead,
  BoardRead,
  DocumentRead,
  DocumentVersion,
  InterviewQuestion,
  InterviewStats,
  ExportRead,
  Funnel,
  FunnelRates,
  FollowRead,
  JobListItem,
  JobRead,
  MatchRead,
  NotificationRead,
  OnboardingRead,
  ProviderOption,
  JsonResume,
  QueueOverview,
  ResumeRead,
  ResumeSummary,
  SessionRead,
  SavedSearchRead,
  SkillGap,
  SkillTrend,
  SkillTrends,
  SourceHealth,
  SystemStatus,
  TaskRunRead,
  TodayRead,
} from '../client/types';
import { STATUS_ORDER } from '../features/applications/statuses';
import { json, TOKEN, USER, type Handler } from './fakeServer';

/** A signed-in session: refresh cookie + /auth/me. */
export const SIGNED_IN: Record<string, Handler> = {
  'POST /api/v1/auth/refresh': () => json(200, TOKEN('t1')),
  'GET /api/v1/auth/me': () => json(200, USER),
};

export function jobListItem(overrides: Partial<JobListItem> = {}): JobListItem {
  return {
    id: 1,
    title: 'Backend Engineer',
    company: 'Northwind Analytics',
    location: 'Berlin',
    remote_type: 'hybrid',
    employment_type: 'Full-time',
    salary_min: 60000,
    salary_max: 80000,
    salary_currency: 'EUR',
    salary_period: 'year',
    url: 'https://example.com/jobs/1',
    posted_at: '2025-11-01T09:00:00Z',
    tech_stack: ['Python', 'PostgreSQL'],
    is_own: true,
    snippet: 'Build the APIs that power our analytics.',
    tracking: null,
    ...overrides,
  };
}

export function jobRead(overrides: Partial<JobRead> = {}): JobRead {
  const { snippet: _snippet, ...base } = jobListItem();
  return {
    ...base,
    description_html: '<p>Build the APIs.</p><ul><li>Python</li><li>SQL</li></ul>',
    description_text: 'Build the APIs.\n\n- Python\n- SQL',
    responsibilities: [],
    skills_provider: 'offline',
    skills_extracted_at: '2025-11-01T09:00:01Z',
    seniority: null,
    ingested_at: '2025-11-01T09:00:00Z',
    created_at: '2025-11-01T09:00:00Z',
    updated_at: '2025-11-01T09:00:00Z',
    tracking: null,
    ...overrides,
  };
}

export function application(overrides: Partial<ApplicationRead> & { title?: string } = {}): ApplicationRead {
  const { title, ...rest } = overrides;
  const id = rest.id ?? 10;
  const { snippet: _s, tracking: _t, ...job } = jobListItem({ id: rest.job_posting_id ?? 100 + id, title: title ?? `Job ${id}` });
  return {
    id,
    job_posting_id: job.id,
    status: 'interested',
    position: 0,
    notes: '',
    applied_at: null,
    status_changed_at: '2025-11-01T09:00:00Z',
    created_at: '2025-11-01T09:00:00Z',
    updated_at: '2025-11-01T09:00:00Z',
    allowed_statuses: ['applied', 'interview', 'offer', 'accepted', 'rejected', 'withdrawn', 'ghosted'],
    job,
    ...rest,
  };
}

/** A board response from a few applications (columns in the API's order). */
export function board(applications: ApplicationRead[]): BoardRead {
  return {
    columns: STATUS_ORDER.map((status: ApplicationStatus) => {
      const items = applications.filter((a) => a.status === status).sort((a, b) => a.position - b.position);
      return { status, total: items.length, items };
    }),
  };
}

export function event(overrides: Partial<ApplicationEvent> = {}): ApplicationEvent {
  return { id: 1, from_status: null, to_status: 'interested', at: '2025-11-01T09:00:00Z', note: '', ...overrides };
}

export function page<T>(items: T[], total = items.length, pageNumber = 1, size = 20) {
  return { items, total, page: pageNumber, size, total_is_lower_bound: false };
}

export function notification(overrides: Partial<NotificationRead> = {}): NotificationRead {
  const id = overrides.id ?? 1;
  return {
    id,
    type: 'task.finished',
    title: `Notification ${id}`,
    body: `Details of notification ${id}.`,
    data: {},
    read_at: null,
    created_at: new Date(Date.now() - 5 * 60 * 1000).toISOString(),
    ...overrides,
  };
}

/** GET /users/me/today: a quiet day by default. */
export function today(overrides: Partial<TodayRead> = {}): TodayRead {
  return {
    local_date: '2025-11-20',
    timezone: 'Europe/London',
    goal: 5,
    applied_today: 0,
    streak_days: 0,
    new_jobs: 0,
    changes: [],
    ...overrides,
  };
}

export function taskRun(overrides: Partial<TaskRunRead> = {}): TaskRunRead {
  const id = overrides.id ?? 1;
  return {
    id,
    task_id: `celery-${id}`,
    name: 'notifications.deliver_evening_summary',
    user_id: 1,
    args: [1, null],
    state: 'succeeded',
    attempts: 1,
    error: null,
    progress: null,
    progress_message: null,
    worker: 'web-1',
    cancel_requested: false,
    retry_of_id: null,
    queued_at: new Date(Date.now() - 10 * 60 * 1000).toISOString(),
    started_at: null,
    finished_at: null,
    next_attempt_at: null,
    duration_ms: 1234,
    ...overrides,
  };
}

export function queueOverview(overrides: Partial<QueueOverview> = {}): QueueOverview {
  return {
    mode: 'embedded',
    counts: { queued: 0, running: 0, retrying: 0, succeeded: 0, failed: 0, cancelled: 0 },
    schedule: [],
    workers: [],
    ...overrides,
  };
}

/** A data export (GET /users/me/exports): ready, with its signed download link, by default. */
export function dataExport(overrides: Partial<ExportRead> = {}): ExportRead {
  const id = overrides.id ?? 1;
  const status = overrides.status ?? 'ready';
  const ready = status === 'ready';
  return {
    id,
    status,
    filename: ready ? `career-copilot-export-${id}.zip` : null,
    size_bytes: ready ? 48_213 : null,
    error: null,
    created_at: new Date(Date.now() - 10 * 60 * 1000).toISOString(),
    finished_at: ready ? new Date(Date.now() - 9 * 60 * 1000).toISOString() : null,
    expires_at: ready ? new Date(Date.now() + 23 * 3_600_000 + 30 * 60_000).toISOString() : null,
    download_url: ready ? `/api/v1/exports/download?token=signed-${id}` : null,
    ...overrides,
  };
}

/** A backup file (GET /admin/backups). */
export function backup(overrides: Partial<BackupRead> = {}): BackupRead {
  return {
    name: 'career-copilot-20251120-030000.zip',
    size_bytes: 2_400_000,
    created_at: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    ...overrides,
  };
}

/** The admin System page's figures (GET /admin/system): a small PostgreSQL deployment, nothing looked up yet. */
export function systemStatus(overrides: Partial<SystemStatus> = {}): SystemStatus {
  return {
    database: 'postgresql',
    cache_backend: 'redis',
    pool: { size: 10, max_overflow: 10, checked_out: 1, timeout_seconds: 30, recycle_seconds: 1800 },
    partition_months_ahead: 3,
    time_series: [],
    catalogue: { active: 0, archived: 0, retention_days: 120 },
    cache: [],
    ...overrides,
  };
}

// ---------------------------------------------------------------- analytics, achievements, onboarding

export function funnel(overrides: Partial<Funnel> = {}): Funnel {
  return { tracked: 0, applied: 0, interview: 0, offer: 0, accepted: 0, withdrawn: 0, ghosted: 0, rejected: 0, ...overrides };
}

export function rates(overrides: Partial<FunnelRates> = {}): FunnelRates {
  return { applied_to_interview: null, interview_to_offer: null, offer_to_accepted: null, overall: null, ...overrides };
}

/** GET /analytics/summary: nothing tracked yet, by default. */
export function summary(overrides: Partial<AnalyticsSummary> = {}): AnalyticsSummary {
  return {
    success: { funnel: funnel(), rates: rates(), by_source: [], by_month: [] },
    time_in_stage: { stages: [], first_response: { median_days: null, answered: 0 } },
    streak: { current: 0, longest: 0, today_met: false },
    achievements_earned: 0,
    ...overrides,
  };
}

export function skillTrend(overrides: Partial<SkillTrend> & { skill: string }): SkillTrend {
  return { count: 0, share: 0, change_pp: 0, trend: 'steady', series: [], ...overrides };
}

/** GET /analytics/skill-trends: six 30-day windows, no skills, by default. */
export function skillTrends(overrides: Partial<SkillTrends> = {}): SkillTrends {
  const windows = Array.from({ length: 6 }, (_, index) => {
    const start = new Date(Date.UTC(2025, 5 + index, 1));
    const end = new Date(Date.UTC(2025, 6 + index, 1));
    return { start: start.toISOString(), end: end.toISOString(), postings: 0 };
  });
  return { scope: 'market', windows, skills: [], rising: [], declining: [], ...overrides };
}

/** GET /analytics/skill-gap: no tracked jobs, by default. */
export function skillGap(overrides: Partial<SkillGap> = {}): SkillGap {
  return { tracked_jobs: 0, missing: [], matched: [], ...overrides };
}

/** GET /analytics/activity: `days` quiet days up to 2025-11-20, with `counts` by date. */
export function activity(counts: Record<string, number> = {}, goal = 5, days = 365): Activity {
  const end = Date.UTC(2025, 10, 20);
  const points = Array.from({ length: days }, (_, index) => {
    const date = new Date(end - (days - 1 - index) * 86_400_000).toISOString().slice(0, 10);
    const count = counts[date] ?? 0;
    return { date, count, met: goal > 0 ? count >= goal : null };
  });
  return { goal, granularity: 'day', points, streak: { current: 0, longest: 0, today_met: false } };
}

export function achievement(overrides: Partial<AchievementRead> & { code: string }): AchievementRead {
  return {
    title: overrides.code,
    description: '',
    earned: false,
    awarded_at: null,
    progress: 0,
    target: 1,
    available: true,
    ...overrides,
  };
}

/** GET /onboarding: a new user at the first step, by default. */
export function onboarding(overrides: Partial<OnboardingRead> = {}): OnboardingRead {
  return {
    step: 'welcome',
    finished: false,
    skipped: false,
    steps: ['welcome', 'profile', 'skills', 'search', 'track', 'tour'],
    ...overrides,
  };
}

/**
 * What the dashboard asks for besides the profile, board and today: the guided setup (done) and the
 * streak (none). Spread it into a fake server for tests that are not about these.
 */
export const DASHBOARD_EXTRAS: Record<string, Handler> = {
  'GET /api/v1/onboarding': () => json(200, onboarding({ step: null, finished: true })),
  'GET /api/v1/analytics/summary': () => json(200, summary()),
};

// ---------------------------------------------------------------- discover and job sources

/** A Discover match (GET /discover): a strong fit for a remote backend job, by default. */
export function match(overrides: Partial<Omit<MatchRead, 'job'>> & { job?: Partial<MatchRead['job']> } = {}): MatchRead {
  const id = overrides.id ?? 1;
  const { job, ...rest } = overrides;
  return {
    id,
    score: 0.82,
    matched_skills: ['Python', 'PostgreSQL'],
    missing_skills: ['Kubernetes'],
    parts: [
      { key: 'role', label: 'Role', value: 1, status: 'met' },
      { key: 'must_have', label: 'Must-have skills', value: 0.67, status: 'partly' },
      { key: 'nice_to_have', label: 'Nice-to-have skills', value: null, status: 'unknown' },
      { key: 'seniority', label: 'Seniority', value: 0.2, status: 'not_met' },
    ],
    blockers: [],
    created_at: '2025-11-20T06:00:00Z',
    ...rest,
    job: {
      id: 100 + id,
      title: `Backend Engineer ${id}`,
      company: 'Northwind Analytics',
      location: 'Berlin',
      remote_type: 'remote',
      employment_type: 'Full-time',
      salary_min: 60000,
      salary_max: 80000,
      salary_currency: 'EUR',
      salary_period: 'year',
      url: `https://boards.greenhouse.io/northwind/jobs/${id}`,
      posted_at: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      tech_stack: ['Python', 'PostgreSQL', 'Kubernetes'],
      is_own: false,
      ...job,
    },
  };
}

/** A job board's health (GET /sources): an enabled keyword search that never ran, by default. */
export function sourceHealth(overrides: Partial<SourceHealth> & { name: string }): SourceHealth {
  return {
    label: overrides.name,
    kind: 'search',
    enabled: true,
    needs_key: false,
    key_configured: true,
    keys: null,
    attribution: '',
    last_run_at: null,
    last_success_at: null,
    last_error_at: null,
    last_error: null,
    last_fetched: 0,
    total_fetched: 0,
    rate_limited_until: null,
    ...overrides,
  };
}

/** The five company boards, as GET /sources lists them. */
export const COMPANY_BOARDS: SourceHealth[] = [
  sourceHealth({ name: 'greenhouse', label: 'Greenhouse', kind: 'company' }),
  sourceHealth({ name: 'lever', label: 'Lever', kind: 'company' }),
  sourceHealth({ name: 'ashby', label: 'Ashby', kind: 'company' }),
  sourceHealth({ name: 'smartrecruiters', label: 'SmartRecruiters', kind: 'company' }),
  sourceHealth({ name: 'workable', label: 'Workable', kind: 'company' }),
];

export function savedSearch(overrides: Partial<SavedSearchRead> = {}): SavedSearchRead {
  return {
    id: 1,
    keywords: 'python backend',
    location: '',
    remote_only: false,
    min_salary: null,
    created_at: '2025-11-01T09:00:00Z',
    ...overrides,
  };
}

export function follow(overrides: Partial<FollowRead> = {}): FollowRead {
  return { id: 1, source: 'greenhouse', token: 'stripe', created_at: '2025-11-01T09:00:00Z', ...overrides };
}

// ---------------------------------------------------------------- resumes and the AI provider

/** A resume as GET /resumes lists it: a PDF just uploaded, by default. */
export function resumeSummary(overrides: Partial<ResumeSummary> = {}): ResumeSummary {
  const id = overrides.id ?? 1;
  return {
    id,
    filename: 'ada-lovelace-cv.pdf',
    content_type: 'application/pdf',
    size_bytes: 182_000,
    status: 'uploaded',
    error: null,
    pages: null,
    provider: null,
    task_id: `task-resume-${id}`,
    skills_count: 0,
    created_at: '2025-11-20T09:00:00Z',
    processed_at: null,
    reviewed_at: null,
    ...overrides,
  };
}

/** A resume's structure as the parser reads it: one current role, one earlier, a degree and a skill group. */
export function resumeStructure(overrides: Partial<JsonResume> = {}): JsonResume {
  return {
    basics: {
      name: 'Ada Lovelace',
      label: 'Analyst',
      email: 'ada@example.com',
      phone: '',
      url: '',
      summary: '',
      location: { address: '', city: 'London', region: '', countryCode: 'GB' },
    },
    work: [
      {
        name: 'Analytical Engine Company',
        position: 'Analyst',
        location: 'London',
        url: '',
        startDate: '1843-01',
        summary: '',
        highlights: ['Wrote the first published algorithm', 'Explained the engine to its funders'],
      },
      { name: 'Babbage & Co', position: 'Translator', location: '', url: '', startDate: '1840', endDate: '1842', summary: '', highlights: [] },
    ],
    education: [{ institution: 'Home tutoring', area: 'Mathematics', studyType: '', score: '', startDate: null, endDate: '1835', courses: [] }],
    skills: [{ name: 'Languages', level: '', keywords: ['Python', 'SQL'] }],
    ...overrides,
  };
}

/** GET /resumes/{id}: read, with sections and three skills (SQL already in the profile), by default. */
export function resumeRead(overrides: Partial<ResumeRead> = {}): ResumeRead {
  return {
    ...resumeSummary({ status: 'ready', pages: 2, provider: 'offline', skills_count: 3, processed_at: '2025-11-20T09:00:05Z' }),
    text: 'Ada Lovelace\nAnalyst\nPython, SQL, Pandas',
    sections: {
      skills: 'Python, SQL, Pandas',
      contact: 'ada@example.com',
      experience: 'Analyst at the Analytical Engine Company, 1843–1852',
    },
    skills: [
      { name: 'Python', category: 'language', in_profile: false },
      { name: 'SQL', category: 'language', in_profile: true },
      { name: 'Pandas', category: 'library', in_profile: false },
    ],
    structure: resumeStructure(),
    structure_origin: 'parsed',
    ...overrides,
  };
}

/** GET /ai/status: the offline provider, nothing used today, by default. */
export function aiStatus(overrides: Partial<AIStatus> = {}): AIStatus {
  return {
    provider: 'offline',
    provider_label: 'Offline (no AI service)',
    model: 'offline',
    host: null,
    key_configured: false,
    offline: true,
    ready: true,
    problem: null,
    structured_output: 'json_object',
    context_window: null,
    tokens_used_today: 0,
    daily_token_budget: 0,
    budget_resets_at: new Date(Date.now() + 5 * 3_600_000).toISOString(),
    source: 'default',
    data_sent: [],
    can_configure: false,
    ...overrides,
  };
}

/** The providers Settings → AI provider offers (GET /ai/settings `providers`). */
export const PROVIDER_OPTIONS: ProviderOption[] = [
  { name: 'offline', label: 'Offline (no AI service)', default_model: null, base_url: null, needs_key: false, docs: 'Built-in extractors, templates and rubrics; no network.' },
  { name: 'groq', label: 'Groq', default_model: 'llama-3.3-70b-versatile', base_url: 'https://api.groq.com/openai/v1', needs_key: true, docs: 'https://console.groq.com/docs/openai' },
  { name: 'openai', label: 'OpenAI', default_model: 'gpt-4o-mini', base_url: 'https://api.openai.com/v1', needs_key: true, docs: 'https://platform.openai.com/docs/guides/structured-outputs' },
  { name: 'ollama', label: 'Ollama (local)', default_model: 'llama3.1:8b', base_url: 'http://127.0.0.1:11434/v1', needs_key: false, docs: 'https://github.com/ollama/ollama/blob/main/docs/openai.md' },
  { name: 'custom', label: 'OpenAI-compatible server', default_model: null, base_url: null, needs_key: false, docs: 'Any server speaking POST /v1/chat/completions.' },
];

/** GET /ai/settings (administrators): Groq with a saved key, nothing from the environment, by default. */
export function aiSettings(overrides: Partial<AIProviderSettingsRead> = {}): AIProviderSettingsRead {
  return {
    provider: 'groq',
    model: 'llama-3.3-70b-versatile',
    base_url: null,
    key_status: 'set',
    daily_token_budget: 50_000,
    environment_overrides: [],
    providers: PROVIDER_OPTIONS,
    updated_at: '2025-11-19T10:00:00Z',
    updated_by: 'root@example.com',
    changes: [{ at: '2025-11-19T10:00:00Z', actor: 'root@example.com', summary: 'Provider: offline → groq; API key set' }],
    ...overrides,
  };
}

// ---------------------------------------------------------------- documents and interview practice

/** A finished cover letter for job 5, written offline. */
export function documentRead(overrides: Partial<DocumentRead> = {}): DocumentRead {
  return {
    id: 7,
    job_posting_id: 5,
    job_title: 'Platform Engineer',
    company: 'Fjord Payments',
    kind: 'cover_letter',
    title: 'Cover letter for Platform Engineer',
    options: { tone: 'professional', length: 'medium' },
    status: 'ready',
    error: null,
    content: '# Dear Fjord Payments\n\nI build **reliable** platforms.',
    report: { removed: [], missing_skills: [], matching_skills: ['Go'] },
    provider: 'offline',
    model: null,
    prompt_version: 'cover-letter-v1',
    task_id: 'task-doc-7',
    created_at: '2025-11-20T09:00:00Z',
    updated_at: '2025-11-20T09:00:05Z',
    edited_at: null,
    version_count: 1,
    diff: null,
    ...overrides,
  };
}

export function documentVersion(overrides: Partial<DocumentVersion> = {}): DocumentVersion {
  return {
    number: 1,
    origin: 'original',
    created_at: '2025-11-20T09:00:05Z',
    content: '# Dear Fjord Payments\n\nI build **reliable** platforms.',
    ...overrides,
  };
}

export function interviewQuestion(overrides: Partial<InterviewQuestion> = {}): InterviewQuestion {
  const id = overrides.id ?? 31;
  return {
    id,
    position: 1,
    category: 'technical',
    skill: 'Go',
    question: 'How do goroutines differ from threads?',
    answer: null,
    score: null,
    feedback: {},
    answered_at: null,
    retry_of_id: null,
    ...overrides,
  };
}

/** An active practice session for job 5 with two questions, none answered. */
export function sessionRead(overrides: Partial<SessionRead> = {}): SessionRead {
  const questions = overrides.questions ?? [
    interviewQuestion({ id: 31, position: 1 }),
    interviewQuestion({ id: 32, position: 2, category: 'behavioural', skill: null, question: 'Tell me about a time you disagreed with a colleague.' }),
  ];
  return {
    id: 3,
    job_posting_id: 5,
    title: 'Platform Engineer at Fjord Payments',
    job_title: 'Platform Engineer',
    company: 'Fjord Payments',
    score: null,
    answered: questions.filter((q) => q.answer !== null).length,
    total: questions.length,
    created_at: '2025-11-20T09:00:00Z',
    finished_at: null,
    status: 'active',
    provider: 'offline',
    model: null,
    prompt_version: 'interview-bank-v1',
    task_id: 'task-session-3',
    ...overrides,
    questions,
  };
}

export function interviewStats(overrides: Partial<InterviewStats> = {}): InterviewStats {
  return {
    sessions: [
      { id: 1, created_at: '2025-11-01T09:00:00Z', score: 55, job_title: 'Backend Engineer' },
      { id: 3, created_at: '2025-11-20T09:00:00Z', score: 72, job_title: 'Platform Engineer' },
    ],
    by_category: [
      { category: 'technical', answered: 4, mean_score: 70 },
      { category: 'behavioural', answered: 2, mean_score: 48 },
    ],
    weakest: [{ answer_id: 12, session_id: 1, question: 'Describe a failure you learned from.', score: 35, category: 'behavioural' }],
    ...overrides,
  };
}

/**
 * Domain types derived from the generated schema by *path*, so a renamed
 * component schema in a regenerated openapi.json does not break the app.
 */
import type { paths } from './schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type RequestBody<T> = T extends { requestBody?: infer R } ? JsonOf<NonNullable<R>> : never;

export type AuthConfig = JsonOf<paths['/api/v1/auth/config']['get']['responses'][200]>;
export type TokenResponse = JsonOf<paths['/api/v1/auth/login']['post']['responses'][200]>;
export type LoginRequest = RequestBody<paths['/api/v1/auth/login']['post']>;
export type RegisterRequest = RequestBody<paths['/api/v1/auth/register']['post']>;
export type PasswordChangeRequest = RequestBody<paths['/api/v1/auth/password/change']['post']>;
export type OAuthProvider = JsonOf<paths['/api/v1/auth/oauth/providers']['get']['responses'][200]>[number];
export type OAuthAuthorize = JsonOf<paths['/api/v1/auth/oauth/{provider}/link']['post']['responses'][200]>;
export type UserRead = JsonOf<paths['/api/v1/auth/me']['get']['responses'][200]>;
export type ProfileRead = JsonOf<paths['/api/v1/users/me']['get']['responses'][200]>;
export type ProfileUpdate = RequestBody<paths['/api/v1/users/me']['patch']>;
export type ConnectionsRead = JsonOf<paths['/api/v1/users/me/connections']['get']['responses'][200]>;
export type Connection = ConnectionsRead['connections'][number];
export type SkillRead = ProfileRead['skills'][number];
export type SkillsReplace = RequestBody<paths['/api/v1/users/me/skills']['put']>;
export type SkillInput = SkillsReplace['skills'][number];

type QueryOf<T> = T extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

// Jobs
export type JobListParams = QueryOf<paths['/api/v1/jobs']['get']>;
export type JobListPage = JsonOf<paths['/api/v1/jobs']['get']['responses'][200]>;
export type JobListItem = JobListPage['items'][number];
export type JobRead = JsonOf<paths['/api/v1/jobs/{job_id}']['get']['responses'][200]>;
export type JobCreate = RequestBody<paths['/api/v1/jobs']['post']>;
export type JobUpdate = RequestBody<paths['/api/v1/jobs/{job_id}']['patch']>;
export type RemoteType = JobListItem['remote_type'];
export type SalaryPeriod = NonNullable<JobListItem['salary_period']>;
export type JobSort = NonNullable<JobListParams['sort']>;

// Applications (the tracker)
export type ApplicationRead = JsonOf<paths['/api/v1/applications/{application_id}']['get']['responses'][200]>;
export type ApplicationStatus = ApplicationRead['status'];
export type ApplicationCreate = RequestBody<paths['/api/v1/applications']['post']>;
export type ApplicationUpdate = RequestBody<paths['/api/v1/applications/{application_id}']['patch']>;
export type ApplicationPage = JsonOf<paths['/api/v1/applications']['get']['responses'][200]>;
export type BoardRead = JsonOf<paths['/api/v1/applications/board']['get']['responses'][200]>;
export type BoardColumn = BoardRead['columns'][number];
export type ApplicationEventPage = JsonOf<paths['/api/v1/applications/{application_id}/events']['get']['responses'][200]>;
export type ApplicationEvent = ApplicationEventPage['items'][number];

// Notifications (the bell)
export type NotificationListParams = QueryOf<paths['/api/v1/notifications']['get']>;
export type NotificationPage = JsonOf<paths['/api/v1/notifications']['get']['responses'][200]>;
export type NotificationRead = NotificationPage['items'][number];
export type UnreadCount = JsonOf<paths['/api/v1/notifications/unread-count']['get']['responses'][200]>;
export type MarkedRead = JsonOf<paths['/api/v1/notifications/read-all']['post']['responses'][200]>;

// Today (dashboard tile and evening summary)
export type TodayRead = JsonOf<paths['/api/v1/users/me/today']['get']['responses'][200]>;
export type StatusChange = TodayRead['changes'][number];

// Background tasks (the admin task queue)
export type TaskRunRead = JsonOf<paths['/api/v1/users/me/evening-summary']['post']['responses'][202]>;
export type TaskState = TaskRunRead['state'];
export type AdminTaskListParams = QueryOf<paths['/api/v1/admin/tasks']['get']>;
export type TaskRunPage = JsonOf<paths['/api/v1/admin/tasks']['get']['responses'][200]>;
export type QueueOverview = JsonOf<paths['/api/v1/admin/tasks/overview']['get']['responses'][200]>;
export type ScheduleEntry = QueueOverview['schedule'][number];
export type WorkerRead = QueueOverview['workers'][number];

// Your data (export, import, account deletion) and server backups
export type ExportRead = JsonOf<paths['/api/v1/users/me/exports']['post']['responses'][202]>;
export type ExportStatus = ExportRead['status'];
export type ImportResult = JsonOf<paths['/api/v1/users/me/import']['post']['responses'][200]>;
export type AccountDelete = RequestBody<paths['/api/v1/users/me']['delete']>;
export type BackupRead = JsonOf<paths['/api/v1/admin/backups']['get']['responses'][200]>[number];

// System status (the admin System page)
export type SystemStatus = JsonOf<paths['/api/v1/admin/system']['get']['responses'][200]>;
export type PoolStatus = SystemStatus['pool'];
export type TimeSeriesTable = SystemStatus['time_series'][number];
export type PartitionStatus = TimeSeriesTable['partitions'][number];
export type CatalogueStatus = SystemStatus['catalogue'];
export type CacheFamilyStatus = SystemStatus['cache'][number];

// Analytics (the analytics page and the dashboard's streak)
export type AnalyticsRangeParams = QueryOf<paths['/api/v1/analytics/summary']['get']>;
export type AnalyticsSummary = JsonOf<paths['/api/v1/analytics/summary']['get']['responses'][200]>;
export type SuccessRates = AnalyticsSummary['success'];
export type Funnel = SuccessRates['funnel'];
export type FunnelRates = SuccessRates['rates'];
export type SourceRates = SuccessRates['by_source'][number];
export type MonthRates = SuccessRates['by_month'][number];
export type TimeInStage = AnalyticsSummary['time_in_stage'];
export type StageTime = TimeInStage['stages'][number];
export type StreakRead = AnalyticsSummary['streak'];
export type SkillTrendsParams = QueryOf<paths['/api/v1/analytics/skill-trends']['get']>;
export type SkillTrends = JsonOf<paths['/api/v1/analytics/skill-trends']['get']['responses'][200]>;
export type SkillTrendScope = SkillTrends['scope'];
export type SkillTrend = SkillTrends['skills'][number];
export type TrendWindow = SkillTrends['windows'][number];
export type SkillGap = JsonOf<paths['/api/v1/analytics/skill-gap']['get']['responses'][200]>;
export type GapItem = SkillGap['missing'][number];
export type ActivityParams = QueryOf<paths['/api/v1/analytics/activity']['get']>;
export type Activity = JsonOf<paths['/api/v1/analytics/activity']['get']['responses'][200]>;
export type ActivityPoint = Activity['points'][number];

// Achievements and the guided start
export type AchievementRead = JsonOf<paths['/api/v1/achievements']['get']['responses'][200]>[number];
export type OnboardingRead = JsonOf<paths['/api/v1/onboarding']['get']['responses'][200]>;
export type OnboardingStep = OnboardingRead['steps'][number];
export type OnboardingFinish = RequestBody<paths['/api/v1/onboarding/finish']['post']>;
export type SavedSearchIn = RequestBody<paths['/api/v1/saved-searches']['post']>;
export type SavedSearchRead = JsonOf<paths['/api/v1/saved-searches']['post']['responses'][201]>;

// Job sources, the Discover feed, followed company boards, import from a link
export type SourceHealth = JsonOf<paths['/api/v1/sources']['get']['responses'][200]>[number];
export type DiscoverParams = QueryOf<paths['/api/v1/discover']['get']>;
export type MatchPage = JsonOf<paths['/api/v1/discover']['get']['responses'][200]>;
export type MatchRead = MatchPage['items'][number];
export type JobSummary = MatchRead['job'];
export type FollowIn = RequestBody<paths['/api/v1/followed-companies']['post']>;
export type FollowRead = JsonOf<paths['/api/v1/followed-companies']['post']['responses'][201]>;
export type UrlImportIn = RequestBody<paths['/api/v1/jobs/import-url']['post']>;

// Resumes: upload, processing, and the review of the skills found
export type ResumeListParams = QueryOf<paths['/api/v1/resumes']['get']>;
export type ResumePage = JsonOf<paths['/api/v1/resumes']['get']['responses'][200]>;
export type ResumeSummary = ResumePage['items'][number];
export type ResumeStatus = ResumeSummary['status'];
export type ResumeRead = JsonOf<paths['/api/v1/resumes/{resume_id}']['get']['responses'][200]>;
export type FoundSkill = ResumeRead['skills'][number];
export type SkillReview = RequestBody<paths['/api/v1/resumes/{resume_id}/skills']['post']>;
export type JsonResume = RequestBody<paths['/api/v1/resumes/{resume_id}/structure']['put']>;
export type StructureOrigin = ResumeRead['structure_origin'];

// The AI provider: the one in force (everyone), and Settings → AI provider (administrators)
export type AIStatus = JsonOf<paths['/api/v1/ai/status']['get']['responses'][200]>;
export type AIStatusSource = AIStatus['source'];
export type ConnectionCheck = JsonOf<paths['/api/v1/ai/test-connection']['post']['responses'][200]>;
export type AIProviderSettingsRead = JsonOf<paths['/api/v1/ai/settings']['get']['responses'][200]>;
export type AIProviderSettingsUpdate = RequestBody<paths['/api/v1/ai/settings']['put']>;
export type ProviderOption = AIProviderSettingsRead['providers'][number];
export type AIAuditEntry = AIProviderSettingsRead['changes'][number];
export type KeyStatus = AIProviderSettingsRead['key_status'];
export type AISettingsField = AIProviderSettingsRead['environment_overrides'][number];
export type ProviderTestResult = JsonOf<paths['/api/v1/ai/settings/test']['post']['responses'][200]>;

// How well you fit a job
export type JobFitRead = JsonOf<paths['/api/v1/jobs/{job_id}/match']['get']['responses'][200]>;

// Content generation: cover letters and tailored resumes
export type DocumentRead = JsonOf<paths['/api/v1/documents/{document_id}']['get']['responses'][200]>;
export type DocumentCreate = RequestBody<paths['/api/v1/jobs/{job_id}/documents']['post']>;
export type DocumentKind = DocumentRead['kind'];
export type DocumentStatus = DocumentRead['status'];
export type DocumentTone = NonNullable<DocumentCreate['tone']>;
export type DocumentLength = NonNullable<DocumentCreate['length']>;
export type DiffLine = NonNullable<DocumentRead['diff']>[number];
export type DocumentListParams = QueryOf<paths['/api/v1/documents']['get']>;
export type DocumentPage = JsonOf<paths['/api/v1/documents']['get']['responses'][200]>;
export type VersionPage = JsonOf<paths['/api/v1/documents/{document_id}/versions']['get']['responses'][200]>;
export type DocumentVersion = VersionPage['items'][number];
export type ExportQuery = QueryOf<paths['/api/v1/documents/{document_id}/export']['get']>;
export type ExportFormat = NonNullable<ExportQuery['format']>;
export type ExportTemplate = NonNullable<ExportQuery['template']>;
/** Where a sentence of a cover letter comes from (`report.sentences[].sources`). */
export interface SentenceSource {
  kind: 'resume' | 'profile' | 'posting' | 'courtesy' | 'user' | 'placeholder' | 'llm' | (string & {});
  /** Where in the structure: "work[0].highlights[2]", "pitch", "" … */
  ref: string;
  /** Human-readable: "Senior Engineer at Initech Corp (2019–2024)". */
  label: string;
  /** The source text itself, to compare with the sentence. */
  quote: string;
}
export interface LetterSentence {
  text: string;
  sources: SentenceSource[];
}
/** A claim the guard removed (the server types `report` loosely: these are the keys it writes). */
export interface RemovedClaim {
  kind: string;
  text: string;
  reason: string;
}
export interface DocumentReport {
  removed?: RemovedClaim[];
  missing_skills?: string[];
  matching_skills?: string[];
  /** Why the offline version was written instead (the AI service failed). */
  notice?: string;
  /** Cover letters: each sentence with its sources. */
  sentences?: LetterSentence[];
}

// Interview practice
export type SessionRead = JsonOf<paths['/api/v1/interviews/{session_id}']['get']['responses'][200]>;
export type SessionStatus = SessionRead['status'];
export type InterviewQuestion = SessionRead['questions'][number];
export type InterviewCategory = InterviewQuestion['category'];
export type SessionPage = JsonOf<paths['/api/v1/interviews']['get']['responses'][200]>;
export type SessionSummary = SessionPage['items'][number];
export type InterviewStats = JsonOf<paths['/api/v1/interviews/stats']['get']['responses'][200]>;
export type InterviewCreate = RequestBody<paths['/api/v1/interviews']['post']>;
/** A question's `feedback` (typed loosely by the server: these are the keys it writes; `{}` until scored). */
export type InterviewFeedback = {
  criteria?: Record<string, number>;
  strengths?: string[];
  improvements?: string[];
  hint?: string;
  /** Prose about the answer, in Markdown (what streamed as deltas). */
  notes?: string;
  provider?: string;
  /** The model that wrote the notes, and whether the model ("llm") or the built-in rubric ("offline") scored. */
  details?: { model?: string; scored_by?: string };
};

/**
 * Every feature's part in live updates, in the order their handlers run for one event. A feature declares its
 * own in `<feature>/realtime.ts` (src/hooks/realtimeTypes.ts); this list is the one place they are gathered.
 */
import type { RealtimeFeatureFactory } from '../hooks/realtimeTypes';
import { tasksRealtime } from '../hooks/realtimeTasks';
import { achievementsRealtime } from './achievements/realtime';
import { analyticsRealtime } from './analytics/realtime';
import { applicationsRealtime } from './applications/realtime';
import { dashboardRealtime } from './dashboard/realtime';
import { discoverRealtime } from './discover/realtime';
import { documentsRealtime } from './documents/realtime';
import { interviewsRealtime } from './interviews/realtime';
import { jobsRealtime } from './jobs/realtime';
import { notificationsRealtime } from './notifications/realtime';
import { resumesRealtime } from './resumes/realtime';
import { settingsRealtime } from './settings/realtime';

export const REALTIME_FEATURES: readonly RealtimeFeatureFactory[] = [
  applicationsRealtime,
  jobsRealtime,
  dashboardRealtime,
  analyticsRealtime,
  achievementsRealtime,
  notificationsRealtime,
  settingsRealtime,
  tasksRealtime,
  discoverRealtime,
  resumesRealtime,
  documentsRealtime,
  interviewsRealtime,
];

import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from '../components/AppLayout';
import { AuthLayout } from '../components/AuthLayout';
import { NotFoundPage } from '../components/NotFoundPage';
import { AchievementsPage } from '../features/achievements/AchievementsPage';
import { SystemPage } from '../features/admin/SystemPage';
import { TaskQueuePage } from '../features/admin/TaskQueuePage';
import { AnalyticsSkeleton } from '../features/analytics/AnalyticsSkeleton';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { OAuthCompletePage } from '../features/auth/OAuthCompletePage';
import { RegisterPage } from '../features/auth/RegisterPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { BoardPage } from '../features/board/BoardPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { DiscoverPage } from '../features/discover/DiscoverPage';
import { DocumentPage } from '../features/documents/DocumentPage';
import { InterviewPage } from '../features/interviews/InterviewPage';
import { InterviewsSkeleton } from '../features/interviews/InterviewsSkeleton';
import { EditJobPage } from '../features/jobs/EditJobPage';
import { JobPage } from '../features/jobs/JobPage';
import { JobsPage } from '../features/jobs/JobsPage';
import { NewJobPage } from '../features/jobs/NewJobPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { OnboardingPage } from '../features/onboarding/OnboardingPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SourcesPage } from '../features/sources/SourcesPage';
import { PublicOnly, RequireAuth } from './guards';

/** Charts (recharts) are large: the analytics page loads them in a chunk of its own, when first opened. */
const AnalyticsPage = lazy(() => import('../features/analytics/AnalyticsPage'));
/** The interviews overview has charts too: the same chunk of charts, loaded when first needed. */
const InterviewsPage = lazy(() => import('../features/interviews/InterviewsPage'));

/** The route table. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AuthLayout />}>
        <Route element={<PublicOnly />}>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/register" element={<RegisterPage />} />
        </Route>
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        {/* Reachable signed out: it is where signing in with a provider ends. */}
        <Route path="/oauth/complete" element={<OAuthCompletePage />} />
      </Route>
      <Route element={<AppLayout />}>
        <Route element={<RequireAuth />}>
          <Route index element={<DashboardPage />} />
          <Route path="/discover" element={<DiscoverPage />} />
          <Route path="/sources" element={<SourcesPage />} />
          <Route
            path="/analytics"
            element={
              <Suspense fallback={<AnalyticsSkeleton />}>
                <AnalyticsPage />
              </Suspense>
            }
          />
          <Route path="/achievements" element={<AchievementsPage />} />
          <Route path="/welcome" element={<OnboardingPage />} />
          <Route path="/jobs" element={<JobsPage />} />
          <Route path="/jobs/new" element={<NewJobPage />} />
          <Route path="/jobs/:id" element={<JobPage />} />
          <Route path="/jobs/:id/edit" element={<EditJobPage />} />
          <Route path="/documents/:id" element={<DocumentPage />} />
          <Route
            path="/interviews"
            element={
              <Suspense fallback={<InterviewsSkeleton />}>
                <InterviewsPage />
              </Suspense>
            }
          />
          <Route path="/interviews/:id" element={<InterviewPage />} />
          <Route path="/board" element={<BoardPage />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          {/* Administrators only: the API answers 403 to anyone else, and the page says so. */}
          <Route path="/admin/tasks" element={<TaskQueuePage />} />
          <Route path="/admin/system" element={<SystemPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

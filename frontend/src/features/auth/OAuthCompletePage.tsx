import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { useAuth } from '../../hooks/useAuth';
import { fallbackOAuthMessage, providerLabel, safeNextPath } from './oauth';

const FAILED_TITLE = 'Sign-in did not complete';
const NO_SESSION_MESSAGE = 'Your session could not be started. Please sign in again.';

function Failed({ message, signedIn }: { message: string; signedIn: boolean }) {
  return (
    <Stack gap="md">
      <PageTitle title={FAILED_TITLE} />
      <Title order={1} size="h2">
        {FAILED_TITLE}
      </Title>
      <Alert color="red" variant="light" role="alert">
        {message}
      </Alert>
      {signedIn ? (
        <Button component={Link} to="/settings" variant="light" fullWidth>
          Back to settings
        </Button>
      ) : (
        <Button component={Link} to="/login" variant="light" fullWidth>
          Back to sign in
        </Button>
      )}
    </Stack>
  );
}

/**
 * Where the server sends the browser after a provider: `next` + `provider` (+ `created=1` or `linked=1`)
 * on success, `error` + `message` on failure. By the time this renders, the app's start-up silent refresh
 * (POST /auth/refresh with the cookie the callback set) has run, so the auth status is settled.
 */
export function OAuthCompletePage() {
  const [params] = useSearchParams();
  const { status } = useAuth();
  const navigate = useNavigate();
  const handled = useRef(false);

  const error = params.get('error');
  const next = params.get('next');
  const label = providerLabel(params.get('provider'));
  const created = params.get('created') === '1';
  const linked = params.get('linked') === '1';
  const signedIn = status === 'authenticated';
  const succeeded = !error && next !== null && signedIn;

  useEffect(() => {
    if (!succeeded || handled.current) return;
    handled.current = true;
    if (created) {
      notifications.show({ color: 'green', message: `Welcome! Your account was created with ${label}.` });
    } else if (linked) {
      notifications.show({ color: 'green', title: `${label} connected`, message: `You can now sign in with ${label}.` });
    }
    navigate(safeNextPath(next), { replace: true });
  }, [succeeded, created, linked, label, next, navigate]);

  if (error) {
    const message = params.get('message')?.trim() || fallbackOAuthMessage(error);
    return <Failed message={message} signedIn={signedIn} />;
  }
  if (next === null) {
    return (
      <Failed message="There is no sign-in to finish here. Please start again." signedIn={signedIn} />
    );
  }
  if (!signedIn) {
    return <Failed message={NO_SESSION_MESSAGE} signedIn={false} />;
  }
  return (
    <Stack gap="md" align="center" role="status" aria-live="polite">
      <PageTitle title="Signing in" />
      <Title order={1} size="h2">
        Signing you in…
      </Title>
      <Loader size="sm" aria-hidden />
      <Text size="sm" c="dimmed">
        Finishing up with {label}.
      </Text>
    </Stack>
  );
}

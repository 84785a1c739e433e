import { Anchor, Button, Card, Group, PasswordInput, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../client';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { PasswordStrength } from '../../components/PasswordStrength';
import { useAuth } from '../../hooks/useAuth';
import { joinList } from '../../lib/format';
import { applyServerFieldErrors } from '../../lib/forms';
import { DEFAULT_PASSWORD_MIN_LENGTH, useAuthConfig } from '../auth/useAuthConfig';
import { AIProviderCard } from './AIProviderCard';
import { ConnectedAccounts } from './ConnectedAccounts';
import { EveningSummaryCard } from './EveningSummaryCard';
import { useConnections } from './useConnections';
import { YourDataCard } from './YourDataCard';

interface PasswordValues {
  current_password: string;
  new_password: string;
}

/**
 * Accounts created through a provider have no password, and changing one needs
 * the current password: point them to the reset flow instead.
 */
function NoPasswordCard({ providers }: { providers: string[] }) {
  return (
    <Card>
      <Stack gap="xs">
        <Title order={2} size="h4">
          Password
        </Title>
        <Text size="sm">
          {providers.length > 0 ? `You sign in with ${joinList(providers)}. ` : 'This account has no password. '}
          To also sign in with a password, use '
          <Anchor component={Link} to="/forgot-password" inherit underline="always">
            Forgot password?
          </Anchor>
          ' on the sign-in page to set one.
        </Text>
      </Stack>
    </Card>
  );
}

/** The change-password form for accounts with a password; an explanation for those without. */
function PasswordCard() {
  const connections = useConnections();
  if (connections.isPending) {
    return (
      <Card aria-busy="true">
        <Stack gap="md">
          <Skeleton h={24} w="40%" />
          <Skeleton h={56} />
          <Skeleton h={56} />
        </Stack>
      </Card>
    );
  }
  // Unknown (the connections could not be loaded): assume the usual case, a password.
  if (connections.data && !connections.data.has_password) {
    return <NoPasswordCard providers={connections.data.connections.map((c) => c.label)} />;
  }
  return <ChangePasswordCard />;
}

function ChangePasswordCard() {
  const config = useAuthConfig();
  const minLength = config.data?.password_min_length ?? DEFAULT_PASSWORD_MIN_LENGTH;
  const form = useForm<PasswordValues>({
    initialValues: { current_password: '', new_password: '' },
    validate: {
      current_password: (value) => (value ? null : 'Enter your current password'),
      new_password: (value, values) => {
        if (value.length < minLength) return `Use at least ${minLength} characters`;
        return value === values.current_password ? 'Choose a password different from the current one' : null;
      },
    },
  });
  const mutation = useMutation({
    mutationFn: (values: PasswordValues) => unwrap(api.POST('/api/v1/auth/password/change', { body: values })),
    onSuccess: () => {
      form.reset();
      notifications.show({ color: 'green', title: 'Password changed', message: 'Use your new password next time you sign in.' });
    },
    onError: (error) => applyServerFieldErrors(form, error, ['current_password', 'new_password']),
  });

  return (
    <Card>
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} size="h4">
              Change password
            </Title>
            <Text size="sm" c="dimmed">
              You will need your current password.
            </Text>
          </div>
          <FormError error={mutation.error} />
          <PasswordInput
            label="Current password"
            name="current_password"
            autoComplete="current-password"
            required
            {...form.getInputProps('current_password')}
          />
          <div>
            <PasswordInput
              label="New password"
              name="new_password"
              autoComplete="new-password"
              required
              aria-describedby="settings-new-password-strength"
              {...form.getInputProps('new_password')}
            />
            <PasswordStrength
              id="settings-new-password-strength"
              password={form.values.new_password}
              minLength={minLength}
            />
          </div>
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending} disabled={mutation.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function AccountCard() {
  const { user } = useAuth();
  if (!user) return null;
  const since = new Date(user.created_at);
  return (
    <Card>
      <Stack gap={4}>
        <Title order={2} size="h4">
          Account
        </Title>
        <Text size="sm" className="wrap-anywhere">
          Signed in as <strong>{user.email}</strong>
          {user.is_admin ? ' (administrator)' : ''}
        </Text>
        {Number.isNaN(since.getTime()) ? null : (
          <Text size="sm" c="dimmed">
            Member since {since.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

export function SettingsPage() {
  return (
    <>
      <PageTitle title="Settings" />
      <div>
        <Title order={1}>Settings</Title>
        <Text c="dimmed" mt={4}>
          Manage your account, sign-in, evening summary, the AI provider and your data.
        </Text>
      </div>
      <Stack gap="lg">
        <AccountCard />
        <EveningSummaryCard />
        <PasswordCard />
        <ConnectedAccounts />
        <AIProviderCard />
        <YourDataCard />
      </Stack>
    </>
  );
}

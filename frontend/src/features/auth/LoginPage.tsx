import { Anchor, Group, PasswordInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../../hooks/useAuth';
import { validateEmail } from '../../lib/forms';
import { returnPath } from '../../routes/guards';
import { AuthForm, AuthPage } from './AuthShell';
import { OAuthButtons } from './OAuthButtons';
import { useAuthConfig } from './useAuthConfig';

interface LoginValues {
  email: string;
  password: string;
}

export function LoginPage() {
  const { login } = useAuth();
  const config = useAuthConfig();
  const location = useLocation();
  const form = useForm<LoginValues>({
    initialValues: { email: '', password: '' },
    validate: {
      email: validateEmail,
      password: (value) => (value ? null : 'Enter your password'),
    },
  });
  // On success the auth state changes and <PublicOnly> sends the visitor on.
  const mutation = useMutation({
    mutationFn: (values: LoginValues) => login(values.email.trim(), values.password),
  });
  const registrationOpen = config.data?.allow_registration ?? false;

  return (
    <AuthPage title="Sign in" intro="Welcome back. Sign in to pick up your job search where you left it.">
      <AuthForm
        onSubmit={form.onSubmit((values) => mutation.mutate(values))}
        error={mutation.error}
        submitLabel="Sign in"
        pending={mutation.isPending}
        footer={
          <>
            <OAuthButtons returnTo={returnPath(location.state)} />
            {registrationOpen ? (
              <Text size="sm" ta="center">
                New to Career Copilot?{' '}
                <Anchor component={Link} to="/register" fw={600}>
                  Create account
                </Anchor>
              </Text>
            ) : config.isSuccess ? (
              <Text size="sm" ta="center" c="dimmed">
                New accounts are created by your administrator.
              </Text>
            ) : null}
          </>
        }
      >
        <TextInput
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          required
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label="Password"
          name="password"
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end" mt={-8}>
          <Anchor component={Link} to="/forgot-password" size="sm">
            Forgot password?
          </Anchor>
        </Group>
      </AuthForm>
    </AuthPage>
  );
}

import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { useAuth } from '../../hooks/useAuth';
import { validateEmail } from '../../lib/forms';
import { returnPath } from '../../routes/guards';
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
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <PageTitle title="Sign in" />
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            Sign in
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            Welcome back. Sign in to pick up your job search where you left it.
          </Text>
        </div>
        <FormError error={mutation.error} />
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
        <Button type="submit" fullWidth loading={mutation.isPending} disabled={mutation.isPending}>
          Sign in
        </Button>
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
      </Stack>
    </form>
  );
}

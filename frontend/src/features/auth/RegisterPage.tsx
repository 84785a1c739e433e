import { Alert, Anchor, Button, PasswordInput, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { PasswordStrength } from '../../components/PasswordStrength';
import { QueryError } from '../../components/QueryError';
import { useAuth } from '../../hooks/useAuth';
import { applyServerFieldErrors, validateEmail } from '../../lib/forms';
import { returnPath } from '../../routes/guards';
import { OAuthButtons } from './OAuthButtons';
import { useAuthConfig } from './useAuthConfig';

interface RegisterValues {
  full_name: string;
  email: string;
  password: string;
}

function Heading() {
  return (
    <div>
      <Title order={1} size="h2">
        Create account
      </Title>
      <Text c="dimmed" size="sm" mt={4}>
        Set up your copilot in under a minute.
      </Text>
    </div>
  );
}

function RegisterForm({ minLength }: { minLength: number }) {
  const { register } = useAuth();
  const location = useLocation();
  const form = useForm<RegisterValues>({
    initialValues: { full_name: '', email: '', password: '' },
    validate: {
      full_name: (value) => (value.trim() ? null : 'Enter your name'),
      email: validateEmail,
      password: (value) =>
        value.length >= minLength ? null : `Use at least ${minLength} characters`,
    },
  });
  const mutation = useMutation({
    mutationFn: (values: RegisterValues) =>
      register({ full_name: values.full_name.trim(), email: values.email.trim(), password: values.password }),
    onError: (error) => applyServerFieldErrors(form, error, ['full_name', 'email', 'password']),
  });

  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="md">
        <Heading />
        <FormError error={mutation.error} />
        <TextInput label="Full name" name="full_name" autoComplete="name" required {...form.getInputProps('full_name')} />
        <TextInput
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          required
          {...form.getInputProps('email')}
        />
        <div>
          <PasswordInput
            label="Password"
            name="password"
            autoComplete="new-password"
            required
            aria-describedby="password-strength"
            {...form.getInputProps('password')}
          />
          <PasswordStrength id="password-strength" password={form.values.password} minLength={minLength} />
        </div>
        <Button type="submit" fullWidth loading={mutation.isPending} disabled={mutation.isPending}>
          Create account
        </Button>
        <OAuthButtons returnTo={returnPath(location.state)} />
        <Text size="sm" ta="center">
          Already have an account?{' '}
          <Anchor component={Link} to="/login" fw={600}>
            Sign in
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}

export function RegisterPage() {
  const config = useAuthConfig();
  return (
    <>
      <PageTitle title="Create account" />
      {config.isPending ? (
        <Stack gap="md" role="status" aria-busy="true" aria-label="Loading">
          <Heading />
          <Skeleton h={56} />
          <Skeleton h={56} />
          <Skeleton h={56} />
          <Skeleton h={36} />
        </Stack>
      ) : config.isError ? (
        <Stack gap="md">
          <Heading />
          <QueryError error={config.error} onRetry={() => config.refetch()} retrying={config.isFetching} />
        </Stack>
      ) : config.data.allow_registration ? (
        <RegisterForm minLength={config.data.password_min_length} />
      ) : (
        <Stack gap="md">
          <Heading />
          <Alert color="yellow" variant="light" title="Registration is closed">
            This server does not accept new sign-ups. Ask your administrator to create an account for you.
          </Alert>
          <Button component={Link} to="/login" variant="light" fullWidth>
            Back to sign in
          </Button>
        </Stack>
      )}
    </>
  );
}

import { Alert, Anchor, Button, PasswordInput, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { PasswordStrength } from '../../components/PasswordStrength';
import { QueryError } from '../../components/QueryError';
import { useAuth } from '../../hooks/useAuth';
import { applyServerFieldErrors, validateEmail } from '../../lib/forms';
import { returnPath } from '../../routes/guards';
import { AuthForm, AuthPage } from './AuthShell';
import { OAuthButtons } from './OAuthButtons';
import { useAuthConfig } from './useAuthConfig';

interface RegisterValues {
  full_name: string;
  email: string;
  password: string;
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
    <AuthForm
      onSubmit={form.onSubmit((values) => mutation.mutate(values))}
      error={mutation.error}
      submitLabel="Create account"
      pending={mutation.isPending}
      footer={
        <>
          <OAuthButtons returnTo={returnPath(location.state)} />
          <Text size="sm" ta="center">
            Already have an account?{' '}
            <Anchor component={Link} to="/login" fw={600}>
              Sign in
            </Anchor>
          </Text>
        </>
      }
    >
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
    </AuthForm>
  );
}

export function RegisterPage() {
  const config = useAuthConfig();
  return (
    <AuthPage title="Create account" intro="Set up your copilot in under a minute.">
      {config.isPending ? (
        <Stack gap="md" role="status" aria-busy="true" aria-label="Loading">
          <Skeleton h={56} />
          <Skeleton h={56} />
          <Skeleton h={56} />
          <Skeleton h={36} />
        </Stack>
      ) : config.isError ? (
        <QueryError error={config.error} onRetry={() => config.refetch()} retrying={config.isFetching} />
      ) : config.data.allow_registration ? (
        <RegisterForm minLength={config.data.password_min_length} />
      ) : (
        <>
          <Alert color="yellow" variant="light" title="Registration is closed">
            This server does not accept new sign-ups. Ask your administrator to create an account for you.
          </Alert>
          <Button component={Link} to="/login" variant="light" fullWidth>
            Back to sign in
          </Button>
        </>
      )}
    </AuthPage>
  );
}

import { Alert, Anchor, Code, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../client';
import { QueryError } from '../../components/QueryError';
import { validateEmail } from '../../lib/forms';
import { AuthForm, AuthPage } from './AuthShell';
import { useAuthConfig } from './useAuthConfig';

function BackToSignIn() {
  return (
    <Text size="sm" ta="center">
      <Anchor component={Link} to="/login" fw={600}>
        Back to sign in
      </Anchor>
    </Text>
  );
}

function ForgotForm() {
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: validateEmail },
  });
  const mutation = useMutation({
    mutationFn: (email: string) => unwrap(api.POST('/api/v1/auth/password/forgot', { body: { email } })),
  });

  if (mutation.isSuccess) {
    return (
      <Stack gap="md">
        <Alert color="green" variant="light" title="Check your inbox" role="status">
          {mutation.data?.detail ||
            'If an account exists for that address, we have sent it a link to reset the password.'}
        </Alert>
        <BackToSignIn />
      </Stack>
    );
  }

  return (
    <AuthForm
      onSubmit={form.onSubmit((values) => mutation.mutate(values.email.trim()))}
      error={mutation.error}
      submitLabel="Send reset link"
      pending={mutation.isPending}
      footer={<BackToSignIn />}
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
    </AuthForm>
  );
}

export function ForgotPasswordPage() {
  const config = useAuthConfig();
  return (
    <AuthPage
      title="Forgot password"
      heading="Forgot password?"
      intro="Enter the email you signed up with and we will send you a link to choose a new password."
    >
      {config.isPending ? (
        <Stack gap="md" role="status" aria-busy="true" aria-label="Loading">
          <Skeleton h={56} />
          <Skeleton h={36} />
        </Stack>
      ) : config.isError ? (
        <QueryError error={config.error} onRetry={() => config.refetch()} retrying={config.isFetching} />
      ) : config.data.email_delivery ? (
        <ForgotForm />
      ) : (
        <>
          <Alert color="blue" variant="light" title="Reset links are not emailed">
            This server does not send email. Ask your administrator to run{' '}
            <Code>{'copilot users reset-password <your email>'}</Code> and send you the link.
          </Alert>
          <BackToSignIn />
        </>
      )}
    </AuthPage>
  );
}

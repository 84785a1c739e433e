import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../client';
import { PasswordStrength } from '../../components/PasswordStrength';
import { applyServerFieldErrors } from '../../lib/forms';
import { AuthForm, AuthPage } from './AuthShell';
import { DEFAULT_PASSWORD_MIN_LENGTH, useAuthConfig } from './useAuthConfig';

function ResetForm({ token }: { token: string }) {
  const config = useAuthConfig();
  const minLength = config.data?.password_min_length ?? DEFAULT_PASSWORD_MIN_LENGTH;
  const form = useForm({
    initialValues: { new_password: '' },
    validate: {
      new_password: (value: string) => (value.length >= minLength ? null : `Use at least ${minLength} characters`),
    },
  });
  const mutation = useMutation({
    mutationFn: (newPassword: string) =>
      unwrap(api.POST('/api/v1/auth/password/reset', { body: { token, new_password: newPassword } })),
    onError: (error) => applyServerFieldErrors(form, error, ['new_password']),
  });

  if (mutation.isSuccess) {
    return (
      <Stack gap="md">
        <Alert color="green" variant="light" title="Password updated" role="status">
          Your new password is set. Use it to sign in.
        </Alert>
        <Button component={Link} to="/login" fullWidth>
          Sign in
        </Button>
      </Stack>
    );
  }

  return (
    <AuthForm
      onSubmit={form.onSubmit((values) => mutation.mutate(values.new_password))}
      error={mutation.error}
      submitLabel="Set new password"
      pending={mutation.isPending}
      footer={
        <Button component={Link} to="/login" variant="subtle" fullWidth>
          Back to sign in
        </Button>
      }
    >
      <div>
        <PasswordInput
          label="New password"
          name="new_password"
          autoComplete="new-password"
          required
          aria-describedby="new-password-strength"
          {...form.getInputProps('new_password')}
        />
        <PasswordStrength id="new-password-strength" password={form.values.new_password} minLength={minLength} />
      </div>
    </AuthForm>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return (
    <AuthPage title="Choose a new password" intro="Pick a password you do not use anywhere else.">
      {token ? (
        <ResetForm token={token} />
      ) : (
        <>
          <Alert color="red" variant="light" role="alert" title="This link is incomplete">
            The reset link has no token. Open the full link you were sent, or ask for a new one.
          </Alert>
          <Button component={Link} to="/forgot-password" variant="light" fullWidth>
            Request a new link
          </Button>
        </>
      )}
    </AuthPage>
  );
}

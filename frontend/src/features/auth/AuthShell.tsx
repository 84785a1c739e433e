import { Button, Stack, Text, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';

interface AuthPageProps {
  /** The document title, and the heading unless `heading` says otherwise. */
  title: string;
  heading?: string;
  /** The line under the heading. */
  intro: ReactNode;
  children: ReactNode;
}

/** One page in AuthLayout's card (sign in, register, forgot and reset password): title, heading, intro, body. */
export function AuthPage({ title, heading = title, intro, children }: AuthPageProps) {
  return (
    <Stack gap="md">
      <PageTitle title={title} />
      <div>
        <Title order={1} size="h2">
          {heading}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {intro}
        </Text>
      </div>
      {children}
    </Stack>
  );
}

interface AuthFormProps {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** What the server said no with (announced as an alert above the fields). */
  error: unknown;
  submitLabel: string;
  /** Sending: the button spins and cannot be pressed again. */
  pending: boolean;
  /** The fields. */
  children: ReactNode;
  /** Links and buttons under the submit button. */
  footer?: ReactNode;
}

/** The form of an auth page: the server's error, the fields (validated by the app: `noValidate`), submit, links. */
export function AuthForm({ onSubmit, error, submitLabel, pending, children, footer }: AuthFormProps) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <FormError error={error} />
        {children}
        <Button type="submit" fullWidth loading={pending} disabled={pending}>
          {submitLabel}
        </Button>
        {footer}
      </Stack>
    </form>
  );
}

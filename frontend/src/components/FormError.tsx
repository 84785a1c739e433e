import { Alert } from '@mantine/core';
import { errorMessage } from '../client';

interface FormErrorProps {
  error: unknown;
  title?: string;
}

/** Server error for a form, announced to assistive technology. */
export function FormError({ error, title }: FormErrorProps) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      {errorMessage(error)}
    </Alert>
  );
}

import { ApiError } from '../client';

interface FieldErrorSink {
  setFieldError: (path: string, error: string) => void;
}

/**
 * Copy the server's per-field validation errors onto a Mantine form.
 * Returns true when at least one field error was applied.
 */
export function applyServerFieldErrors(form: FieldErrorSink, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  let applied = false;
  for (const { field, message } of error.fieldErrors) {
    if (fields.includes(field)) {
      form.setFieldError(field, message);
      applied = true;
    }
  }
  return applied;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateEmail(value: string): string | null {
  if (!value.trim()) return 'Enter your email address';
  return EMAIL_RE.test(value.trim()) ? null : 'Enter a valid email address, like name@example.com';
}

export function firstName(fullName: string | undefined | null, email?: string): string {
  const first = (fullName ?? '').trim().split(/\s+/)[0];
  if (first) return first;
  return email ? email.split('@')[0] : 'there';
}

import { MantineProvider, TextInput } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../client';
import { AuthForm, AuthPage } from './AuthShell';

function renderShell({ error = null, pending = false }: { error?: unknown; pending?: boolean } = {}) {
  const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
  render(
    <MantineProvider>
      <AuthPage title="Forgot password" heading="Forgot password?" intro="We send you a link.">
        <AuthForm onSubmit={onSubmit} error={error} submitLabel="Send reset link" pending={pending} footer={<a href="/login">Back to sign in</a>}>
          <TextInput label="Email" name="email" />
        </AuthForm>
      </AuthPage>
    </MantineProvider>,
  );
  return { onSubmit, user: userEvent.setup() };
}

describe('AuthPage and AuthForm', () => {
  it('shows the heading, intro, fields, submit and footer, and submits', async () => {
    const { onSubmit, user } = renderShell();
    expect(screen.getByRole('heading', { level: 1, name: 'Forgot password?' })).toBeInTheDocument();
    expect(screen.getByText('We send you a link.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('link', { name: 'Back to sign in' })).toHaveAttribute('href', '/login');
  });

  it("announces the server's error and blocks a second submit while sending", () => {
    renderShell({ error: new ApiError(401, { detail: 'Incorrect email or password.' }), pending: true });
    expect(screen.getByRole('alert')).toHaveTextContent('Incorrect email or password.');
    expect(screen.getByRole('button', { name: 'Send reset link' })).toBeDisabled();
  });
});

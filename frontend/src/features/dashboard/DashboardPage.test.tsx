import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { installFakeServer, json, PROFILE } from '../../test/fakeServer';
import { application, board, SIGNED_IN } from '../../test/fixtures';

describe('Dashboard', () => {
  it('counts applications per status from the board, linking to it', async () => {
    installFakeServer({
      ...SIGNED_IN,
      'GET /api/v1/users/me': () => json(200, PROFILE),
      'GET /api/v1/applications/board': () =>
        json(
          200,
          board([
            application({ id: 1, status: 'applied' }),
            application({ id: 2, status: 'applied' }),
            application({ id: 3, status: 'interview' }),
          ]),
        ),
    });
    renderApp('/');
    const card = (await screen.findByRole('heading', { name: 'Pipeline by status' })).closest('section')!;
    expect(await within(card).findByText('3 applications tracked.')).toBeInTheDocument();
    const applied = within(card).getByRole('link', { name: '2 Applied' });
    expect(applied).toHaveAttribute('href', '/board?column=applied');
    expect(within(card).getByRole('link', { name: '0 Offer' })).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Open the board' })).toHaveAttribute('href', '/board');
    // The tiles still to come stay labelled as such.
    expect(screen.getByText('Coming soon')).toBeInTheDocument();
  });

  it('invites to track a job when nothing is tracked', async () => {
    installFakeServer({
      ...SIGNED_IN,
      'GET /api/v1/users/me': () => json(200, PROFILE),
      'GET /api/v1/applications/board': () => json(200, board([])),
    });
    renderApp('/');
    expect(await screen.findByText('Nothing tracked yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Find or add a job' })).toHaveAttribute('href', '/jobs');
  });
});

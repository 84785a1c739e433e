import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../lib/format';
import { renderApp } from '../../test/render';
import { installFakeServer, json } from '../../test/fakeServer';
import { achievement, SIGNED_IN } from '../../test/fixtures';

const CATALOGUE = [
  achievement({ code: 'first_interview', title: 'First Interview', description: 'Reach the interview stage.', progress: 0, target: 1 }),
  achievement({
    code: 'first_application',
    title: 'First Application',
    description: 'Send your first application.',
    earned: true,
    awarded_at: '2025-11-03T10:00:00Z',
    progress: 1,
    target: 1,
  }),
  achievement({ code: 'resume_uploaded', title: 'Paper Trail', description: 'Upload a résumé.', available: false }),
  achievement({ code: 'ten_applications', title: 'Ten Down', description: 'Send 10 applications.', progress: 4, target: 10 }),
  achievement({
    code: 'onboarded',
    title: 'Ready for Take-off',
    description: 'Finish the guided setup.',
    earned: true,
    awarded_at: '2025-11-01T08:00:00Z',
  }),
];

describe('Achievements', () => {
  it('lists earned achievements first with the date, then locked ones with progress, then those coming soon', async () => {
    installFakeServer({ ...SIGNED_IN, 'GET /api/v1/achievements': () => json(200, CATALOGUE) });
    renderApp('/achievements');
    expect(await screen.findByRole('heading', { level: 1, name: 'Achievements' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Achievements' });
    const cards = within(list).getAllByRole('article');
    expect(cards.map((card) => within(card).getByRole('heading').textContent)).toEqual([
      'First Application',
      'Ready for Take-off',
      'First Interview',
      'Ten Down',
      'Paper Trail',
    ]);
    expect(screen.getByText(/^2 of 5 earned\./)).toBeInTheDocument();

    const earned = screen.getByRole('article', { name: 'First Application' });
    expect(within(earned).getByText('Earned')).toBeInTheDocument();
    expect(within(earned).getByText(/^Earned on/)).toHaveTextContent(`Earned on ${formatDate('2025-11-03T10:00:00Z')}`);
    expect(within(earned).queryByRole('progressbar')).not.toBeInTheDocument();

    const locked = screen.getByRole('article', { name: 'First Interview' });
    expect(within(locked).getByText('Locked')).toBeInTheDocument();
    expect(within(locked).getByText('0 of 1')).toBeInTheDocument();
    expect(within(locked).getByRole('progressbar', { name: 'First Interview: 0 of 1' })).toHaveAttribute('aria-valuenow', '0');
    const tenDown = screen.getByRole('article', { name: 'Ten Down' });
    expect(within(tenDown).getByRole('progressbar', { name: 'Ten Down: 4 of 10' })).toHaveAttribute('aria-valuenow', '40');

    const soon = screen.getByRole('article', { name: 'Paper Trail' });
    expect(within(soon).getByText('Coming soon')).toBeInTheDocument();
    expect(within(soon).queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('is in the main navigation', async () => {
    installFakeServer({ ...SIGNED_IN, 'GET /api/v1/achievements': () => json(200, []) });
    renderApp('/achievements');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Achievements' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByText('Achievements arrive with the next release.')).toBeInTheDocument();
  });
});

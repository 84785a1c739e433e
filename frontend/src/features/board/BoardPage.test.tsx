import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { deferred, installFakeServer, json } from '../../test/fakeServer';
import { application, board, page, SIGNED_IN } from '../../test/fixtures';

const ALPHA = application({ id: 1, title: 'Alpha Engineer', status: 'interested', position: 0, allowed_statuses: ['applied', 'rejected'] });
const BETA = application({ id: 2, title: 'Beta Engineer', status: 'applied', position: 3, allowed_statuses: ['interested', 'interview'] });
const GAMMA = application({ id: 3, title: 'Gamma Engineer', status: 'applied', position: 5, allowed_statuses: ['interested', 'interview'] });

/**
 * Menu items. jsdom has no layout, so Mantine's popover thinks its target is
 * scrolled out of view and hides the dropdown (display: none): look past that.
 */
const menuItem = (name?: string) => screen.findByRole('menuitem', { name, hidden: true });
const menuItems = () => screen.findAllByRole('menuitem', { hidden: true });

function column(name: string) {
  return screen.getByRole('region', { name });
}

describe('Board', () => {
  it('shows the eight columns with totals and cards', async () => {
    installFakeServer({ ...SIGNED_IN, 'GET /api/v1/applications/board': () => json(200, board([ALPHA, BETA, GAMMA])) });
    renderApp('/board');
    expect(await screen.findByRole('heading', { level: 1, name: 'Board' })).toBeInTheDocument();
    await screen.findByRole('link', { name: 'Alpha Engineer' });
    const regions = ['Interested', 'Applied', 'Interview', 'Offer', 'Accepted', 'Rejected', 'Withdrawn', 'Ghosted'];
    for (const name of regions) expect(column(name).tagName).toBe('SECTION');
    expect(within(column('Applied')).getByText('2')).toBeInTheDocument();
    expect(within(column('Applied')).getAllByRole('link').map((link) => link.textContent)).toEqual(['Beta Engineer', 'Gamma Engineer']);
    expect(within(column('Interested')).getByRole('button', { name: 'Move Alpha Engineer' })).toHaveAttribute(
      'aria-roledescription',
      'sortable',
    );
    expect(within(column('Offer')).getByText('No applications here')).toBeInTheDocument();
  });

  it('moves a card with its Actions menu: only allowed moves, PATCH with a top position', async () => {
    let alpha = ALPHA;
    const release = deferred<void>();
    const server = installFakeServer({
      ...SIGNED_IN,
      'GET /api/v1/applications/board': () => json(200, board([alpha, BETA, GAMMA])),
      'PATCH /api/v1/applications/1': async (request) => {
        const { status, position } = await request.clone().json();
        await release.promise; // hold the answer: the board must move before it
        alpha = { ...ALPHA, status, position, allowed_statuses: ['interested', 'interview'] };
        return json(200, alpha);
      },
    });
    const { user } = renderApp('/board');
    await user.click(await screen.findByRole('button', { name: 'Actions for Alpha Engineer' }));
    const items = await menuItems();
    expect(items.map((item) => item.textContent)).toEqual(['Move to Applied', 'Move to Rejected', 'Open job']);

    await user.click(await menuItem('Move to Applied'));
    // Optimistic: at the top of "Applied" while the server is still thinking.
    const order = () => within(column('Applied')).getAllByRole('link').map((link) => link.textContent);
    await waitFor(() => expect(order()).toEqual(['Alpha Engineer', 'Beta Engineer', 'Gamma Engineer']));
    expect(within(column('Interested')).queryByRole('link')).not.toBeInTheDocument();
    expect(await server.calls('PATCH /api/v1/applications/1')[0].json()).toEqual({ status: 'applied', position: 2, event_note: '' });
    release.resolve();
    expect(await screen.findByText('Moved to Applied')).toBeInTheDocument();
    expect(order()).toEqual(['Alpha Engineer', 'Beta Engineer', 'Gamma Engineer']);
  });

  it("puts the card back and shows the server's reason when the move is refused (409)", async () => {
    const server = installFakeServer({
      ...SIGNED_IN,
      'GET /api/v1/applications/board': () => json(200, board([ALPHA, BETA, GAMMA])),
      'PATCH /api/v1/applications/2': () =>
        json(409, { detail: 'Cannot move from Applied to Interview yet: an interview needs a date.', code: 'illegal_transition' }),
    });
    const { user } = renderApp('/board');
    await user.click(await screen.findByRole('button', { name: 'Actions for Beta Engineer' }));
    await user.click(await menuItem('Move to Interview'));

    expect(await screen.findByText('Cannot move from Applied to Interview yet: an interview needs a date.')).toBeInTheDocument();
    expect(screen.getByText('Beta Engineer was not moved')).toBeInTheDocument();
    expect(server.calls('PATCH /api/v1/applications/2')).toHaveLength(1);
    await waitFor(() =>
      expect(within(column('Applied')).getAllByRole('link').map((link) => link.textContent)).toEqual(['Beta Engineer', 'Gamma Engineer']),
    );
    expect(within(column('Interview')).queryByRole('link')).not.toBeInTheDocument();
  });

  it('says what to do when nothing is tracked', async () => {
    installFakeServer({ ...SIGNED_IN, 'GET /api/v1/applications/board': () => json(200, board([])) });
    renderApp('/board');
    expect(await screen.findByRole('heading', { name: 'Nothing tracked yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Find or add a job' })).toHaveAttribute('href', '/jobs');
  });

  it('switches to a paged list view', async () => {
    const server = installFakeServer({
      ...SIGNED_IN,
      'GET /api/v1/applications/board': () => json(200, board([ALPHA, BETA])),
      'GET /api/v1/applications': () =>
        json(200, page([{ ...BETA, applied_at: '2025-10-02T10:00:00Z' }, ALPHA], 30, 1, 25)),
    });
    const { user } = renderApp('/board');
    await screen.findByRole('link', { name: 'Alpha Engineer' });
    await user.click(within(screen.getByRole('radiogroup', { name: 'View' })).getByLabelText('List'));

    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Job',
      'Company',
      'Status',
      'Applied',
      'Last change',
    ]);
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByRole('link', { name: 'Beta Engineer' })).toHaveAttribute('href', `/jobs/${BETA.job.id}`);
    expect(screen.getByTestId('location')).toHaveTextContent('/board?view=list');
    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(new URL(server.calls('GET /api/v1/applications').at(-1)!.url).searchParams.get('page')).toBe('2'));
  });
});

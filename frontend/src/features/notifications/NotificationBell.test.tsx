import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { installFakeServer, json, noContent, PROFILE } from '../../test/fakeServer';
import { board, notification, page, SIGNED_IN, today } from '../../test/fixtures';
import { appPath } from './useNotifications';

const MATCH = notification({
  id: 3,
  title: 'Strong new match',
  body: 'Backend Engineer at Northwind fits 9 of your skills.',
  data: { url: '/jobs/42' },
});
const PARSED = notification({ id: 2, title: 'Résumé parsed', body: 'We found 12 skills.' });
const OLD = notification({ id: 1, title: 'Welcome aboard', body: 'Your copilot is ready.', read_at: '2025-11-01T09:00:00Z' });


function bellServer(items = [MATCH, PARSED, OLD]) {
  const state = { items };
  const unread = () => state.items.filter((n) => !n.read_at).length;
  const server = installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/users/me': () => json(200, PROFILE),
    'GET /api/v1/applications/board': () => json(200, board([])),
    'GET /api/v1/users/me/today': () => json(200, today()),
    'GET /api/v1/notifications/unread-count': () => json(200, { count: unread() }),
    'GET /api/v1/notifications': () => json(200, page(state.items, state.items.length, 1, 5)),
    'POST /api/v1/notifications/read-all': () => {
      const updated = unread();
      state.items = state.items.map((n) => ({ ...n, read_at: n.read_at ?? '2025-11-20T10:00:00Z' }));
      return json(200, { updated });
    },
    'POST /api/v1/notifications/3/read': () => {
      state.items = state.items.map((n) => (n.id === 3 ? { ...n, read_at: '2025-11-20T10:00:00Z' } : n));
      return noContent();
    },
    'GET /api/v1/jobs/42': () => json(404, { detail: 'Job not found', code: 'not_found' }),
  });
  return { server, state };
}

describe('Notification bell', () => {
  it('names the unread count, lists the newest five, and marks all as read', async () => {
    const { server } = bellServer();
    const { user } = renderApp('/');
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    expect(within(bell).getByTestId('bell-badge')).toHaveTextContent('2');
    expect(bell).toHaveAttribute('aria-expanded', 'false');

    await user.click(bell);
    expect(bell).toHaveAttribute('aria-expanded', 'true');
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    const list = await within(dialog).findByRole('list', { name: 'Latest notifications' });
    const items = within(list).getAllByRole('button');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Unread: Strong new matchBackend Engineer at Northwind fits 9 of your skills\.5 minutes ago$/),
      expect.stringMatching(/^Unread: Résumé parsed/),
      expect.stringMatching(/^Welcome aboardYour copilot is ready\./),
    ]);
    const listCall = new URL(server.calls('GET /api/v1/notifications')[0].url);
    expect(Object.fromEntries(listCall.searchParams)).toEqual({ page: '1', size: '5', unread_only: 'false' });
    expect(within(dialog).getByRole('link', { name: 'See all notifications' })).toHaveAttribute('href', '/notifications');

    await user.click(within(dialog).getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(server.calls('POST /api/v1/notifications/read-all')).toHaveLength(1));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    expect(screen.queryByTestId('bell-badge')).not.toBeInTheDocument();
    await waitFor(() => expect(within(dialog).queryAllByText(/^Unread:/)).toHaveLength(0));
  });

  it('opens a notification: marks it read and follows its in-app link', async () => {
    const { server } = bellServer();
    const { user } = renderApp('/');
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    await user.click(await within(dialog).findByRole('button', { name: /Strong new match/ }));
    await waitFor(() => expect(server.calls('POST /api/v1/notifications/3/read')).toHaveLength(1));
    expect(screen.getByTestId('location')).toHaveTextContent('/jobs/42');
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
  });

  it('says so when there is nothing', async () => {
    bellServer([]);
    const { user } = renderApp('/');
    await user.click(await screen.findByRole('button', { name: 'Notifications' }));
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    expect(await within(dialog).findByText("You're all caught up.")).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Mark all as read' })).toBeDisabled();
    // Keyboard: focus is inside the dialog; Escape closes it and puts focus back on the bell.
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
    await user.keyboard('{Escape}');
    const bell = screen.getByRole('button', { name: 'Notifications' });
    await waitFor(() => expect(bell).toHaveAttribute('aria-expanded', 'false'));
    await waitFor(() => expect(bell).toHaveFocus());
  });
});

describe('appPath', () => {
  const origin = 'https://copilot.example.com';
  it('keeps in-app paths only', () => {
    expect(appPath('/jobs/4?tab=notes#x', origin)).toBe('/jobs/4?tab=notes#x');
    expect(appPath('https://copilot.example.com/board', origin)).toBe('/board');
    expect(appPath('https://evil.example.com/board', origin)).toBeNull();
    expect(appPath('//evil.example.com/board', origin)).toBeNull();
    expect(appPath('/\\evil.example.com', origin)).toBeNull();
    expect(appPath('javascript:alert(1)', origin)).toBeNull();
    expect(appPath('jobs/4', origin)).toBeNull();
    expect(appPath('/api/v1/jobs', origin)).toBeNull();
    expect(appPath(42, origin)).toBeNull();
    expect(appPath(undefined, origin)).toBeNull();
  });
});

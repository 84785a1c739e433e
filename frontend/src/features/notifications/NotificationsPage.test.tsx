import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { installFakeServer, json, noContent } from '../../test/fakeServer';
import { notification, page, SIGNED_IN } from '../../test/fixtures';
import type { NotificationRead } from '../../client/types';

const UNREAD = notification({ id: 3, title: 'Interview tomorrow', body: 'Northwind, 10:00.', data: { url: '/board' } });
const UNREAD_2 = notification({ id: 2, title: 'Résumé parsed', body: 'We found 12 skills.' });
const READ = notification({ id: 1, title: 'Welcome aboard', body: 'Your copilot is ready.', read_at: '2025-11-01T09:00:00Z' });

function pageServer(initial: NotificationRead[] = [UNREAD, UNREAD_2, READ], total?: number) {
  const state = { items: initial };
  const server = installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/notifications/unread-count': () => json(200, { count: state.items.filter((n) => !n.read_at).length }),
    'GET /api/v1/notifications': (request) => {
      const query = new URL(request.url).searchParams;
      const items = query.get('unread_only') === 'true' ? state.items.filter((n) => !n.read_at) : state.items;
      return json(200, page(items, total ?? items.length, Number(query.get('page') ?? 1), Number(query.get('size') ?? 20)));
    },
    'POST /api/v1/notifications/2/read': () => {
      state.items = state.items.map((n) => (n.id === 2 ? { ...n, read_at: '2025-11-20T10:00:00Z' } : n));
      return noContent();
    },
    'POST /api/v1/notifications/read-all': () => {
      const updated = state.items.filter((n) => !n.read_at).length;
      state.items = state.items.map((n) => ({ ...n, read_at: n.read_at ?? '2025-11-20T10:00:00Z' }));
      return json(200, { updated });
    },
  });
  return { server, state };
}

const listItems = () => within(screen.getByRole('list', { name: 'Notifications' })).getAllByRole('listitem');
const lastQuery = (server: ReturnType<typeof pageServer>['server']) =>
  Object.fromEntries(new URL(server.calls('GET /api/v1/notifications').at(-1)!.url).searchParams);

describe('Notifications page', () => {
  it('lists all notifications, and filters to the unread ones', async () => {
    const { server } = pageServer();
    const { user } = renderApp('/notifications');
    expect(await screen.findByRole('heading', { level: 1, name: 'Notifications' })).toBeInTheDocument();
    await screen.findByText('Welcome aboard');
    expect(document.title).toBe('Notifications · Career Copilot');
    expect(listItems()).toHaveLength(3);
    expect(screen.getByText('2 unread notifications.')).toBeInTheDocument();
    expect(lastQuery(server)).toEqual({ page: '1', size: '20', unread_only: 'false' });
    // The in-app link of a notification is a real link.
    expect(screen.getByRole('link', { name: 'Interview tomorrow' })).toHaveAttribute('href', '/board');

    const show = screen.getByRole('radiogroup', { name: 'Show' });
    await user.click(within(show).getByLabelText('Unread'));
    await waitFor(() => expect(lastQuery(server)).toEqual({ page: '1', size: '20', unread_only: 'true' }));
    await waitFor(() => expect(screen.queryByText('Welcome aboard')).not.toBeInTheDocument());
    expect(listItems()).toHaveLength(2);
    expect(screen.getByTestId('location')).toHaveTextContent('/notifications?show=unread');
    expect(document.title).toBe('Unread notifications · Career Copilot');
  });

  it('marks one as read with its button, then all', async () => {
    const { server } = pageServer();
    const { user } = renderApp('/notifications?show=unread');
    await screen.findByText('Résumé parsed');
    const buttons = screen.getAllByRole('button', { name: 'Mark as read' });
    expect(buttons).toHaveLength(2);
    // Each button says which notification it reads.
    expect(buttons[1]).toHaveAccessibleDescription('Résumé parsed');
    await user.click(buttons[1]);
    await waitFor(() => expect(server.calls('POST /api/v1/notifications/2/read')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByText('Résumé parsed')).not.toBeInTheDocument());
    expect(await screen.findByText('1 unread notification.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(server.calls('POST /api/v1/notifications/read-all')).toHaveLength(1));
    expect(await screen.findByRole('heading', { name: "You're all caught up" })).toBeInTheDocument();
    expect(screen.getByText('Nothing unread.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark all as read' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Show all notifications' }));
    expect(await screen.findByText('Welcome aboard')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/notifications$/);
  });

  it('marks an unread notification read when its card is clicked', async () => {
    const { server } = pageServer();
    const { user } = renderApp('/notifications');
    await user.click(await screen.findByText('We found 12 skills.'));
    await waitFor(() => expect(server.calls('POST /api/v1/notifications/2/read')).toHaveLength(1));
    // A read card is inert: another click asks nothing.
    await user.click(await screen.findByText('We found 12 skills.'));
    expect(server.calls('POST /api/v1/notifications/2/read')).toHaveLength(1);
  });

  it('pages through many', async () => {
    const { server } = pageServer([UNREAD, UNREAD_2, READ], 45);
    const { user } = renderApp('/notifications');
    await screen.findByText('Welcome aboard');
    expect(screen.getByText('45 notifications, page 1 of 3.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(lastQuery(server).page).toBe('2'));
    expect(screen.getByTestId('location')).toHaveTextContent('/notifications?page=2');
  });

  it('has an empty state', async () => {
    pageServer([]);
    renderApp('/notifications');
    expect(await screen.findByRole('heading', { name: 'No notifications yet' })).toBeInTheDocument();
  });
});

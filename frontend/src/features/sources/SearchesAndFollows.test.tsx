import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FollowRead, SavedSearchRead } from '../../client/types';
import { renderApp } from '../../test/render';
import { installFakeServer, json, noContent, type Handler } from '../../test/fakeServer';
import { COMPANY_BOARDS, follow, page, savedSearch, SIGNED_IN, sourceHealth } from '../../test/fixtures';

/** Discover with an empty feed; saved searches and follows as in `state`, created and deleted like the API. */
function sourcesServer(initial: { searches?: SavedSearchRead[]; follows?: FollowRead[] } = {}, extra: Record<string, Handler> = {}) {
  const state = { searches: initial.searches ?? [], follows: initial.follows ?? [], nextId: 50 };
  const server = installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/discover': () => json(200, page([])),
    'GET /api/v1/sources': () => json(200, [sourceHealth({ name: 'remotive', label: 'Remotive' }), ...COMPANY_BOARDS]),
    'GET /api/v1/saved-searches': () => json(200, state.searches),
    'POST /api/v1/saved-searches': async (request) => {
      const created = savedSearch({ ...((await request.json()) as object), id: state.nextId++ });
      state.searches = [...state.searches, created];
      return json(201, created);
    },
    'GET /api/v1/followed-companies': () => json(200, state.follows),
    'POST /api/v1/followed-companies': async (request) => {
      const created = follow({ ...((await request.json()) as object), id: state.nextId++ });
      state.follows = [...state.follows, created];
      return json(201, created);
    },
    ...extra,
  });
  return { server, state };
}

function region(name: string) {
  return screen.findByRole('region', { name });
}

describe('Saved searches', () => {
  it('lists the searches and deletes one', async () => {
    const { server, state } = sourcesServer(
      {
        searches: [
          savedSearch({ id: 1, keywords: 'python backend', location: 'Berlin', remote_only: true, min_salary: 70000 }),
          savedSearch({ id: 2, keywords: 'data engineer' }),
        ],
      },
      {
        'DELETE /api/v1/saved-searches/1': () => {
          state.searches = state.searches.filter((search) => search.id !== 1);
          return noContent();
        },
      },
    );
    const { user } = renderApp('/discover');
    const searches = await region('Saved searches');
    expect(within(searches).getByRole('heading', { level: 2, name: 'Saved searches' })).toBeInTheDocument();
    const list = await within(searches).findByRole('list', { name: 'Your saved searches' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('python backend');
    expect(rows[0]).toHaveTextContent('Remote only');
    expect(rows[0]).toHaveTextContent(`Berlin · from ${(70000).toLocaleString()} a year`);
    expect(rows[1]).toHaveTextContent('Anywhere');

    await user.click(within(searches).getByRole('button', { name: 'Delete search python backend' }));
    await waitFor(() => expect(within(searches).queryByText('python backend')).not.toBeInTheDocument());
    expect(server.calls('DELETE /api/v1/saved-searches/1')).toHaveLength(1);
    expect(within(searches).getByRole('button', { name: 'Delete search data engineer' })).toBeInTheDocument();
  });

  it('saves a new search with the right body', async () => {
    const { server } = sourcesServer();
    const { user } = renderApp('/discover');
    const searches = await region('Saved searches');
    expect(await within(searches).findByText('No saved searches yet.')).toBeInTheDocument();

    // Keywords are required.
    await user.click(within(searches).getByRole('button', { name: 'Save search' }));
    expect(await within(searches).findByText('Enter what you are looking for, e.g. python backend')).toBeInTheDocument();
    expect(server.calls('POST /api/v1/saved-searches')).toHaveLength(0);

    await user.type(within(searches).getByLabelText(/^Keywords/), '  rust backend ');
    await user.type(within(searches).getByLabelText('Location'), 'Berlin');
    await user.click(within(searches).getByRole('switch', { name: 'Remote only' }));
    await user.type(within(searches).getByLabelText('Minimum yearly salary'), '70000');
    await user.click(within(searches).getByRole('button', { name: 'Save search' }));

    expect(await screen.findByText('Search saved')).toBeInTheDocument();
    const [request] = server.calls('POST /api/v1/saved-searches');
    expect(await request.json()).toEqual({ keywords: 'rust backend', location: 'Berlin', remote_only: true, min_salary: 70000 });
    expect(await within(searches).findByRole('button', { name: 'Delete search rust backend' })).toBeInTheDocument();
    expect(within(searches).getByLabelText(/^Keywords/)).toHaveValue('');

    // No salary floor: none is sent.
    await user.type(within(searches).getByLabelText(/^Keywords/), 'go');
    await user.click(within(searches).getByRole('button', { name: 'Save search' }));
    expect(await within(searches).findByRole('button', { name: 'Delete search go' })).toBeInTheDocument();
    expect(await server.calls('POST /api/v1/saved-searches')[1].json()).toEqual({ keywords: 'go', location: '', remote_only: false });
  });

  it('shows why a search was not saved', async () => {
    sourcesServer(
      {},
      {
        'POST /api/v1/saved-searches': () =>
          json(422, { detail: [{ loc: ['body', 'keywords'], msg: 'String should have at most 200 characters' }] }),
      },
    );
    const { user } = renderApp('/discover');
    const searches = await region('Saved searches');
    await user.type(within(searches).getByLabelText(/^Keywords/), 'python');
    await user.click(within(searches).getByRole('button', { name: 'Save search' }));
    const alert = await within(searches).findByRole('alert');
    expect(alert).toHaveTextContent('Your search was not saved');
    expect(alert).toHaveTextContent('String should have at most 200 characters');
  });
});

describe('Company boards you follow', () => {
  it('offers the company boards from /sources and follows one with the right body', async () => {
    const { server } = sourcesServer();
    const { user } = renderApp('/discover');
    const follows = await region('Company boards you follow');
    expect(within(follows).getByRole('heading', { level: 2, name: 'Company boards you follow' })).toBeInTheDocument();
    expect(await within(follows).findByText('You do not follow any company board yet.')).toBeInTheDocument();

    const board = within(follows).getByLabelText('Board');
    await waitFor(() => expect(board).toBeEnabled());
    // Company boards only: not the keyword search Remotive.
    expect(within(board).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Greenhouse',
      'Lever',
      'Ashby',
      'SmartRecruiters',
      'Workable',
    ]);
    expect(board).toHaveValue('greenhouse');
    const token = within(follows).getByLabelText(/^Company token/);
    expect(token).toHaveAccessibleDescription(/the part after the board's domain, e\.g\. stripe in boards\.greenhouse\.io\/stripe/i);

    await user.type(token, 'stripe');
    await user.click(within(follows).getByRole('button', { name: 'Follow' }));
    expect(await screen.findByText('Company followed')).toBeInTheDocument();
    expect(await server.calls('POST /api/v1/followed-companies')[0].json()).toEqual({ source: 'greenhouse', token: 'stripe' });
    expect(await within(follows).findByRole('button', { name: 'Unfollow Greenhouse stripe' })).toBeInTheDocument();

    await user.selectOptions(board, 'Lever');
    expect(token).toHaveAccessibleDescription(/jobs\.lever\.co/);
    await user.type(token, 'netflix');
    await user.click(within(follows).getByRole('button', { name: 'Follow' }));
    expect(await within(follows).findByRole('button', { name: 'Unfollow Lever netflix' })).toBeInTheDocument();
    expect(await server.calls('POST /api/v1/followed-companies')[1].json()).toEqual({ source: 'lever', token: 'netflix' });
  });

  it('unfollows a company', async () => {
    const { server, state } = sourcesServer(
      { follows: [follow({ id: 3, source: 'ashby', token: 'linear' }), follow({ id: 4, source: 'greenhouse', token: 'stripe' })] },
      {
        'DELETE /api/v1/followed-companies/3': () => {
          state.follows = state.follows.filter((item) => item.id !== 3);
          return noContent();
        },
      },
    );
    const { user } = renderApp('/discover');
    const follows = await region('Company boards you follow');
    const list = await within(follows).findByRole('list', { name: 'Companies you follow' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    await user.click(await within(follows).findByRole('button', { name: 'Unfollow Ashby linear' }));
    await waitFor(() => expect(within(follows).queryByText('linear')).not.toBeInTheDocument());
    expect(server.calls('DELETE /api/v1/followed-companies/3')).toHaveLength(1);
    expect(within(follows).getByRole('button', { name: 'Unfollow Greenhouse stripe' })).toBeInTheDocument();
  });

  it('shows the server’s reason: already following (409), unknown board (404)', async () => {
    const { server } = sourcesServer(
      {},
      {
        'POST /api/v1/followed-companies': () =>
          json(409, { detail: 'You already follow stripe on Greenhouse.', code: 'already_following' }),
      },
    );
    const { user } = renderApp('/discover');
    const follows = await region('Company boards you follow');
    await waitFor(() => expect(within(follows).getByLabelText('Board')).toBeEnabled());
    await user.type(within(follows).getByLabelText(/^Company token/), 'stripe');
    await user.click(within(follows).getByRole('button', { name: 'Follow' }));
    const alert = await within(follows).findByRole('alert');
    expect(alert).toHaveTextContent('The company was not followed');
    expect(alert).toHaveTextContent('You already follow stripe on Greenhouse.');

    server.on('POST /api/v1/followed-companies', () =>
      json(404, { detail: "'monster' is not a company board. Choose one of: greenhouse, lever.", code: 'unknown_source' }),
    );
    await user.click(within(follows).getByRole('button', { name: 'Follow' }));
    expect(await within(follows).findByText("'monster' is not a company board. Choose one of: greenhouse, lever.")).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { installFakeServer, json } from '../../test/fakeServer';
import { jobListItem, page, SIGNED_IN } from '../../test/fixtures';

function queryOf(request: Request): URLSearchParams {
  return new URL(request.url).searchParams;
}

describe('Jobs list', () => {
  it('reads its filters from the URL and shows results', async () => {
    const server = installFakeServer({
      ...SIGNED_IN,
      'GET /api/v1/jobs': () =>
        json(200, page([jobListItem({ id: 7, title: 'Rust Engineer', tracking: { id: 3, status: 'applied' } })], 21, 2)),
    });
    renderApp('/jobs?q=rust&remote=remote&remote=hybrid&tracked=true&sort=-salary&page=2');

    expect(await screen.findByRole('heading', { level: 1, name: 'Jobs' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Rust Engineer' })).toHaveAttribute('href', '/jobs/7');
    expect(screen.getByText('21 jobs')).toBeInTheDocument();
    expect(screen.getByText('Applied')).toBeInTheDocument();
    expect(screen.getByLabelText('Search jobs')).toHaveValue('rust');
    expect(screen.getByLabelText('Sort by')).toHaveValue('-salary');
    expect(screen.getByLabelText('Tracked')).toHaveValue('true');

    const query = queryOf(server.calls('GET /api/v1/jobs')[0]);
    expect(query.get('q')).toBe('rust');
    expect(query.getAll('remote')).toEqual(['remote', 'hybrid']);
    expect(query.get('tracked')).toBe('true');
    expect(query.get('sort')).toBe('-salary');
    expect(query.get('page')).toBe('2');
    expect(screen.getByRole('button', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  });

  it('says when a common word matches more jobs than a search looks at', async () => {
    installFakeServer({
      ...SIGNED_IN,
      'GET /api/v1/jobs': () =>
        json(200, { ...page([jobListItem({ title: 'Python Engineer' })], 1000), total_is_lower_bound: true }),
    });
    renderApp('/jobs?q=python');

    expect(await screen.findByText('More than 1,000 jobs')).toBeInTheDocument();
    expect(screen.getByText(/showing the newest 1,000; add words or filters/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Page 50' })).toBeInTheDocument();
  });

  it('writes the search to the URL (debounced, and at once on Enter) and asks the server', async () => {
    const server = installFakeServer({
      ...SIGNED_IN,
      'GET /api/v1/jobs': (request) =>
        json(200, page([jobListItem({ title: `Result for ${queryOf(request).get('q') ?? 'all'}` })])),
    });
    const { user } = renderApp('/jobs?page=3');
    await screen.findByRole('link', { name: 'Result for all' });

    await user.type(screen.getByLabelText('Search jobs'), 'python');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/jobs?q=python'));
    expect(await screen.findByRole('link', { name: 'Result for python' })).toBeInTheDocument();
    // Not one request per keystroke.
    expect(server.calls('GET /api/v1/jobs').length).toBeLessThanOrEqual(3);

    await user.clear(screen.getByLabelText('Search jobs'));
    await user.type(screen.getByLabelText('Search jobs'), 'c++{Enter}');
    expect(screen.getByTestId('location')).toHaveTextContent('/jobs?q=c%2B%2B');
    expect(await screen.findByRole('link', { name: 'Result for c++' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Sort by'), 'Title (A–Z)');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/jobs?q=c%2B%2B&sort=title'));
  });

  it('says how to start when there are no jobs at all', async () => {
    installFakeServer({ ...SIGNED_IN, 'GET /api/v1/jobs': () => json(200, page([])) });
    renderApp('/jobs');
    expect(await screen.findByRole('heading', { name: 'No jobs yet' })).toBeInTheDocument();
    expect(screen.getByText(/add it by hand now/i)).toBeInTheDocument();
    // One "Add job", in the empty state.
    const add = screen.getAllByRole('link', { name: 'Add job' });
    expect(add).toHaveLength(1);
    expect(add[0]).toHaveAttribute('href', '/jobs/new');
  });

  it('offers to clear the filters when nothing matches', async () => {
    const server = installFakeServer({
      ...SIGNED_IN,
      'GET /api/v1/jobs': (request) =>
        json(200, queryOf(request).has('company') ? page([]) : page([jobListItem({ title: 'Anything' })])),
    });
    const { user } = renderApp('/jobs?company=Nowhere%20Ltd&sort=title');
    expect(await screen.findByRole('heading', { name: 'No jobs match' })).toBeInTheDocument();
    expect(screen.getByLabelText('Company')).toHaveValue('Nowhere Ltd');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('link', { name: 'Anything' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/jobs\?sort=title$/);
    expect(screen.getByLabelText('Company')).toHaveValue('');
    expect(queryOf(server.calls('GET /api/v1/jobs').at(-1)!).has('company')).toBe(false);
  });

  it('shows the server error with a retry', async () => {
    const server = installFakeServer({
      ...SIGNED_IN,
      'GET /api/v1/jobs': () => json(503, { detail: 'Search is warming up', code: 'unavailable' }),
    });
    const { user } = renderApp('/jobs');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Search is warming up');
    server.on('GET /api/v1/jobs', () => json(200, page([jobListItem({ title: 'Back again' })])));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Back again' })).toBeInTheDocument();
  });
});

import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../client';
import { parseId, useIdParam } from '../hooks/useIdParam';
import { streamedText } from '../lib/streams';
import { RecordHeader, RecordPage } from './RecordPage';

interface Note {
  id: number;
  title: string;
}

function NotePage({ load }: { load: (id: number) => Promise<Note> }) {
  const id = useIdParam();
  const note = useQuery({ queryKey: ['notes', id], queryFn: () => load(id ?? 0), enabled: id !== null, retry: false });
  return (
    <RecordPage
      id={id}
      query={note}
      title="Note"
      notFound={{ title: 'Note not found', action: <a href="/notes">All notes</a> }}
      loadingLabel="Loading note"
      skeletonHeight={200}
      errorTitle="Could not load this note"
    >
      {(data) => (
        <RecordHeader back={<a href="/notes">Notes</a>} title={data.title} meta={<p>Note {data.id}</p>} action={<button type="button">Delete</button>}>
          <p>Saved</p>
        </RecordHeader>
      )}
    </RecordPage>
  );
}

function renderAt(path: string, load: (id: number) => Promise<Note>) {
  render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/notes/:id" element={<NotePage load={load} />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { user: userEvent.setup() };
}

describe('RecordPage and RecordHeader', () => {
  it('reads the id from the URL: a positive whole number or nothing', () => {
    expect(parseId('7')).toBe(7);
    expect(parseId('0')).toBeNull();
    expect(parseId('-3')).toBeNull();
    expect(parseId('1.5')).toBeNull();
    expect(parseId('abc')).toBeNull();
    expect(parseId(undefined)).toBeNull();
  });

  it('shows the record under its header once loaded', async () => {
    renderAt('/notes/7', async (id) => ({ id, title: 'Call Fjord back' }));
    expect(screen.getByRole('status', { name: 'Loading note' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Call Fjord back' })).toBeInTheDocument();
    expect(screen.getByText('Note 7')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Notes' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(screen.getByText('Saved')).toBeInTheDocument();
  });

  it('says "not found" for a bad id without asking the server', async () => {
    const load = vi.fn(async (): Promise<Note> => {
      throw new ApiError(404, { detail: 'Not found' });
    });
    renderAt('/notes/abc', load);
    expect(screen.getByRole('heading', { name: 'Note not found' })).toBeInTheDocument();
    expect(load).not.toHaveBeenCalled();
  });

  it('says "not found" when the server has no such record', async () => {
    renderAt('/notes/8', async () => {
      throw new ApiError(404, { detail: 'Not found' });
    });
    expect(await screen.findByRole('heading', { name: 'Note not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All notes' })).toBeInTheDocument();
  });

  it('shows another error with a retry that loads again', async () => {
    let calls = 0;
    const { user } = renderAt('/notes/9', async (id) => {
      calls += 1;
      if (calls === 1) throw new ApiError(500, { detail: 'The server is busy.' });
      return { id, title: 'Second try' };
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load this note');
    expect(screen.getByRole('heading', { level: 1, name: 'Note' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Second try' })).toBeInTheDocument();
  });
});

describe('streamedText', () => {
  it('shows the stream only when it was heard from its start', () => {
    expect(streamedText({ text: 'Dear Fjord', fromStart: true }, 'Dear')).toBe('Dear Fjord');
    expect(streamedText({ text: 'Fjord', fromStart: false }, 'Dear Fjord')).toBe('Dear Fjord');
    expect(streamedText(undefined, '')).toBe('');
  });
});

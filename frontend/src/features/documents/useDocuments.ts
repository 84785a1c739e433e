import { skipToken, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../client';
import { filenameFrom, saveBlob } from '../../lib/download';
import type {
  DocumentCreate,
  DocumentKind,
  DocumentListParams,
  DocumentPage,
  DocumentRead,
  DocumentStatus,
  ExportFormat,
  ExportTemplate,
  VersionPage,
} from '../../client/types';

export const documentKeys = {
  all: ['documents'] as const,
  lists: ['documents', 'list'] as const,
  list: (params: DocumentListParams) => ['documents', 'list', params] as const,
  detail: (id: number) => ['documents', 'detail', id] as const,
  versions: (id: number) => ['documents', 'versions', id] as const,
  /** The text streamed so far by `content.delta` (written by the realtime dispatcher, never fetched). */
  stream: (id: number) => ['documents', 'stream', id] as const,
};

export const KIND_LABELS: Record<DocumentKind, string> = {
  cover_letter: 'Cover letter',
  tailored_resume: 'Tailored resume',
};

/** While a document is being written, it is asked again this often (the live stream is usually faster). */
export const DOCUMENT_POLL_MS = 3_000;

export function isGenerating(document: Pick<DocumentRead, 'status'> | undefined): boolean {
  return document?.status === 'generating';
}

/** The latest documents for a job (or all of them), newest first. */
export function useDocumentList(params: DocumentListParams) {
  return useQuery<DocumentPage>({
    queryKey: documentKeys.list(params),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents', { params: { query: params }, signal })),
    refetchInterval: (query) => (query.state.data?.items.some(isGenerating) ? DOCUMENT_POLL_MS : false),
  });
}

export function useDocument(id: number | null) {
  return useQuery<DocumentRead>({
    queryKey: documentKeys.detail(id ?? -1),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/documents/{document_id}', { params: { path: { document_id: id as number } }, signal })),
    enabled: id !== null,
    refetchInterval: (query) => (isGenerating(query.state.data) ? DOCUMENT_POLL_MS : false),
  });
}

/** How many versions the page lists (newest first). */
export const VERSIONS_SIZE = 50;

export function useDocumentVersions(id: number, enabled = true) {
  return useQuery<VersionPage>({
    queryKey: documentKeys.versions(id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/documents/{document_id}/versions', {
          params: { path: { document_id: id }, query: { page: 1, size: VERSIONS_SIZE } },
          signal,
        }),
      ),
    enabled,
  });
}

/** Start writing a cover letter or tailored resume for a job (202; the text streams in as `content.delta`). */
export function useCreateDocument(jobId: number) {
  const queryClient = useQueryClient();
  return useMutation<DocumentRead, Error, DocumentCreate>({
    mutationFn: (body) =>
      unwrap(api.POST('/api/v1/jobs/{job_id}/documents', { params: { path: { job_id: jobId } }, body })),
    onSuccess: (document) => {
      queryClient.setQueryData(documentKeys.detail(document.id), document);
      // This tab hears the stream from its start: the page may show it as it arrives.
      queryClient.setQueryData<DocumentStream>(documentKeys.stream(document.id), (known) => known ?? { ...EMPTY_STREAM, fromStart: true });
      void queryClient.invalidateQueries({ queryKey: documentKeys.lists });
    },
  });
}

/** Save the edited text: the server keeps it as a new version. */
export function useSaveDocument(id: number) {
  const queryClient = useQueryClient();
  return useMutation<DocumentRead, Error, string>({
    mutationFn: (content) =>
      unwrap(api.PATCH('/api/v1/documents/{document_id}', { params: { path: { document_id: id } }, body: { content } })),
    onSuccess: (document) => {
      queryClient.setQueryData(documentKeys.detail(id), document);
      void queryClient.invalidateQueries({ queryKey: documentKeys.versions(id) });
      void queryClient.invalidateQueries({ queryKey: documentKeys.lists });
    },
  });
}

export function useCancelDocument(id: number) {
  const queryClient = useQueryClient();
  return useMutation<unknown, Error, void>({
    mutationFn: () => unwrap(api.POST('/api/v1/documents/{document_id}/cancel', { params: { path: { document_id: id } } })),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: documentKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: documentKeys.lists });
    },
  });
}

export function useDeleteDocument(id: number) {
  const queryClient = useQueryClient();
  return useMutation<unknown, Error, void>({
    mutationFn: () => unwrap(api.DELETE('/api/v1/documents/{document_id}', { params: { path: { document_id: id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: documentKeys.detail(id) });
      queryClient.removeQueries({ queryKey: documentKeys.stream(id) });
      void queryClient.invalidateQueries({ queryKey: documentKeys.lists });
    },
  });
}

export { filenameFrom } from '../../lib/download';

/** What a download asks for: the format, and for a tailored resume's PDF or DOCX, its layout. */
export interface ExportChoice {
  format: ExportFormat;
  template?: ExportTemplate;
}

/** Download the document (DOCX, PDF, or a tailored resume as JSON Resume): fetched with the bearer token. */
export async function exportDocument(id: number, { format, template }: ExportChoice): Promise<string> {
  const { data, error, response } = await api.GET('/api/v1/documents/{document_id}/export', {
    params: { path: { document_id: id }, query: template && format !== 'json' ? { format, template } : { format } },
    parseAs: 'blob',
  });
  // Error bodies are read as JSON whatever `parseAs` says: the server's `detail` reaches the message.
  if (!response.ok) throw new ApiError(response.status, error);
  const filename = filenameFrom(response.headers.get('Content-Disposition'), `document-${id}.${format}`);
  saveBlob(data as Blob, filename);
  return filename;
}

export function useExportDocument(id: number) {
  return useMutation<string, Error, ExportChoice>({ mutationFn: (choice) => exportDocument(id, choice) });
}

// ---------------------------------------------------------------------------
// The live stream (`content.delta`)

export interface DocumentStream {
  /** The text so far, deltas in arrival order. */
  text: string;
  done: boolean;
  status: DocumentStatus | null;
  /** This tab heard the stream from its first delta (it started the document), so `text` is whole. */
  fromStart: boolean;
}

const EMPTY_STREAM: DocumentStream = { text: '', done: false, status: null, fromStart: false };

/** The streamed text of a document, as the live updates delivered it; undefined before any. */
export function useDocumentStream(id: number): DocumentStream | undefined {
  return useQuery<DocumentStream>({ queryKey: documentKeys.stream(id), queryFn: skipToken }).data;
}

const STATUSES: readonly DocumentStatus[] = ['generating', 'ready', 'failed', 'cancelled'];

/** `content.delta`: append the delta to the document's stream; when done, fetch the finished document. */
export function applyContentDelta(queryClient: QueryClient, data: Record<string, unknown>): void {
  const id = data.document_id;
  if (typeof id !== 'number') return;
  const done = data.done === true;
  const delta = typeof data.delta === 'string' ? data.delta : '';
  const status = STATUSES.find((s) => s === data.status) ?? null;
  queryClient.setQueryData<DocumentStream>(documentKeys.stream(id), (known = EMPTY_STREAM) => ({
    ...known,
    text: known.text + delta,
    done: known.done || done,
    status: status ?? known.status,
  }));
  if (done) {
    void queryClient.invalidateQueries({ queryKey: documentKeys.detail(id) });
    void queryClient.invalidateQueries({ queryKey: documentKeys.versions(id) });
    void queryClient.invalidateQueries({ queryKey: documentKeys.lists });
  }
}

/** After a reconnection deltas may have been lost: streams are no longer whole (pages fall back to the server's text). */
export function markStreamsIncomplete(queryClient: QueryClient): void {
  queryClient.setQueriesData<DocumentStream>({ queryKey: ['documents', 'stream'] }, (stream) =>
    stream ? { ...stream, fromStart: false } : stream,
  );
}

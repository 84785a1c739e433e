/** Error shape returned by the backend: `{"detail": string, "code": string, "errors"?: [...]}`. */
export interface ApiErrorBody {
  detail?: unknown;
  code?: unknown;
  errors?: unknown;
}

export interface FieldError {
  /** Field name (last element of a pydantic `loc`, or `field`). */
  field: string;
  message: string;
}

export const NETWORK_ERROR_MESSAGE = 'Cannot reach the server';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly body: unknown;
  readonly fieldErrors: FieldError[];

  constructor(status: number, body: unknown) {
    super(messageFromBody(body, status));
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.code = isRecord(body) && typeof body.code === 'string' ? body.code : undefined;
    this.fieldErrors = fieldErrorsFromBody(body);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fallback(status: number | undefined): string {
  if (!status) return 'Something went wrong';
  // A proxy answering for a backend that is down or restarting.
  if (status === 502 || status === 503 || status === 504) return `${NETWORK_ERROR_MESSAGE} (HTTP ${status})`;
  return `Something went wrong (HTTP ${status})`;
}

/** Validation entries may look like pydantic's `{loc, msg}` or a simpler `{field, message}`. */
function entryMessage(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (!isRecord(entry)) return undefined;
  const msg = entry.msg ?? entry.message ?? entry.detail;
  return typeof msg === 'string' && msg.trim() ? msg : undefined;
}

function entryField(entry: unknown): string | undefined {
  if (!isRecord(entry)) return undefined;
  if (typeof entry.field === 'string') return entry.field;
  if (Array.isArray(entry.loc) && entry.loc.length > 0) {
    const last = entry.loc[entry.loc.length - 1];
    return typeof last === 'string' ? last : String(last);
  }
  return undefined;
}

/** Turn an error response body into a sentence a person can read. */
export function messageFromBody(body: unknown, status?: number): string {
  if (isRecord(body)) {
    const { detail } = body;
    if (typeof detail === 'string' && detail.trim()) return detail;
    // FastAPI's default validation shape: {"detail": [{"loc": [...], "msg": "..."}]}
    if (Array.isArray(detail)) {
      const messages = detail.map(entryMessage).filter((m): m is string => Boolean(m));
      if (messages.length) return messages.join('. ');
    }
    if (Array.isArray(body.errors)) {
      const messages = body.errors.map(entryMessage).filter((m): m is string => Boolean(m));
      if (messages.length) return messages.join('. ');
    }
  }
  if (typeof body === 'string' && body.trim() && body.length < 300 && !body.trimStart().startsWith('<')) {
    return body.trim();
  }
  return fallback(status);
}

export function fieldErrorsFromBody(body: unknown): FieldError[] {
  if (!isRecord(body)) return [];
  const entries = Array.isArray(body.errors) ? body.errors : Array.isArray(body.detail) ? body.detail : [];
  const result: FieldError[] = [];
  for (const entry of entries) {
    const field = entryField(entry);
    const message = entryMessage(entry);
    if (field && message) result.push({ field, message });
  }
  return result;
}

/** Fetch rejects with a TypeError when the network is down or the server is unreachable. */
export function isNetworkError(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  return error instanceof Error && (error.name === 'NetworkError' || /failed to fetch|network ?error|load failed/i.test(error.message));
}

/** Human message for anything thrown by an API call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (isNetworkError(error)) return NETWORK_ERROR_MESSAGE;
  if (error instanceof Error && error.message) return error.message;
  return fallback(undefined);
}

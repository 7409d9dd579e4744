import i18n from './i18n';

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: string | null = null;

/** Forget the CSRF token once the session has ended. */
export function clearCsrfToken(): void {
  csrfToken = null;
}

function rememberCsrfToken(payload: unknown): void {
  if (
    payload &&
    typeof payload === 'object' &&
    'csrfToken' in payload &&
    typeof payload.csrfToken === 'string'
  ) {
    csrfToken = payload.csrfToken;
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A field message as a person should read it: without the technical prefix some validators add
 * ("Trường “applicant.idNumber”: …") and without a doubled full stop.
 */
export function politeFieldMessage(message: string): string {
  return message
    .replace(/^Trường “[^”]*”:\s*/, '')
    .replace(/\.{2}$/, '.')
    .trim();
}

function stringFields(raw: unknown): FieldErrors {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  return Object.fromEntries(
    Object.entries(raw)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([field, message]) => [field, politeFieldMessage(message)]),
  );
}

/** Builds an ApiError from the `{ "error": { "code", "message", "fields" } }` envelope. */
function errorFromEnvelope(status: number, payload: unknown): ApiError {
  const envelope = payload && typeof payload === 'object' && 'error' in payload ? payload.error : undefined;
  if (
    envelope &&
    typeof envelope === 'object' &&
    'message' in envelope &&
    typeof envelope.message === 'string'
  ) {
    const code = 'code' in envelope && typeof envelope.code === 'string' ? envelope.code : 'error';
    return new ApiError(
      status,
      code,
      envelope.message,
      stringFields('fields' in envelope && envelope.fields),
    );
  }
  return new ApiError(status, 'unexpected_response', i18n.t('errors.unexpected'));
}

/** Any thrown value as an ApiError, for showing to the user. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'client_error', i18n.t('errors.unexpected'));
}

export interface RequestOptions {
  /** Extra headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
}

async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  // A file goes as its bytes; anything else as JSON.
  const file = body instanceof Blob ? body : null;
  if (body !== undefined) headers['Content-Type'] = file ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch {
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }
  const payload = await readJson(response);
  if (!response.ok) throw errorFromEnvelope(response.status, payload);
  rememberCsrfToken(payload);
  return payload as T;
}

/** A file (PDF, spreadsheet) answered by `GET path`; failures come as ApiError like JSON calls. */
async function getBlob(path: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }
  if (!response.ok) throw errorFromEnvelope(response.status, await readJson(response));
  return response.blob();
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T = void>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body, options),
  put: <T = void>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, body, options),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  getBlob,
};

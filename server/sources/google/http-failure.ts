/** What a failed Google API call tells about itself, whatever layer threw it. */
export interface HttpFailure {
  /** The HTTP status, or null when no response came (a network error). */
  readonly status: number | null;
  /** A system or fetch error code found anywhere in the cause chain (ECONNRESET…). */
  readonly networkCode: string | null;
  /** The Retry-After header, raw. */
  readonly retryAfter: string | null;
  /** Google's own error message when it sent one, else the error's. */
  readonly message: string;
}

interface ErrorLike {
  readonly message?: unknown;
  readonly code?: unknown;
  readonly status?: unknown;
  readonly cause?: unknown;
  readonly response?: { readonly status?: unknown; readonly headers?: unknown; readonly data?: unknown };
}

const isObject = (value: unknown): value is ErrorLike => typeof value === 'object' && value !== null;

function headerOf(headers: unknown, name: string): string | null {
  if (!isObject(headers)) return null;
  // gaxios' Headers may come from another fetch implementation than the global one: duck-typed.
  const get = (headers as { get?: unknown }).get;
  if (typeof get === 'function') {
    const value: unknown = get.call(headers, name);
    return typeof value === 'string' ? value : null;
  }
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

function googleMessage(data: unknown): string | null {
  if (!isObject(data)) return null;
  const error = (data as { error?: unknown }).error;
  if (isObject(error) && typeof error.message === 'string') return error.message;
  return null;
}

/** Reads status, network code and Retry-After from a gaxios error or anything shaped like one. */
export function httpFailureOf(error: unknown): HttpFailure {
  let status: number | null = null;
  let networkCode: string | null = null;
  let retryAfter: string | null = null;
  let message: string | null = null;
  // Network failures arrive wrapped: GaxiosError → TypeError('fetch failed') → the socket error.
  let current: unknown = error;
  for (let depth = 0; depth < 6 && isObject(current); depth++) {
    const response = current.response;
    const responseStatus = typeof response?.status === 'number' ? response.status : null;
    status ??= responseStatus ?? (typeof current.status === 'number' ? current.status : null);
    retryAfter ??= headerOf(response?.headers, 'retry-after');
    message ??= googleMessage(response?.data);
    if (typeof current.code === 'string' && networkCode === null && /^[A-Z_]+$/.test(current.code)) networkCode = current.code;
    if (networkCode === null && typeof current.message === 'string' && /socket hang up/i.test(current.message)) networkCode = 'ECONNRESET';
    current = current.cause;
  }
  const fallback = error instanceof Error ? error.message : String(error);
  return { status, networkCode, retryAfter, message: message ?? fallback };
}

import { httpFailureOf } from './http-failure.ts';

export interface RetryOptions {
  /** Tries in all, the first included. */
  readonly maxAttempts?: number;
  /** The backoff ceiling of the first retry; it doubles with each retry up to maxDelayMs. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the error is thrown instead. */
  readonly maxRetryAfterMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter. */
  readonly random?: () => number;
  /** Wall clock, for a Retry-After given as an HTTP date. */
  readonly now?: () => number;
  readonly onRetry?: (retry: { readonly attempt: number; readonly delayMs: number; readonly error: unknown }) => void;
}

const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'TimeoutError',
]);

/** 429, 5xx and dropped connections pass; every other 4xx is the request's own fault. */
export function isRetryable(error: unknown): boolean {
  const failure = httpFailureOf(error);
  if (failure.status !== null) return failure.status === 429 || failure.status >= 500;
  return failure.networkCode !== null && NETWORK_CODES.has(failure.networkCode);
}

/** Retry-After in milliseconds: delta seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs the call, retrying what Google asks to retry (429, 5xx, dropped connections) with
 * exponential backoff and full jitter, never less than a Retry-After. Only for idempotent calls.
 */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 6;
  const base = options.baseDelayMs ?? 2000;
  const cap = options.maxDelayMs ?? 64_000;
  const maxRetryAfter = options.maxRetryAfterMs ?? 300_000;
  const sleep = options.sleep ?? sleepFor;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= maxAttempts || !isRetryable(error)) throw error;
      const jittered = random() * Math.min(cap, base * 2 ** (attempt - 1));
      const asked = retryAfterMs(httpFailureOf(error).retryAfter, now());
      if (asked !== null && asked > maxRetryAfter) throw error;
      const delayMs = Math.max(jittered, asked ?? 0);
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}

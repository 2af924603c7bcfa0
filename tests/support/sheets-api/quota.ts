// Per-user request quotas, read and write counted apart as Google does (each N per minute),
// over a sliding 60-second window of the injected clock.

import { GoogleApiError } from './google-error.ts';

export type RequestKind = 'read' | 'write';

const WINDOW_MS = 60_000;

export function quotaExceeded(kind: RequestKind, projectNumber: string, limit: number | null): GoogleApiError {
  const metric = kind === 'read' ? 'Read requests' : 'Write requests';
  const quotaLimit = kind === 'read' ? 'ReadRequestsPerMinutePerUser' : 'WriteRequestsPerMinutePerUser';
  return new GoogleApiError(
    429,
    'RESOURCE_EXHAUSTED',
    `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:${projectNumber}'.`,
    [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'RATE_LIMIT_EXCEEDED',
        domain: 'googleapis.com',
        metadata: {
          quota_metric: `sheets.googleapis.com/${kind}_requests`,
          quota_limit: quotaLimit,
          quota_limit_value: String(limit ?? 60),
          quota_location: 'global',
          consumer: `projects/${projectNumber}`,
          service: 'sheets.googleapis.com',
        },
      },
    ],
  );
}

export class QuotaLimiter {
  readonly #limit: number | null;
  readonly #clock: () => number;
  readonly #history = new Map<string, number[]>();

  constructor(limit: number | null, clock: () => number) {
    this.#limit = limit;
    this.#clock = clock;
  }

  /** Counts one request, or throws 429 when the caller already used the whole window. */
  take(email: string, kind: RequestKind, projectNumber: string): void {
    if (this.#limit === null) return;
    const now = this.#clock();
    const key = `${kind}:${email.toLowerCase()}`;
    const recent = (this.#history.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
    if (recent.length >= this.#limit) {
      this.#history.set(key, recent);
      throw quotaExceeded(kind, projectNumber, this.#limit);
    }
    recent.push(now);
    this.#history.set(key, recent);
  }
}

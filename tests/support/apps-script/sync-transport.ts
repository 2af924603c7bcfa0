// The one seam between UrlFetchApp and the network: a synchronous function from request to
// response. In the worker runtime it blocks on the main thread's real fetch; tests in-process may
// pass any function.

export interface TransportRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | null;
  readonly followRedirects: boolean;
}

export type TransportResult =
  | { readonly kind: 'response'; readonly status: number; readonly headers: readonly (readonly [string, string])[]; readonly body: Uint8Array }
  | { readonly kind: 'failure'; readonly reason: 'unreachable' | 'dns' | 'timeout'; readonly detail: string };

export type SyncTransport = (request: TransportRequest) => TransportResult;

/** No network: every host is unreachable. */
export const offlineTransport: SyncTransport = () => ({ kind: 'failure', reason: 'unreachable', detail: 'no transport' });

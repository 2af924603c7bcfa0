// A synchronous UrlFetchApp transport for the in-process sandbox that still reaches the real
// service: a call runs once with the requests captured (answered 503, so the add-on writes
// nothing), the test sends them to the service with fetch, and the call runs again with the
// service's real answers replayed. Between the read and the apply of the replayed run a test can
// act on the sheet as a person would (a sort while the service is computing).
import type { SyncTransport, TransportRequest, TransportResult } from '../../support/apps-script/addon-sandbox.ts';

export interface ServiceRelay {
  readonly transport: SyncTransport;
  /** Requests the last capturing run made. */
  readonly captured: readonly TransportRequest[];
  /** Sends what was captured to the service; the next run gets the answers, in order. */
  forward(): Promise<void>;
  /** Runs once the next replayed answer is handed over, before the add-on reads it. */
  onReplay(action: ((request: TransportRequest) => void) | null): void;
  /** Every request the service really received, with its status. */
  readonly sent: readonly { readonly method: string; readonly path: string; readonly status: number }[];
}

const unavailable = (): TransportResult => ({ kind: 'response', status: 503, headers: [['content-type', 'application/json']], body: new TextEncoder().encode('{"error":{"code":"unavailable","message":"relay capturing"}}') });

export function serviceRelay(): ServiceRelay {
  let captured: TransportRequest[] = [];
  const answers: TransportResult[] = [];
  const sent: { method: string; path: string; status: number }[] = [];
  let action: ((request: TransportRequest) => void) | null = null;
  return {
    transport(request) {
      const answer = answers.shift();
      if (answer === undefined) {
        captured.push(request);
        return unavailable();
      }
      action?.(request);
      return answer;
    },
    get captured() {
      return captured;
    },
    async forward() {
      for (const request of captured) {
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          ...(request.body === null ? {} : { body: request.body }),
        });
        const body = new Uint8Array(await response.arrayBuffer());
        sent.push({ method: request.method, path: new URL(request.url).pathname, status: response.status });
        answers.push({ kind: 'response', status: response.status, headers: [...response.headers], body });
      }
      captured = [];
    },
    onReplay(next) {
      action = next;
    },
    sent,
  };
}

// Synchronous HTTP for code running in a worker: the worker posts the request and sleeps on a
// shared Int32Array (Atomics.wait); the main thread performs it with fetch, posts the answer back
// and wakes the worker, which takes it with receiveMessageOnPort. So the add-on's blocking
// UrlFetchApp can reach a server listening in the test's own process.
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { SyncTransport, TransportRequest, TransportResult } from './sync-transport.ts';

export const FETCH_TIMEOUT_MS = 60_000;

interface BridgeRequest {
  readonly seq: number;
  readonly request: TransportRequest;
}

interface BridgeReply {
  readonly seq: number;
  readonly result: TransportResult;
}

function failureOf(error: unknown, url: string): TransportResult {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'failure', reason: 'timeout', detail: url };
  let cause: unknown = error;
  while (cause instanceof Error && cause.cause !== undefined && !('code' in cause)) cause = cause.cause;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'failure', reason: 'dns', detail: code };
  return { kind: 'failure', reason: 'unreachable', detail: code || (error instanceof Error ? error.message : String(error)) };
}

/** Performs one request for real (main thread). */
export async function performFetch(request: TransportRequest): Promise<TransportResult> {
  try {
    const withBody = request.body !== null && request.method !== 'GET' && request.method !== 'HEAD';
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(withBody ? { body: request.body } : {}),
      redirect: request.followRedirects ? 'follow' : 'manual',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    const body = new Uint8Array(await response.arrayBuffer());
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') headers.push([name, value]);
    });
    for (const cookie of response.headers.getSetCookie()) headers.push(['set-cookie', cookie]);
    return { kind: 'response', status: response.status, headers, body };
  } catch (error) {
    return failureOf(error, request.url);
  }
}

/** Main thread: answers the worker's requests until the port closes. */
export function serveFetches(port: MessagePort, signal: Int32Array, perform: (request: TransportRequest) => Promise<TransportResult> = performFetch): void {
  port.on('message', (message: BridgeRequest) => {
    void perform(message.request).then((result) => {
      const reply: BridgeReply = { seq: message.seq, result };
      port.postMessage(reply);
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
    });
  });
}

/** Worker: a transport that blocks until the main thread has the answer. */
export function blockingTransport(port: MessagePort, signal: Int32Array): SyncTransport {
  let seq = 0;
  return (request) => {
    seq += 1;
    Atomics.store(signal, 0, 0);
    const outgoing: BridgeRequest = { seq, request };
    port.postMessage(outgoing);
    const deadline = Date.now() + FETCH_TIMEOUT_MS + 10_000;
    while (Date.now() < deadline) {
      Atomics.wait(signal, 0, 0, 200);
      const received = receiveMessageOnPort(port);
      if (received !== undefined) {
        const reply = received.message as BridgeReply;
        if (reply.seq === seq) return reply.result;
      }
    }
    return { kind: 'failure', reason: 'timeout', detail: request.url };
  };
}

// An HTTP server on 127.0.0.1 standing in for a Google Chat incoming webhook: it records every
// request (method, path and query, headers, body) and answers with the status it is told.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface WebhookTestServer {
  readonly url: string;
  readonly requests: CapturedRequest[];
  /** The status the next requests get (200 by default). */
  status: number;
  close(): Promise<void>;
}

export async function startWebhookTestServer(): Promise<WebhookTestServer> {
  const requests: CapturedRequest[] = [];
  const state = { status: 200 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = state.status;
      res.setHeader('content-type', 'application/json');
      res.end(state.status < 300 ? JSON.stringify({ name: 'spaces/AAAA/messages/1' }) : JSON.stringify({ error: { code: state.status, message: 'Webhook disabled' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get status() {
      return state.status;
    },
    set status(value: number) {
      state.status = value;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

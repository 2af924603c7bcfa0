// A bare node:http JSON server on 127.0.0.1: reads the whole body, hands the exchange to one
// handler, writes its JSON answer.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpExchange {
  method: string;
  /** Path and query exactly as sent (still percent-encoded). */
  url: string;
  authorization: string | undefined;
  body: Buffer;
}

export interface HttpReply {
  status: number;
  body: unknown;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:40123/ */
  url: string;
  close(): Promise<void>;
}

export async function startHttpServer(handle: (exchange: HttpExchange) => Promise<HttpReply>): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const exchange: HttpExchange = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        authorization: req.headers.authorization,
        body: Buffer.concat(chunks),
      };
      handle(exchange)
        .catch((error: unknown): HttpReply => {
          const message = error instanceof Error ? error.message : String(error);
          return { status: 500, body: { error: { code: 500, message: `Stand-in failure: ${message}`, status: 'INTERNAL' } } };
        })
        .then((reply) => {
          const text = JSON.stringify(reply.body);
          res.writeHead(reply.status, {
            'content-type': 'application/json; charset=UTF-8',
            'content-length': Buffer.byteLength(text),
          });
          res.end(text);
        });
    });
  });
  // Keep-alive sockets would hold close() open.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

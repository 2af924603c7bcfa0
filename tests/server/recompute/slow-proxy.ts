// A proxy in front of the Sheets stand-in that holds every request for a while, so a run of a
// spreadsheet lasts long enough for a second run of it to overlap, if anything let one start.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sleep } from './recompute-fixture.ts';

export interface SlowProxy {
  /** With a trailing slash, as googleapis takes a rootUrl. */
  readonly rootUrl: string;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'content-encoding']);

function forwardable(headers: IncomingHttpHeaders | Headers): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  for (const [name, value] of entries) {
    if (!HOP_BY_HOP.has(name.toLowerCase()) && typeof value === 'string') out[name] = value;
  }
  return out;
}

export async function startSlowProxy(target: string, delayMs: number): Promise<SlowProxy> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        await sleep(delayMs);
        const upstream = await fetch(new URL((req.url ?? '/').replace(/^\//, ''), target), {
          method: req.method ?? 'GET',
          headers: forwardable(req.headers),
          ...(chunks.length === 0 ? {} : { body: Buffer.concat(chunks) }),
        });
        const body = Buffer.from(await upstream.arrayBuffer());
        res.writeHead(upstream.status, forwardable(upstream.headers)).end(body);
      })().catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

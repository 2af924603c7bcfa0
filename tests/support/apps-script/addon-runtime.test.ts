import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAddonRuntime, type AddonRuntime } from './addon-runtime.ts';
import { MANAGER, REP } from './fake-apps-script.ts';

const BUNDLE = fileURLToPath(new URL('../../fixtures/addon/apps-script-probe/', import.meta.url));

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base = '';
let refusedPort = 0;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (req.url === '/api/conflict') {
        res.writeHead(409, { 'Content-Type': 'application/json' }).end('{"error":{"code":"conflict","message":"先に更新されました"}}');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify({ received: Buffer.concat(chunks).length, path: req.url }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was listening a moment ago and now refuses connections.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  refusedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

// Every runtime a test starts is closed after it, whatever the test did.
const started: AddonRuntime[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((rt) => rt.close()));
});

async function runtime(): Promise<AddonRuntime> {
  const rt = await startAddonRuntime({
    bundleDir: BUNDLE,
    spreadsheet: { id: 'sheet-0001', name: '営業管理', timeZone: 'Asia/Tokyo', sheets: [{ name: '案件', rows: [['会社名'], ['A社']] }] },
    user: REP,
    scriptProperties: { SERVICE_URL: 'http://127.0.0.1:1' },
    now: new Date('2026-04-01T00:00:00Z'),
  });
  started.push(rt);
  return rt;
}

describe('startAddonRuntime', () => {
  it('lets the add-on’s synchronous UrlFetchApp reach a server in the test’s own process', async () => {
    const rt = await runtime();
    const response = await rt.call<{ code: number; text: string; headers: Record<string, string> }>('probeFetch', `${base}/api/sync`, {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify({ rows: [['A社', '見積提出']] }),
      headers: { Authorization: `Bearer ${REP.idToken}`, 'X-Sheets-Access-Token': REP.oauthToken },
    });
    expect(response.code).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ received: 34, path: '/api/sync' });
    expect(response.headers['Content-Type']).toBe('application/json; charset=utf-8');
    const request = seen.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/api/sync', body: '{"rows":[["A社","見積提出"]]}' });
    expect(request?.headers).toMatchObject({ authorization: `Bearer ${REP.idToken}`, 'x-sheets-access-token': REP.oauthToken, 'content-type': 'application/json' });
    expect(await rt.fetches()).toEqual([
      {
        url: `${base}/api/sync`,
        method: 'POST',
        headers: { Authorization: `Bearer ${REP.idToken}`, 'X-Sheets-Access-Token': REP.oauthToken, 'Content-Type': 'application/json' },
        payloadBytes: 34,
        status: 200,
        error: null,
      },
    ]);
  });

  it('surfaces a refused connection inside the add-on as UrlFetchApp’s exception', async () => {
    const rt = await runtime();
    const url = `http://127.0.0.1:${refusedPort}/api/sync`;
    expect(await rt.call('probeFetchError', url, { method: 'post', payload: '{}' })).toEqual({
      name: 'Exception',
      message: `Address unavailable: ${url}`,
      isError: true,
      text: `Exception: Address unavailable: ${url}`,
    });
    expect((await rt.fetches())[0]).toMatchObject({ status: null, error: `Address unavailable: ${url}` });
  });

  it('throws for a non-2xx answer unless muteHttpExceptions is set, which hands back the response', async () => {
    const rt = await runtime();
    const thrown = await rt.call<{ message: string }>('probeFetchError', `${base}/api/conflict`, { method: 'post' });
    expect(thrown.message).toBe(
      `Request failed for ${base} returned code 409. Truncated server response: {"error":{"code":"conflict","message":"先に更新されました"}} (use muteHttpExceptions option to examine full response)`,
    );
    const muted = await rt.call<{ code: number; text: string }>('probeFetch', `${base}/api/conflict`, { method: 'post', muteHttpExceptions: true });
    expect(muted.code).toBe(409);
    expect(JSON.parse(muted.text)).toEqual({ error: { code: 'conflict', message: '先に更新されました' } });
  });

  it('rejects with the add-on’s own message when the called function throws', async () => {
    const rt = await runtime();
    await expect(rt.call('probeThrow')).rejects.toThrow('何かがおかしい');
    await expect(rt.call('probeCalls')).resolves.toBe(1);
  });

  it('drives user actions, triggers and inspection from the test’s side', async () => {
    const rt = await runtime();
    await rt.call('probeInstallTriggers');
    await rt.setUser(MANAGER);
    await rt.editCells('案件', 3, 1, [['B社']]);
    await rt.setActiveCell('案件', 3, 1);
    await rt.holdLock('document', true);
    await expect(rt.call('probeLock', 10)).resolves.toEqual({ got: false, has: false });
    await rt.holdLock('document', false);
    const snapshot = await rt.snapshot();
    expect(snapshot.sheets[0]?.values).toEqual([['会社名'], ['A社'], ['B社']]);
    expect(snapshot.activeRange).toBe('A3');
    expect(await rt.properties('document')).toMatchObject({ changes: '1', lastChangeType: 'EDIT' });
    expect(await rt.properties('script')).toEqual({ SERVICE_URL: 'http://127.0.0.1:1' });
    expect((await rt.triggers()).map((t) => [t.handlerFunction, t.owner, t.runs])).toEqual([
      ['onHourly', REP.email, 0],
      ['onSheetChange', REP.email, 1],
    ]);
    expect(await rt.writes()).toEqual([]);
    await rt.call('probeSidebar');
    expect((await rt.ui()).sidebars.map((s) => s.title)).toEqual(['プローブ']);
  });

  it('refuses further calls once closed', async () => {
    const rt = await runtime();
    await rt.close();
    await expect(rt.call('probeCalls')).rejects.toThrow('closed');
  });
});

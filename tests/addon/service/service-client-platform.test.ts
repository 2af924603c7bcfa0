// callService on the Apps Script fakes: the request it sends, and what each answer becomes.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { createAddonSandbox, type AddonSandbox, type TransportRequest, type TransportResult } from '../../support/apps-script/addon-sandbox.ts';
import { bundleForService } from '../../support/apps-script/bundle-for-service.ts';
import { buildPlatformBundle } from '../sync/platform-bundle.ts';

const USER = { email: 'alice@example.co.jp', idToken: 'id-token', oauthToken: 'oauth-token', locale: 'en' };
const text = (status: number, body: string): TransportResult => ({ kind: 'response', status, headers: [], body: new TextEncoder().encode(body) });

describe('callService', () => {
  let bundleDir: string;
  let sandbox: AddonSandbox;
  let requests: TransportRequest[];
  let reply: TransportResult;

  beforeAll(async () => {
    bundleDir = await buildPlatformBundle();
  });

  beforeEach(() => {
    requests = [];
    reply = text(200, '{"items":[]}');
    sandbox = createAddonSandbox({
      bundleDir: bundleForService(bundleDir, 'https://sfa.example.co.jp/api/'),
      spreadsheet: { id: 'sheet/1', name: '営業', timeZone: 'Asia/Tokyo', sheets: [{ name: 'Sheet1', rows: [] }] },
      user: USER,
      scriptProperties: { SERVICE_URL: 'https://sfa.example.co.jp/api/' },
      transport: (request) => {
        requests.push(request);
        return reply;
      },
    });
  });

  it('sends a GET with the query, both tokens and the user\'s language, and parses the answer', () => {
    expect(sandbox.call('call', { method: 'get', path: '/v1/spreadsheets/x/visits', query: { dealId: 'd 1', limit: 5, skip: undefined } })).toEqual({ ok: true, status: 200, body: { items: [] } });
    expect(requests[0]).toMatchObject({
      url: 'https://sfa.example.co.jp/api/v1/spreadsheets/x/visits?dealId=d%201&limit=5',
      method: 'GET',
      headers: expect.objectContaining({ Authorization: 'Bearer id-token', 'X-Sheets-Access-Token': 'oauth-token', 'Accept-Language': 'en' }),
      body: null,
    });
  });

  it('sends a small JSON body as it is and a large one gzipped', () => {
    sandbox.call('call', { method: 'post', path: '/v1/x', body: { note: '訪問' } });
    expect(requests[0]?.headers['Content-Type']).toBe('application/json');
    expect(new TextDecoder().decode(requests[0]?.body ?? undefined)).toBe('{"note":"訪問"}');
    const big = { note: '商談メモ'.repeat(10_000) };
    sandbox.call('call', { method: 'put', path: '/v1/x', body: big });
    expect(requests[1]?.headers['Content-Encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(requests[1]?.body ?? new Uint8Array()).toString('utf8'))).toEqual(big);
  });

  it.each([
    [404, '{"error":{"code":"not_found","message":"no such deal"}}', { code: 'not_found', message: 'Not found.' }],
    [403, '{"error":{"code":"forbidden","message":"You cannot decide your own request"}}', { code: 'forbidden', message: 'You do not have permission to do this on this spreadsheet. (You cannot decide your own request)' }],
    [400, '{"error":{"code":"invalid_request","message":"visitedOn: must be a date"}}', { code: 'invalid', message: 'visitedOn: must be a date' }],
    [409, '{"error":{"code":"conflict","message":"version 3 is not 2"}}', { code: 'conflict', message: 'Someone else changed it first. Please reload.' }],
    [502, '<html>Bad gateway</html>', { code: 'unreachable', message: 'The service cannot be reached. Nothing was written to the sheet. Please try again later.' }],
    [200, '<html>not json</html>', { code: 'internal', message: 'An unexpected error occurred.' }],
  ])('turns a %i answer into a localised error', (status, body, error) => {
    reply = text(status, body);
    expect(sandbox.call('call', { method: 'get', path: '/v1/x' })).toEqual({ ok: false, status, error });
  });

  it('reports unreachable with no status when the fetch itself fails', () => {
    reply = { kind: 'failure', reason: 'dns', detail: 'no such host' };
    expect(sandbox.call('call', { method: 'get', path: '/v1/x' })).toEqual({ ok: false, status: null, error: expect.objectContaining({ code: 'unreachable' }) });
  });
});

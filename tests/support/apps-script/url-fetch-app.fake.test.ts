import { describe, expect, it } from 'vitest';
import { fakeAppsScript } from './fake-apps-script.ts';
import type { SyncTransport, TransportRequest } from './sync-transport.ts';

function recording(status = 200, text = '{"ok":true}'): { transport: SyncTransport; seen: TransportRequest[] } {
  const seen: TransportRequest[] = [];
  return {
    seen,
    transport: (request) => {
      seen.push(request);
      return { kind: 'response', status, headers: [['content-type', 'application/json'], ['set-cookie', 'a=1'], ['set-cookie', 'b=2']], body: new TextEncoder().encode(text) };
    },
  };
}

describe('UrlFetchApp.fetch', () => {
  it('sends the method, headers and a string payload with its content type', () => {
    const { transport, seen } = recording();
    const { g, state } = fakeAppsScript({ transport });
    const response = g.UrlFetchApp.fetch('https://sfa.example.com/api/sync', {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify({ rows: [] }),
      headers: { Authorization: 'Bearer id-token', 'X-Sheets-Access-Token': 'oauth' },
    });
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers).toMatchObject({ Authorization: 'Bearer id-token', 'X-Sheets-Access-Token': 'oauth', 'Content-Type': 'application/json' });
    expect(new TextDecoder().decode(seen[0]?.body ?? new Uint8Array())).toBe('{"rows":[]}');
    expect([response.getResponseCode(), response.getContentText()]).toEqual([200, '{"ok":true}']);
    expect(response.getHeaders()['Content-Type']).toBe('application/json');
    expect(response.getAllHeaders()['Set-Cookie']).toEqual(['a=1', 'b=2']);
    expect(state.fetches).toEqual([
      {
        url: 'https://sfa.example.com/api/sync',
        method: 'POST',
        headers: { Authorization: 'Bearer id-token', 'X-Sheets-Access-Token': 'oauth', 'Content-Type': 'application/json' },
        payloadBytes: 11,
        status: 200,
        error: null,
      },
    ]);
  });

  it('refuses, without sending, a URL outside the manifest\'s urlFetchWhitelist', () => {
    const { transport, seen } = recording();
    const { g } = fakeAppsScript({ transport, urlFetchWhitelist: ['https://sfa.example.com/'] });
    expect(() => g.UrlFetchApp.fetch('https://staging.example.com/v1/me')).toThrow(
      'Request to https://staging.example.com/v1/me failed because the URL has not been whitelisted in the script manifest.',
    );
    expect(() => g.UrlFetchApp.fetch('https://sfa.example.com.evil.example/v1/me')).toThrow('has not been whitelisted');
    expect(seen).toEqual([]);
    expect(g.UrlFetchApp.fetch('https://sfa.example.com/v1/me').getResponseCode()).toBe(200);
  });

  it('form-encodes an object payload by default', () => {
    const { transport, seen } = recording();
    fakeAppsScript({ transport }).g.UrlFetchApp.fetch('https://x.example/', { method: 'post', payload: { a: '1 2', b: 'ボ' } });
    expect(seen[0]?.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(new TextDecoder().decode(seen[0]?.body ?? new Uint8Array())).toBe('a=1%202&b=%E3%83%9C');
  });

  it('throws on a status of 400 or more unless muteHttpExceptions is set', () => {
    const { transport } = recording(409, '{"error":{"code":"conflict"}}');
    const { g } = fakeAppsScript({ transport });
    expect(() => g.UrlFetchApp.fetch('https://sfa.example.com/api/requests/1/decide', { method: 'post' })).toThrow(
      'Request failed for https://sfa.example.com returned code 409. Truncated server response: {"error":{"code":"conflict"}} (use muteHttpExceptions option to examine full response)',
    );
    const muted = g.UrlFetchApp.fetch('https://sfa.example.com/api/requests/1/decide', { method: 'post', muteHttpExceptions: true });
    expect(muted.getResponseCode()).toBe(409);
  });

  it('throws Address unavailable when nothing answers, and DNS error for an unknown host', () => {
    const { g, state } = fakeAppsScript({ transport: (r) => ({ kind: 'failure', reason: r.url.includes('nowhere') ? 'dns' : 'unreachable', detail: '' }) });
    expect(() => g.UrlFetchApp.fetch('http://127.0.0.1:9/api')).toThrow('Address unavailable: http://127.0.0.1:9/api');
    expect(() => g.UrlFetchApp.fetch('https://nowhere.invalid/')).toThrow('DNS error: https://nowhere.invalid/');
    expect(state.fetches.map((f) => f.status)).toEqual([null, null]);
  });

  it('refuses Host and Content-Length headers and payloads over 50 MB before sending anything', () => {
    const { transport, seen } = recording();
    const { g } = fakeAppsScript({ transport });
    expect(() => g.UrlFetchApp.fetch('https://x.example/', { headers: { Host: 'evil' } })).toThrow('Header:Host');
    expect(() => g.UrlFetchApp.fetch('https://x.example/', { headers: { 'content-length': '3' } })).toThrow('Header:content-length');
    const big = 'x'.repeat(50 * 1024 * 1024 + 1);
    expect(() => g.UrlFetchApp.fetch('https://x.example/', { method: 'post', payload: big })).toThrow('Limit Exceeded: URLFetch POST Size.');
    expect(seen).toEqual([]);
  });

  it('refuses to run without the external_request scope or from a simple trigger', () => {
    const { transport } = recording();
    const narrow = fakeAppsScript({ transport, scopes: ['openid'] });
    expect(() => narrow.g.UrlFetchApp.fetch('https://x.example/')).toThrow(
      'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
    const limited = fakeAppsScript({ transport });
    limited.state.execution = { id: 1, user: limited.state.user, authMode: 'LIMITED', kind: 'simple-trigger', startedAt: 0, limitMs: Number.MAX_SAFE_INTEGER };
    expect(() => limited.g.UrlFetchApp.fetch('https://x.example/')).toThrow('You do not have permission to call UrlFetchApp.fetch.');
  });
});

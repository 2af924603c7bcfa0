import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { google } from 'googleapis';
import { afterEach, describe, expect, it } from 'vitest';
import { httpFailureOf } from '../../../../server/sources/google/http-failure.ts';
import { isRetryable, retryAfterMs, withRetry } from '../../../../server/sources/google/with-retry.ts';

/** An error shaped as gaxios throws it for an HTTP answer. */
function httpError(status: number, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(`status ${status}`), { status, response: { status, headers: new Headers(headers), data: { error: { code: status, message: `google says ${status}` } } } });
}

function networkError(code: string): Error {
  return Object.assign(new Error('request failed'), { cause: Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('socket'), { code }) }) });
}

function scripted<T>(outcomes: (Error | T)[]) {
  let calls = 0;
  const call = async (): Promise<T> => {
    const next = outcomes[calls++];
    if (next instanceof Error) throw next;
    return next as T;
  };
  return { call, calls: () => calls };
}

const recordSleeps = () => {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
};

describe('isRetryable', () => {
  it.each([
    [httpError(429), true],
    [httpError(500), true],
    [httpError(503), true],
    [networkError('ECONNRESET'), true],
    [networkError('ETIMEDOUT'), true],
    [networkError('UND_ERR_SOCKET'), true],
    [new Error('socket hang up'), true],
    [httpError(400), false],
    [httpError(401), false],
    [httpError(403), false],
    [httpError(404), false],
    [networkError('ENOTFOUND'), false],
    [new Error('boom'), false],
  ])('%#: %s → %s', (error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});

describe('retryAfterMs', () => {
  it.each([
    ['7', 0, 7000],
    ['0.5', 0, 500],
    ['Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'), 10_000],
    ['Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:29:00 GMT'), 0],
    ['soon', 0, null],
    [null, 0, null],
  ])('reads %s at %i as %s ms', (header, now, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected);
  });
});

describe('withRetry', () => {
  it('retries 429, 5xx and resets with full-jitter exponential backoff, then succeeds', async () => {
    const { call, calls } = scripted([httpError(429), httpError(503), networkError('ECONNRESET'), 'ok']);
    const { sleeps, sleep } = recordSleeps();
    await expect(withRetry(call, { sleep, random: () => 0.5, baseDelayMs: 1000 })).resolves.toBe('ok');
    expect(calls()).toBe(4);
    expect(sleeps).toEqual([500, 1000, 2000]);
  });

  it('caps the backoff at maxDelayMs', async () => {
    const { call } = scripted([httpError(500), httpError(500), httpError(500), httpError(500), httpError(500), 'ok']);
    const { sleeps, sleep } = recordSleeps();
    await withRetry(call, { sleep, random: () => 0.999_999, baseDelayMs: 1000, maxDelayMs: 5000 });
    expect(sleeps.map(Math.round)).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('waits at least what Retry-After asks', async () => {
    const { call } = scripted([httpError(429, { 'retry-after': '30' }), 'ok']);
    const { sleeps, sleep } = recordSleeps();
    await withRetry(call, { sleep, random: () => 0.1 });
    expect(sleeps).toEqual([30_000]);
  });

  it('gives up rather than wait for a Retry-After beyond its limit', async () => {
    const { call, calls } = scripted([httpError(503, { 'retry-after': '3600' }), 'ok']);
    const { sleep } = recordSleeps();
    await expect(withRetry(call, { sleep, maxRetryAfterMs: 60_000 })).rejects.toThrow('status 503');
    expect(calls()).toBe(1);
  });

  it('stops after six attempts and throws the last error', async () => {
    const { call, calls } = scripted(Array.from({ length: 10 }, () => httpError(500)));
    const { sleeps, sleep } = recordSleeps();
    await expect(withRetry(call, { sleep, random: () => 0 })).rejects.toThrow('status 500');
    expect(calls()).toBe(6);
    expect(sleeps).toHaveLength(5);
  });

  it.each([400, 401, 403, 404])('never retries a %i', async (status) => {
    const { call, calls } = scripted([httpError(status), 'ok']);
    const { sleep } = recordSleeps();
    await expect(withRetry(call, { sleep })).rejects.toThrow(`status ${status}`);
    expect(calls()).toBe(1);
  });
});

describe('against real googleapis errors', () => {
  let server: Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server === null ? resolve() : server.close(() => resolve()))));

  it('reads status, Retry-After, Google’s message and dropped sockets from what gaxios throws', async () => {
    const answers = ['reset', '503', '200'];
    server = createServer((req, res) => {
      const answer = answers.shift();
      if (answer === 'reset') return req.socket.destroy();
      if (answer === '503') {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '2' });
        return res.end(JSON.stringify({ error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' } }));
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ spreadsheetId: 's1', properties: { title: 'ok' } }));
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const sheets = google.sheets({ version: 'v4', rootUrl: `http://127.0.0.1:${port}/` });
    const failures: ReturnType<typeof httpFailureOf>[] = [];
    const { sleeps, sleep } = recordSleeps();
    const response = await withRetry(() => sheets.spreadsheets.get({ spreadsheetId: 's1' }, { retry: false }), {
      sleep,
      random: () => 0,
      onRetry: ({ error }) => void failures.push(httpFailureOf(error)),
    });
    expect(response.data.properties?.title).toBe('ok');
    expect(failures[0]?.status).toBeNull();
    expect(failures[0]?.networkCode).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect(failures[1]).toMatchObject({ status: 503, retryAfter: '2', message: 'The service is currently unavailable.' });
    expect(sleeps).toEqual([0, 2000]);
  });
});

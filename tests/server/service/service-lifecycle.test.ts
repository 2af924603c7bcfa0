// The service as a process and through its lifecycle: `npm start`'s entry on the embedded
// default, refusing unsafe configuration, body limits, development sign-in, and a graceful stop
// that finishes the sync in flight.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../../../server/auth/dev-token-verifier.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { pushBody } from '../../support/service/apply-plan-wire.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import { dealGrid, serial } from '../sync/test-sheet.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SHEET = '1LlllllllllllllllllllllllllllllllllllllllllLL';
const DEV_KEY = 'a-development-key-of-at-least-32-characters';

function bigDeals(rows: number) {
  return dealGrid(
    Array.from({ length: rows }, (_, i) => ({ title: `案件 ${i}`, account: `顧客 ${i % 500}`, stage: '提案', owner: '佐藤', stageChangedOn: serial('2026-11-01') })),
  );
}

interface ProcessRun {
  lines: Record<string, unknown>[];
  stderr: string;
  exit: Promise<number | null>;
  signal(name: NodeJS.Signals): void;
  waitFor(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
}

function startProcess(env: Record<string, string>): ProcessRun {
  const child = spawn(process.execPath, ['server/service/main.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  const waiters: { match: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }[] = [];
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = JSON.parse(text) as Record<string, unknown>;
    lines.push(line);
    for (const w of waiters.filter((x) => x.match(line))) w.resolve(line);
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    lines,
    get stderr() {
      return stderr;
    },
    exit,
    signal: (name) => child.kill(name),
    waitFor: (match) =>
      new Promise((resolve, reject) => {
        const seen = lines.find(match);
        if (seen !== undefined) return resolve(seen);
        waiters.push({ match, resolve });
        void exit.then((code) => reject(new Error(`exited with ${code} before the line: ${stderr}`)));
      }),
  };
}

describe('the service process', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sfa-service-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves on the embedded default, refuses /v1 without a token, and stops cleanly on SIGTERM', async () => {
    const run = startProcess({ PORT: '0', SHEETS_SFA_DATA_DIR: dataDir });
    const listening = await run.waitFor((l) => l.msg === 'sheets-sfa service listening');
    expect(listening.database).toBe('pglite');
    const url = String(listening.url);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(((await (await fetch(`${url}/readyz`)).json()) as { status: string }).status).toBe('ready');
    // Without a client id no token can be accepted: the service says it is not configured.
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ email: 'a@example.com', email_verified: true }).setProtectedHeader({ alg: 'RS256', kid: 'k' }).setIssuedAt().setExpirationTime('1h').sign(privateKey);
    const unconfigured = await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(unconfigured.status).toBe(503);
    expect(((await unconfigured.json()) as { error: { message: string } }).error.message).toMatch(/GOOGLE_OAUTH_CLIENT_ID/);
    expect((await fetch(`${url}/v1/me`)).status).toBe(401);
    expect(run.lines.some((l) => typeof l.msg === 'string' && l.msg.includes('GOOGLE_OAUTH_CLIENT_ID is not set'))).toBe(true);
    // Tokens never reach the log.
    expect(JSON.stringify(run.lines)).not.toContain(token);
    run.signal('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.lines.at(-1)?.msg).toBe('stopped');
  });

  it('refuses to start with development sign-in on a non-loopback address', async () => {
    const run = startProcess({ PORT: '0', HOST: '0.0.0.0', SHEETS_SFA_DEV_AUTH_KEY: DEV_KEY, SHEETS_SFA_DATA_DIR: dataDir });
    expect(await run.exit).toBe(2);
    expect(run.stderr).toMatch(/SHEETS_SFA_DEV_AUTH_KEY: development sign-in only binds to loopback/);
  });

  it('lists every bad variable when the configuration is invalid', async () => {
    const run = startProcess({ PORT: '99999', LOG_LEVEL: 'loud', SHEETS_SFA_DATA_DIR: dataDir });
    expect(await run.exit).toBe(2);
    expect(run.stderr).toMatch(/PORT/);
    expect(run.stderr).toMatch(/LOG_LEVEL/);
  });
});

describeIfPostgres('the service lifecycle', () => {
  let h: ServiceHarness;

  beforeAll(async () => {
    h = await startServiceHarness({ label: 'lifecycle', env: { SYNC_BODY_LIMIT_MB: '2', SHEETS_SFA_DEV_AUTH_KEY: DEV_KEY } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('accepts a development token only when development sign-in is on', async () => {
    const token = await signDevToken(DEV_KEY, 'dev@example.com');
    const res = await h.call('GET', '/v1/me', { token });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { email: string }).email).toBe('dev@example.com');
    const forged = await signDevToken('another-key-that-is-also-32-characters-long', 'dev@example.com');
    expect((await h.call('GET', '/v1/me', { token: forged })).status).toBe(401);
  });

  it('answers 413 for a push over the body limit, and only once the caller is known', async () => {
    const body = pushBody('big', 'Asia/Tokyo', [bigDeals(30_000)]);
    const anonymous = await h.call('POST', `/v1/spreadsheets/${SHEET}/sync`, { body });
    expect(anonymous.status).toBe(401);
    const res = await h.call('POST', `/v1/spreadsheets/${SHEET}/sync`, { as: 'owner@example.com', body });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('keeps the recompute route without a service account, answering 503 with what is missing', async () => {
    const sheet = '1NnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnNN';
    // Development sign-in registers without Google (there is no Google here to prove access to).
    const token = await signDevToken(DEV_KEY, 'owner@example.com');
    expect((await h.call('POST', `/v1/spreadsheets/${sheet}/sync`, { token, body: pushBody('s', 'Asia/Tokyo', [bigDeals(3)]) })).status).toBe(200);
    const res = await h.call('POST', `/v1/spreadsheets/${sheet}/recompute`, { token });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toEqual({ code: 'unavailable', message: expect.stringContaining('GOOGLE_APPLICATION_CREDENTIALS') });
  });

  it('finishes a push whose upload was under way when the stop began, and takes no new request after', async () => {
    const body = Buffer.from(JSON.stringify(pushBody('inflight', 'Asia/Tokyo', [bigDeals(2_000)])));
    const token = await signDevToken(DEV_KEY, 'owner@example.com');
    const { hostname, port } = new URL(h.url);
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        { host: hostname, port, method: 'POST', path: `/v1/spreadsheets/${SHEET}/sync`, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': body.length } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      // Headers and the first bytes now; the rest only once the stop has begun.
      req.write(body.subarray(0, 10));
      setTimeout(() => {
        stopped = h.service.stop();
        setTimeout(() => req.end(body.subarray(10)), 200);
      }, 200);
    });
    let stopped: Promise<void> | null = null;
    const res = await answer;
    expect(res.status).toBe(200);
    expect((JSON.parse(res.body) as { summary: { tabs: { inserted: number }[] } }).summary.tabs[0]?.inserted).toBe(2_000);
    await stopped;
    await expect(fetch(`${h.url}/healthz`)).rejects.toThrow();
  });
});

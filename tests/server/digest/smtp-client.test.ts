import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSmtp, SmtpError, type SmtpTransport } from '../../../server/digest/smtp-client.ts';
import { smtpEmailDelivery } from '../../../server/digest/smtp-email-delivery.ts';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.ts';

const run = promisify(execFile);

/** The headers and decoded body of a mail as the server got it. */
function parseMail(data: string): { headers: Map<string, string>; body: string } {
  const [head = '', body = ''] = data.split('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n /g, ' ').split('\r\n')) {
    const at = line.indexOf(':');
    headers.set(line.slice(0, at).toLowerCase(), line.slice(at + 1).trim());
  }
  return { headers, body: Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8') };
}

/** RFC 2047 encoded words back to text; the space between two adjacent words is not text. */
function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

const plainTransport = (port: number, extra: Partial<SmtpTransport> = {}): SmtpTransport => ({
  host: '127.0.0.1',
  port,
  security: 'none',
  user: null,
  password: null,
  heloName: 'sfa.example.co.jp',
  timeoutMs: 5_000,
  ...extra,
});

describe('smtpEmailDelivery', () => {
  let server: SmtpTestServer;
  beforeAll(async () => {
    server = await startSmtpTestServer({ refuse: ['nobody@example.co.jp'] });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('delivers a Japanese plain-text mail over a real SMTP conversation', async () => {
    const delivery = smtpEmailDelivery({
      smtp: { host: '127.0.0.1', port: server.port, security: 'none', user: null, password: null, from: '営業支援 <sfa@example.co.jp>', heloName: 'sfa.example.co.jp' },
      timeoutMs: 5_000,
      clock: () => new Date('2026-11-20T00:00:00Z'),
    });
    const text = '佐藤様\n\n.先頭がドットの行\n新しいフラグが3件あります。\n';
    await delivery.send({ channel: 'email', to: 'boss@example.co.jp', subject: '[sheets-sfa] 新しいフラグ 3件 — 2026年度 営業案件管理表(2026-11-20)', text });

    const transcript = server.transcripts.at(-1) ?? [];
    expect(transcript.filter((l) => l.startsWith('C: '))).toEqual([
      'C: EHLO sfa.example.co.jp',
      'C: MAIL FROM:<sfa@example.co.jp>',
      'C: RCPT TO:<boss@example.co.jp>',
      'C: DATA',
      'C: .',
      'C: QUIT',
    ]);
    const mail = server.mails.at(-1);
    expect(mail).toMatchObject({ from: 'sfa@example.co.jp', to: ['boss@example.co.jp'] });
    const { headers, body } = parseMail(mail?.data ?? '');
    expect(decodeWords(headers.get('subject') ?? '')).toBe('[sheets-sfa] 新しいフラグ 3件 — 2026年度 営業案件管理表(2026-11-20)');
    expect(decodeWords(headers.get('from') ?? '')).toBe('営業支援 <sfa@example.co.jp>');
    expect(headers.get('to')).toBe('<boss@example.co.jp>');
    expect(headers.get('date')).toBe('Fri, 20 Nov 2026 00:00:00 +0000');
    expect(headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(headers.get('content-transfer-encoding')).toBe('base64');
    expect(headers.get('auto-submitted')).toBe('auto-generated');
    expect(headers.get('message-id')).toMatch(/^<[0-9a-f-]{36}@example\.co\.jp>$/);
    expect(body).toBe(text.replace(/\n/g, '\r\n'));
  });

  it('fails with the server\'s own words when it refuses the recipient', async () => {
    const error = await sendSmtp(plainTransport(server.port), { from: 'sfa@example.co.jp', to: ['nobody@example.co.jp'] }, 'Subject: x\r\n\r\nx\r\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmtpError);
    expect((error as SmtpError).code).toBe(550);
    expect((error as Error).message).toBe('the mail server refused RCPT TO:<nobody@example.co.jp>: 550 5.1.1 mailbox unavailable');
  });

  it.each([['boss@example.co.jp>\r\nRCPT TO:<evil@example.com'], ['no-at-sign'], ['a b@example.co.jp']])('refuses the address %j before saying anything', async (to) => {
    const sessions = server.transcripts.length;
    await expect(sendSmtp(plainTransport(server.port), { from: 'sfa@example.co.jp', to: [to] }, 'x')).rejects.toThrow(/not a mail address/);
    expect(server.transcripts.length).toBe(sessions);
  });

  it('fails plainly when no server listens', async () => {
    const closed = await startSmtpTestServer();
    await closed.close();
    await expect(sendSmtp(plainTransport(closed.port), { from: 'sfa@example.co.jp', to: ['boss@example.co.jp'] }, 'x')).rejects.toThrow(/cannot reach the mail server/);
  });

  it('refuses to go on without encryption when STARTTLS is required and not offered', async () => {
    await expect(sendSmtp(plainTransport(server.port, { security: 'starttls' }), { from: 'sfa@example.co.jp', to: ['boss@example.co.jp'] }, 'x')).rejects.toThrow(
      'the mail server does not offer STARTTLS',
    );
  });
});

describe('sendSmtp with STARTTLS and sign-in', () => {
  let dir: string | null = null;
  let cert = '';
  let server: SmtpTestServer | null = null;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sfa-smtp-'));
    const key = join(dir, 'key.pem');
    const crt = join(dir, 'cert.pem');
    await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', crt, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1']);
    cert = await readFile(crt, 'utf8');
    server = await startSmtpTestServer({ tls: { key: await readFile(key, 'utf8'), cert }, credentials: { user: 'sfa', password: 's3cret-パス' } });
  });
  afterAll(async () => {
    await server?.close();
    if (dir !== null) await rm(dir, { recursive: true, force: true });
  });

  it('upgrades to TLS, says EHLO again, signs in with PLAIN and delivers', async () => {
    const smtp = server as SmtpTestServer;
    await sendSmtp(
      plainTransport(smtp.port, { security: 'starttls', user: 'sfa', password: 's3cret-パス', tls: { ca: cert } }),
      { from: 'sfa@example.co.jp', to: ['boss@example.co.jp'] },
      'Subject: hello\r\n\r\nhello\r\n',
    );
    expect(smtp.mails.at(-1)).toMatchObject({ tls: true, user: 'sfa', to: ['boss@example.co.jp'] });
    const said = (smtp.transcripts.at(-1) ?? []).filter((l) => l.startsWith('C: ')).map((l) => l.replace(/^C: AUTH PLAIN .*/, 'C: AUTH PLAIN …'));
    expect(said).toEqual(['C: EHLO sfa.example.co.jp', 'C: STARTTLS', 'C: EHLO sfa.example.co.jp', 'C: AUTH PLAIN …', 'C: MAIL FROM:<sfa@example.co.jp>', 'C: RCPT TO:<boss@example.co.jp>', 'C: DATA', 'C: .', 'C: QUIT']);
  });

  it('fails when the password is wrong, without showing it', async () => {
    const smtp = server as SmtpTestServer;
    const error = await sendSmtp(plainTransport(smtp.port, { security: 'starttls', user: 'sfa', password: 'wrong', tls: { ca: cert } }), { from: 'sfa@example.co.jp', to: ['boss@example.co.jp'] }, 'x').catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe('the mail server refused AUTH PLAIN: 535 5.7.8 Authentication credentials invalid');
  });

  it('refuses a server whose certificate it cannot trust', async () => {
    const smtp = server as SmtpTestServer;
    await expect(sendSmtp(plainTransport(smtp.port, { security: 'starttls', user: 'sfa', password: 's3cret-パス' }), { from: 'sfa@example.co.jp', to: ['boss@example.co.jp'] }, 'x')).rejects.toThrow(
      /certificate/,
    );
  });
});

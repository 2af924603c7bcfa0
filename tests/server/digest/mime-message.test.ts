import { describe, expect, it } from 'vitest';
import { addressOf, buildTextMail, encodeHeaderText, mailDate } from '../../../server/digest/mime-message.ts';

const decode = (value: string): string =>
  value.replace(/\?=\r\n =\?/g, '?==?').replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));

describe('encodeHeaderText', () => {
  it.each([
    ['plain ASCII stays as it is', 'Daily digest', 'Daily digest'],
    ['ASCII that looks encoded is encoded', 'a =?x?= b', '=?UTF-8?B?YSA9P3g/PSBi?='],
  ])('%s', (_name, input, expected) => {
    expect(encodeHeaderText(input)).toBe(expected);
  });

  it('splits long Japanese text into words of at most 75 characters, never inside a character', () => {
    const subject = '[sheets-sfa] 新しいフラグ 12件 — 2026年度 営業案件管理表 🚚 東日本エリア(2026-11-20)';
    const encoded = encodeHeaderText(subject);
    for (const line of encoded.split('\r\n ')) expect(line.length).toBeLessThanOrEqual(75);
    expect(decode(encoded)).toBe(subject);
  });

  it('turns line breaks into spaces, so no header can be smuggled in', () => {
    expect(encodeHeaderText('hello\r\nBcc: evil@example.com')).toBe('hello Bcc: evil@example.com');
  });
});

describe('buildTextMail', () => {
  it('builds headers, a blank line and a base64 body in lines of 76', () => {
    const text = 'あ'.repeat(100);
    const mail = buildTextMail({ from: 'sfa@example.co.jp', to: 'boss@example.co.jp', subject: 'x', text, date: new Date('2026-11-20T00:00:00Z'), messageId: 'm1@example.co.jp' });
    const [head = '', body = ''] = mail.split('\r\n\r\n');
    expect(head.split('\r\n')).toEqual([
      'From: sfa@example.co.jp',
      'To: <boss@example.co.jp>',
      'Subject: x',
      'Date: Fri, 20 Nov 2026 00:00:00 +0000',
      'Message-ID: <m1@example.co.jp>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: base64',
      'Auto-Submitted: auto-generated',
    ]);
    const lines = body.trimEnd().split('\r\n');
    expect(lines.every((l) => l.length <= 76)).toBe(true);
    expect(Buffer.from(lines.join(''), 'base64').toString('utf8')).toBe(text);
  });
});

describe('addressOf', () => {
  it.each([
    ['sheets-sfa <sfa@example.co.jp>', 'sfa@example.co.jp'],
    ['sfa@example.co.jp', 'sfa@example.co.jp'],
    ['"営業, 支援" <sfa@example.co.jp> ', 'sfa@example.co.jp'],
  ])('finds the address in %j', (mailbox, expected) => {
    expect(addressOf(mailbox)).toBe(expected);
  });
});

describe('mailDate', () => {
  it('writes RFC 5322 dates in UTC', () => {
    expect(mailDate(new Date('2027-01-03T23:05:09Z'))).toBe('Sun, 03 Jan 2027 23:05:09 +0000');
  });
});

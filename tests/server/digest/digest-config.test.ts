import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../server/config/service-config.ts';
import { isAllowedWebhookUrl } from '../../../server/digest/chat-webhook-delivery.ts';
import { digestConfigFromEnv } from '../../../server/digest/digest-config.ts';
import { deliveriesFromConfig } from '../../../server/digest/digest-deliveries.ts';
import { NO_DELIVERIES } from '../../../server/digest/digest-delivery.ts';

describe('digestConfigFromEnv', () => {
  it('is off, with no mail and Google Chat\'s address allowed, when nothing is set', () => {
    expect(digestConfigFromEnv({})).toEqual({
      enabled: false,
      hour: 7,
      lookbackDays: 7,
      smtp: null,
      chatUrlPrefixes: ['https://chat.googleapis.com/v1/spaces/'],
      sendTimeoutMs: 30_000,
    });
  });

  it('reads a full mail setup', () => {
    const config = digestConfigFromEnv({
      DIGEST_ENABLED: 'true',
      DIGEST_HOUR: '8',
      DIGEST_SMTP_HOST: 'smtp.example.co.jp',
      DIGEST_SMTP_SECURITY: 'tls',
      DIGEST_SMTP_USER: 'sfa',
      DIGEST_SMTP_PASSWORD: 'secret',
      DIGEST_EMAIL_FROM: 'sheets-sfa <sfa@example.co.jp>',
      DIGEST_CHAT_WEBHOOK_PREFIXES: 'https://chat.googleapis.com/v1/spaces/AAAA/, https://chat.googleapis.com/v1/spaces/BBBB/',
    });
    expect(config).toMatchObject({ enabled: true, hour: 8, chatUrlPrefixes: ['https://chat.googleapis.com/v1/spaces/AAAA/', 'https://chat.googleapis.com/v1/spaces/BBBB/'] });
    expect(config.smtp).toEqual({ host: 'smtp.example.co.jp', port: 465, security: 'tls', user: 'sfa', password: 'secret', from: 'sheets-sfa <sfa@example.co.jp>', heloName: 'sheets-sfa.invalid' });
  });

  it.each([
    [{ DIGEST_SMTP_HOST: 'smtp.example.co.jp' }, /DIGEST_EMAIL_FROM/],
    [{ DIGEST_SMTP_HOST: 'smtp.example.co.jp', DIGEST_EMAIL_FROM: 'a@b.jp', DIGEST_SMTP_USER: 'u' }, /go together/],
    [{ DIGEST_SMTP_HOST: 'smtp.example.co.jp', DIGEST_EMAIL_FROM: 'a@b.jp', DIGEST_SMTP_USER: 'u', DIGEST_SMTP_PASSWORD: 'p', DIGEST_SMTP_SECURITY: 'none' }, /starttls or tls/],
    [{ DIGEST_HOUR: '24' }, /DIGEST_HOUR/],
    [{ DIGEST_ENABLED: 'yes' }, /DIGEST_ENABLED/],
    [{ DIGEST_CHAT_WEBHOOK_PREFIXES: 'not a url' }, /not a URL/],
    [{ DIGEST_CHAT_WEBHOOK_PREFIXES: 'http://chat.example.com/hooks/' }, /not https/],
  ])('refuses %j', (env, message) => {
    expect(() => digestConfigFromEnv(env)).toThrow(message);
  });

  it('refuses a webhook prefix whose path does not end with "/", naming every such entry, when it would allow longer names', () => {
    const env = { DIGEST_CHAT_WEBHOOK_PREFIXES: 'https://chat.example.co.jp/hooks, https://chat.example.co.jp/ok/, https://chat.example.co.jp/v1/spaces/AAAA' };
    let caught: unknown;
    try {
      digestConfigFromEnv(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toEqual([
      'DIGEST_CHAT_WEBHOOK_PREFIXES: https://chat.example.co.jp/hooks must end with "/" (else it also allows https://chat.example.co.jp/hooksX…)',
      'DIGEST_CHAT_WEBHOOK_PREFIXES: https://chat.example.co.jp/v1/spaces/AAAA must end with "/" (else it also allows https://chat.example.co.jp/v1/spaces/AAAAX…)',
    ]);
  });

  it('takes a whole origin as that origin\'s root when the entry has no path', () => {
    const { chatUrlPrefixes } = digestConfigFromEnv({ DIGEST_CHAT_WEBHOOK_PREFIXES: 'https://chat.example.co.jp, https://hooks.example.co.jp/' });
    expect(chatUrlPrefixes).toEqual(['https://chat.example.co.jp/', 'https://hooks.example.co.jp/']);
    expect(isAllowedWebhookUrl('https://chat.example.co.jp/any/path', chatUrlPrefixes)).toBe(true);
    expect(isAllowedWebhookUrl('https://chat.example.co.jp.evil.example/x', chatUrlPrefixes)).toBe(false);
  });

  it('lets a prefix ending with "/" allow its own paths only, not a longer segment', () => {
    const { chatUrlPrefixes } = digestConfigFromEnv({ DIGEST_CHAT_WEBHOOK_PREFIXES: 'https://chat.example.co.jp/hooks/' });
    expect(isAllowedWebhookUrl('https://chat.example.co.jp/hooks/abc', chatUrlPrefixes)).toBe(true);
    expect(isAllowedWebhookUrl('https://chat.example.co.jp/hooksX/abc', chatUrlPrefixes)).toBe(false);
  });

  it('lets a local relay take mail without encryption', () => {
    expect(digestConfigFromEnv({ DIGEST_SMTP_HOST: '127.0.0.1', DIGEST_SMTP_SECURITY: 'none', DIGEST_EMAIL_FROM: 'a@b.jp', DIGEST_SMTP_USER: 'u', DIGEST_SMTP_PASSWORD: 'p' }).smtp).toMatchObject({ port: 25 });
  });
});

describe('deliveriesFromConfig', () => {
  it('builds none while the digest is off, however much else is set', () => {
    expect(deliveriesFromConfig(digestConfigFromEnv({ DIGEST_SMTP_HOST: 'smtp.example.co.jp', DIGEST_EMAIL_FROM: 'sfa@example.co.jp' }))).toBe(NO_DELIVERIES);
  });

  it('builds mail only when a server is set, and Chat whenever the digest is on', () => {
    expect(deliveriesFromConfig(digestConfigFromEnv({ DIGEST_ENABLED: 'true' }))).toMatchObject({ email: null, chat: expect.any(Object) });
    const both = deliveriesFromConfig(digestConfigFromEnv({ DIGEST_ENABLED: 'true', DIGEST_SMTP_HOST: 'smtp.example.co.jp', DIGEST_EMAIL_FROM: 'sfa@example.co.jp' }));
    expect(both.email).not.toBeNull();
    expect(both.chat).not.toBeNull();
  });
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatWebhookDelivery, isAllowedWebhookUrl, redactWebhookUrl } from '../../../server/digest/chat-webhook-delivery.ts';
import { startWebhookTestServer, type WebhookTestServer } from './webhook-test-server.ts';

describe('chatWebhookDelivery', () => {
  let hook: WebhookTestServer;
  beforeAll(async () => {
    hook = await startWebhookTestServer();
  });
  afterAll(async () => {
    await hook?.close();
  });

  it('posts { text } as UTF-8 JSON to the webhook, query and all', async () => {
    const delivery = chatWebhookDelivery({ allowedPrefixes: [`${hook.url}/v1/spaces/`], timeoutMs: 5_000 });
    await delivery.send({ channel: 'chat', webhookUrl: `${hook.url}/v1/spaces/AAAA/messages?key=k&token=t`, text: '*新しいフラグ 1件*\n- 「案件」' });
    const [post] = hook.requests;
    expect(post?.method).toBe('POST');
    expect(post?.url).toBe('/v1/spaces/AAAA/messages?key=k&token=t');
    expect(post?.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(post?.body).toBe('{"text":"*新しいフラグ 1件*\\n- 「案件」"}');
  });

  it('does not follow a redirect away from the allowed address', async () => {
    const elsewhere: string[] = [];
    const bouncer = createServer((req, res) => {
      if (req.url?.startsWith('/elsewhere') === true) elsewhere.push(req.url);
      res.statusCode = 307;
      res.setHeader('location', '/elsewhere');
      res.end();
    });
    await new Promise<void>((resolve) => bouncer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(bouncer.address() as AddressInfo).port}`;
    try {
      const delivery = chatWebhookDelivery({ allowedPrefixes: [`${base}/v1/spaces/`], timeoutMs: 5_000 });
      await expect(delivery.send({ channel: 'chat', webhookUrl: `${base}/v1/spaces/AAAA/messages?token=t`, text: 'x' })).rejects.toThrow(/could not be reached/);
      expect(elsewhere).toEqual([]);
    } finally {
      await new Promise((resolve) => bouncer.close(resolve));
    }
  });
});

describe('isAllowedWebhookUrl', () => {
  const allowed = ['https://chat.googleapis.com/v1/spaces/'];
  it.each([
    ['https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k&token=t', true],
    ['https://chat.googleapis.com.evil.example/v1/spaces/AAAA/messages', false],
    ['https://evil.example/?https://chat.googleapis.com/v1/spaces/', false],
    ['https://user:pw@chat.googleapis.com/v1/spaces/AAAA/messages', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isAllowedWebhookUrl(url, allowed)).toBe(expected);
  });

  it.each([
    ['https://chat.googleapis.com/v1/spaces/AAAA/messages', true],
    ['https://chat.googleapis.com.evil.net/v1/spaces/AAAA/messages', false],
    ['https://chat.googleapis.com:8443/v1/spaces/AAAA/messages', false],
    ['http://chat.googleapis.com/v1/spaces/AAAA/messages', false],
  ])('%s → %s when the prefix has no path', (url, expected) => {
    expect(isAllowedWebhookUrl(url, ['https://chat.googleapis.com'])).toBe(expected);
  });

  it('refuses everything when the only prefix is plain http elsewhere', () => {
    expect(isAllowedWebhookUrl('http://chat.example.com/hook', ['http://chat.example.com/'])).toBe(false);
  });
});

describe('redactWebhookUrl', () => {
  it.each([
    ['https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k&token=t', 'https://chat.googleapis.com/v1/spaces/AAAA/messages?…'],
    ['https://chat.googleapis.com/v1/spaces/AAAA/messages', 'https://chat.googleapis.com/v1/spaces/AAAA/messages'],
    ['::', '(not a URL)'],
  ])('shows %s as %s', (url, expected) => {
    expect(redactWebhookUrl(url)).toBe(expected);
  });
});

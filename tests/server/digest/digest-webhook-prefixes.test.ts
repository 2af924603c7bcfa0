// The deployment's DIGEST_CHAT_WEBHOOK_PREFIXES reach the digest routes: a manager saving a Chat
// webhook is checked against the configured list, not Google Chat's default. The service is
// started as main.ts starts it (configuration read from the environment), on the embedded database.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../../../server/auth/dev-token-verifier.ts';
import { loadServiceConfig } from '../../../server/config/service-config.ts';
import { digestConfigFromEnv } from '../../../server/digest/digest-config.ts';
import { startService, type RunningService } from '../../../server/service/start-service.ts';
import { pushBody } from '../../support/service/apply-plan-wire.ts';
import { dealGrid, serial } from '../sync/test-sheet.ts';

const KEY = 'digest-prefix-test-key-0123456789abcdef';
const SHEET = '1DigestPrefixesSheetxxxxxxxxxxxxxxxxxxxxxxx';
const MANAGER = 'mina@example.co.jp';
const CUSTOM = 'https://chat.example.co.jp/hooks/';

describe('digestRoutes with the deployment\'s webhook prefixes', () => {
  let service: RunningService;

  const call = async (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${await signDevToken(KEY, MANAGER)}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const subscribe = (chatWebhookUrl: string) => call('PUT', `/v1/spreadsheets/${SHEET}/digest/subscription`, { chatWebhookUrl });

  beforeAll(async () => {
    const env = { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', SHEETS_SFA_DEV_AUTH_KEY: KEY, DIGEST_CHAT_WEBHOOK_PREFIXES: `${CUSTOM}, https://chat.example.co.jp/v2/` };
    const config = loadServiceConfig(env);
    service = await startService({ ...config, database: { kind: 'pglite', dataDir: null } }, { logger: pino({ level: 'silent' }), digest: digestConfigFromEnv(env) });
    const deals = dealGrid([{ title: '保守契約 更新', account: '北海電機', owner: '佐藤', stage: '提案', stageChangedOn: serial('2026-11-10') }]);
    expect((await call('POST', `/v1/spreadsheets/${SHEET}/sync`, pushBody('digest', 'Asia/Tokyo', [deals]))).status).toBe(200);
    expect((await call('PUT', `/v1/spreadsheets/${SHEET}/members/${MANAGER}/roles/manager`)).status).toBe(200);
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('saves a webhook under a configured prefix', async () => {
    const res = await subscribe(`${CUSTOM}space-1?token=secret`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { chatWebhook: string | null }).chatWebhook).toMatch(/^https:\/\/chat\.example\.co\.jp\/hooks\/space-1/);
  });

  it('refuses Google Chat\'s own address when the deployment allows only its own, naming what it allows', async () => {
    const res = await subscribe('https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k&token=t');
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe(`body.chatWebhookUrl: not an allowed webhook address (allowed: ${CUSTOM}, https://chat.example.co.jp/v2/)`);
  });

  it('refuses an address that only looks like a configured one', async () => {
    expect((await subscribe('https://chat.example.co.jp.evil.net/hooks/space-1')).status).toBe(400);
    expect((await subscribe('https://chat.example.co.jp/hookz/space-1')).status).toBe(400);
  });
});

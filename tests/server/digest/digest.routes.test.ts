// A manager's digest settings, preview and delivery history over HTTP.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import type { ServiceHarness } from '../../support/service/service-harness.ts';
import { DEAL_HEADERS, setCell } from '../sync/test-sheet.ts';
import { ALICE, BOB, CAROL, startFeedFixture, type FeedFixture } from '../feed/feed-fixture.ts';

const SHEET = '1DigestDigestDigestDigestDigestDigestDigeDG';

describeIfPostgres('digest settings over HTTP', () => {
  let f: FeedFixture;
  let h: ServiceHarness;
  const get = <T>(path: string, as: string, headers: Record<string, string> = {}) => f.get<T>(path, as, headers);

  beforeAll(async () => {
    f = await startFeedFixture('digest_api', SHEET);
    h = f.h;
  });
  afterAll(async () => {
    await f?.close();
  });

  it('gives a manager the defaults, and lets them choose a Chat space and a language', async () => {
    expect(await get('/digest/subscription', CAROL)).toEqual({ receives: true, email: true, chatWebhook: null, locale: 'ja' });
    const res = await h.call('PUT', `/v1/spreadsheets/${SHEET}/digest/subscription`, {
      as: CAROL,
      body: { chatWebhookUrl: 'https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k&token=secret', locale: 'en' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ receives: true, email: true, chatWebhook: 'https://chat.googleapis.com/v1/spaces/AAAA/messages?…', locale: 'en' });
    expect(await get('/digest/subscription', CAROL)).toMatchObject({ chatWebhook: 'https://chat.googleapis.com/v1/spaces/AAAA/messages?…', locale: 'en' });
  });

  it('makes a digest for an admin only once they subscribe', async () => {
    expect(await get('/digest/subscription', ALICE)).toMatchObject({ receives: false });
    await h.call('PUT', `/v1/spreadsheets/${SHEET}/digest/subscription`, { as: ALICE, body: { email: true } });
    expect(await get('/digest/subscription', ALICE)).toMatchObject({ receives: true });
  });

  it.each([
    ['a plain-http webhook elsewhere', { chatWebhookUrl: 'http://chat.example.com/hook' }],
    ['a webhook on a look-alike host', { chatWebhookUrl: 'https://chat.googleapis.com.evil.net/v1/spaces/AAAA/messages' }],
    ['a webhook outside the allowed path', { chatWebhookUrl: 'https://chat.googleapis.com/upload/elsewhere' }],
    ['a field it does not know', { emails: true }],
    ['a language it does not speak', { locale: 'fr' }],
  ])('refuses %s', async (_name, body) => {
    expect((await h.call('PUT', `/v1/spreadsheets/${SHEET}/digest/subscription`, { as: CAROL, body })).status).toBe(400);
  });

  it('is for managers: a member gets 403', async () => {
    expect((await h.call('GET', `/v1/spreadsheets/${SHEET}/digest/subscription`, { as: BOB })).status).toBe(403);
  });

  it('previews the next digest without sending or claiming anything', async () => {
    expect(await get('/digest/preview', CAROL)).toEqual({ date: null, deals: 0, email: null, chat: null });
    setCell(f.deals, '保守契約 更新', DEAL_HEADERS.owner, null);
    await f.push();
    await h.call('PUT', `/v1/spreadsheets/${SHEET}/digest/subscription`, { as: CAROL, body: { locale: 'en' } });

    const preview = await get<{ date: string; deals: number; email: { subject: string; text: string }; chat: { text: string } }>('/digest/preview', CAROL);
    expect(preview.date).toBe('2026-11-20');
    expect(preview.deals).toBe(1);
    expect(preview.email.subject).toBe('[sheets-sfa] 1 newly flagged deal(s) — 2026年度 営業案件管理表 (2026-11-20)');
    expect(preview.email.text).toContain('・"保守契約 更新" (北海電機)\n    No owner: No owner entered');
    expect(preview.chat.text).toContain(`<https://docs.google.com/spreadsheets/d/${SHEET}/edit|Open the sheet>`);
    expect(await get('/digest/preview', CAROL)).toEqual(preview);
    expect(await get('/digest/deliveries', CAROL)).toEqual({ deliveries: [] });
  });
});

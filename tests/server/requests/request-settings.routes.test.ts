// The request policy per spreadsheet over HTTP: anyone reads it, admins change it, bad fields are
// listed, and what was filed before a change keeps its route and its prices.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_REQUEST_POLICY } from '../../../shared/cost/request-policy.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import { ADMIN, APPROVER, DIRECTOR, MANAGER, MEMBER, REP, lumpSum, registerSheet, requestsApi, type ErrorJson, type RequestJson } from './request-fixture.ts';

const SHEET = '1RequestSettingsSheetxxxxxxxxxxxxxxxxxxxxxx';
const NOW = new Date('2026-11-20T00:00:00Z');
const PATH = `/v1/spreadsheets/${SHEET}/request-settings`;

interface SettingsJson {
  policy: typeof DEFAULT_REQUEST_POLICY;
  overrides: Record<string, unknown>;
  updatedAt: string | null;
  updatedBy: string | null;
}

describeIfPostgres('request settings routes', () => {
  let h: ServiceHarness;
  let api: ReturnType<typeof requestsApi>;

  beforeAll(async () => {
    h = await startServiceHarness({ label: 'request_settings', google: true, clock: () => NOW });
    await registerSheet(h, SHEET);
    api = requestsApi(h, SHEET);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows the defaults to any role before anything is saved', async () => {
    const res = await h.call('GET', PATH, { as: MEMBER });
    expect(res.status).toBe(200);
    const body = (await res.json()) as SettingsJson;
    expect(body).toEqual({ policy: JSON.parse(JSON.stringify(DEFAULT_REQUEST_POLICY)), overrides: {}, updatedAt: null, updatedBy: null });
  });

  it.each([MEMBER, APPROVER, MANAGER, DIRECTOR])('refuses a change by %s, who is not an admin (403)', async (as) => {
    const res = await h.call('PUT', PATH, { as, body: { marginShare: 0.5 } });
    expect(res.status).toBe(403);
  });

  it('refuses bad fields with every problem listed, saving nothing (400)', async () => {
    const res = await h.call('PUT', PATH, {
      as: ADMIN,
      body: { marginShare: 20, routing: [{ fromCost: 5, role: 'approver' }], minBackgroundChars: -1, hourlyRates: { 営業サポート: 0 }, bogus: true },
    });
    expect(res.status).toBe(400);
    const { message } = ((await res.json()) as ErrorJson).error;
    for (const field of ['requestPolicy.marginShare', 'requestPolicy.routing[0].fromCost', 'requestPolicy.minBackgroundChars', 'requestPolicy.hourlyRates["営業サポート"]', 'requestPolicy.bogus: unknown setting']) {
      expect(message).toContain(field);
    }
    expect((await h.call('PUT', PATH, { as: ADMIN, body: [1, 2] })).status).toBe(400);
    const after = (await (await h.call('GET', PATH, { as: ADMIN })).json()) as SettingsJson;
    expect(after.overrides).toEqual({});
  });

  it('applies a saved policy to new requests, never to what was filed before', async () => {
    const before = await api.filed(REP, { cost: { hours: [{ role: '営業サポート', hours: 10 }], directCosts: [{ label: '特急便', amount: 110_000 }] }, submit: true });
    expect(before.request).toMatchObject({ costTotal: 150_000, route: ['approver', 'manager'] });

    const overrides = {
      routing: [
        { fromCost: 0, role: 'approver' },
        { fromCost: 50_000, role: 'director' },
      ],
      hourlyRates: { 営業サポート: 5_000, 法務: 9_000 },
      minBackgroundChars: 60,
      typeLabels: { special_delivery: { ja: '特急納品' } },
    };
    const saved = await h.call('PUT', PATH, { as: ADMIN, body: overrides });
    expect(saved.status).toBe(200);
    const body = (await saved.json()) as SettingsJson;
    expect(body).toMatchObject({ overrides, updatedBy: ADMIN, updatedAt: NOW.toISOString() });
    expect(body.policy).toMatchObject({ minBackgroundChars: 60, hourlyRates: { 営業サポート: 5_000, 法務: 9_000 }, marginShare: 0.2 });

    // Filed before: same route, same prices.
    const old = (await (await api.get(MANAGER, before.request.id)).json()) as RequestJson;
    expect(old.request).toMatchObject({ costTotal: 150_000, route: ['approver', 'manager'] });
    expect(old.cost.lines[0]).toMatchObject({ kind: 'labour', amount: 40_000 });
    await api.acted(APPROVER, before.request.id, { action: 'approve' });
    expect((await api.acted(MANAGER, before.request.id, { action: 'approve' })).request.state).toBe('approved');

    // Filed after: the new rates, routing, labels and background rule.
    const thin = await api.file(REP, { type: 'special_delivery', background: 'あ'.repeat(59), description: '特急便', dealTitle: '基幹システム更新', cost: lumpSum(1) });
    expect(thin.status).toBe(400);
    expect(((await thin.json()) as ErrorJson).error.message).toMatch(/59文字.*60文字/);
    const after = await api.filed(REP, { background: 'い'.repeat(60), cost: { hours: [{ role: '営業サポート', hours: 10 }] }, submit: true });
    expect(after.request).toMatchObject({ costTotal: 50_000, route: ['approver', 'director'], typeLabel: '特急納品' });
    const row = await h.service.db.selectFrom('requests').select('type_label').where('id', '=', after.request.id).executeTakeFirstOrThrow();
    expect(row.type_label).toBe('特急納品');
  });

  it('replaces the overrides as a whole, back to the defaults with {}', async () => {
    const res = await h.call('PUT', PATH, { as: ADMIN, body: {} });
    expect(res.status).toBe(200);
    const body = (await res.json()) as SettingsJson;
    expect(body.policy).toEqual(JSON.parse(JSON.stringify(DEFAULT_REQUEST_POLICY)));
  });
});

// Special requests over HTTP on a real Postgres: filing, every transition, routing by cost, who may
// decide, and two decisions racing on one request.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import {
  ADMIN,
  APPROVER,
  APPROVER_2,
  BACKGROUND,
  DIRECTOR,
  MANAGER,
  MEMBER,
  REP,
  REP_2,
  REP_APPROVER,
  SAMPLE,
  TOHO,
  lumpSum,
  registerSheet,
  requestsApi,
  type ErrorJson,
  type RequestJson,
} from './request-fixture.ts';

const SHEET = '1RequestsRoutesSheetxxxxxxxxxxxxxxxxxxxxxxx';
// 2026-11-20 09:00 in Tokyo.
const NOW = new Date('2026-11-20T00:00:00Z');

describeIfPostgres('request routes', () => {
  let h: ServiceHarness;
  let api: ReturnType<typeof requestsApi>;

  beforeAll(async () => {
    h = await startServiceHarness({ label: 'request_routes', google: true, clock: () => NOW });
    await registerSheet(h, SHEET);
    api = requestsApi(h, SHEET);
  });

  afterAll(async () => {
    await h?.close();
  });

  const errorOf = async (res: Response): Promise<ErrorJson['error']> => ((await res.json()) as ErrorJson).error;

  describe('filing', () => {
    it('keeps a draft with its cost lines, deal and account, and records the filing', async () => {
      const filed = await api.filed(REP, {
        type: 'discount',
        cost: { hours: [{ role: '法務', hours: 6.25 }], discount: 150_000 },
        alternative: '値引きではなく支払サイトの延長',
      });
      expect(filed.request).toMatchObject({ state: 'draft', version: 0, requesterEmail: REP, account: SAMPLE, dealTitle: '基幹システム更新', costTotal: 200_000, route: null, typeLabel: '値引き', stateLabel: '下書き' });
      expect(filed.cost.total).toBe(200_000);
      expect(filed.cost.lines.map((l) => [l.kind, l.amount])).toEqual([
        ['labour', 50_000],
        ['discount', 150_000],
      ]);
      expect(filed.deal).toMatchObject({ title: '基幹システム更新', stage: 'quote', amount: 3_000_000, grossMargin: 600_000 });
      expect(filed.allowedActions).toEqual(['submit', 'recall', 'revise']);
      const row = await h.service.db.selectFrom('requests').selectAll().where('id', '=', filed.request.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ origin: 'api', state: 'draft', requested_on: '2026-11-20', requester_email: REP, cost_total: '200000', estimated_cost: '200000', pending_append: true });
      const events = await h.service.db.selectFrom('request_events').selectAll().where('request_id', '=', filed.request.id).execute();
      expect(events).toMatchObject([{ seq: 1, action: 'file', from_state: null, to_state: 'draft', actor: REP }]);
    });

    it('submits at once when asked, routed by its cost', async () => {
      const filed = await api.filed(REP, { cost: lumpSum(150_000), submit: true });
      expect(filed.request).toMatchObject({ state: 'submitted', route: ['approver', 'manager'], step: 0, awaitingRole: 'approver', version: 1 });
      expect(filed.route).toMatchObject([{ role: 'approver', status: 'awaiting' }, { role: 'manager', status: 'waiting' }]);
      const events = await (await api.events(REP, filed.request.id)).json();
      expect(events).toMatchObject({ events: [{ seq: 1, action: 'file', toState: 'draft' }, { seq: 2, action: 'submit', fromState: 'draft', toState: 'submitted', costTotal: 150_000 }] });
    });

    it('finds the deal by title and account, by id, and the account alone, however they are spelt', async () => {
      const byTitle = await api.filed(REP, { dealTitle: '追加開発', account: ' 東邦 物流 ', cost: lumpSum(1000) });
      expect(byTitle.request).toMatchObject({ account: TOHO, dealTitle: '追加開発' });
      const byId = await api.filed(REP, { dealTitle: undefined, dealId: byTitle.request.dealId, cost: lumpSum(1000) });
      expect(byId.request.dealId).toBe(byTitle.request.dealId);
      const accountOnly = await api.filed(REP, { dealTitle: undefined, account: '株式会社　サンプル', cost: lumpSum(1000) });
      expect(accountOnly.request).toMatchObject({ account: SAMPLE, dealId: null, dealTitle: null });
      expect(accountOnly.deal).toBeNull();
    });

    it.each([
      ['a background that is missing', { background: null }, /body\.background: .*背景/],
      ['a background that is too thin', { background: 'お客様の要望です' }, /body\.background: .*8文字/],
      ['no description', { description: '  ' }, /body\.description/],
      ['an unknown rate role', { cost: { hours: [{ role: '魔法使い', hours: 1 }] } }, /body\.cost\.hours\[0\]\.role: unknown role/],
      ['a negative cost', { cost: lumpSum(-5) }, /body\.cost\.directCosts\[0\]\.amount: must not be negative/],
      ['a cost that is not an object', { cost: 'たくさん' }, /body\.cost/],
      ['an unknown deal id', { dealTitle: undefined, dealId: 'no-such-deal' }, /body\.dealId: no deal/],
      ['an unknown deal title', { dealTitle: '存在しない案件' }, /body\.dealTitle: no deal titled/],
      ['a title two accounts share', { dealTitle: '追加開発' }, /body\.dealTitle: 2 deals are titled/],
      ['a deal of another account', { account: TOHO }, /body\.dealTitle: no deal titled "基幹システム更新" of 東邦物流/],
      ['an unknown account', { dealTitle: undefined, account: '架空商事' }, /body\.account: no deal on this spreadsheet names/],
      ['neither account nor deal', { dealTitle: undefined }, /body\.account: name the account/],
      ['an unknown type', { type: 'bribe' }, /body\.type/],
    ])('refuses a request with %s (400), filing nothing', async (_name, override, message) => {
      const before = await h.service.db.selectFrom('requests').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
      const res = await api.file(REP, { type: 'special_delivery', background: BACKGROUND, description: '特急便', dealTitle: '基幹システム更新', cost: lumpSum(1000), submit: true, ...override });
      expect(res.status).toBe(400);
      expect((await errorOf(res)).message).toMatch(message);
      const after = await h.service.db.selectFrom('requests').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    });

    it('answers in English when asked', async () => {
      const res = await h.call('POST', `/v1/spreadsheets/${SHEET}/requests`, {
        as: REP,
        headers: { 'accept-language': 'en-US,en;q=0.9' },
        body: { type: 'special_delivery', background: '短い', description: 'x', dealTitle: '基幹システム更新', cost: lumpSum(1) },
      });
      expect(res.status).toBe(400);
      expect((await errorOf(res)).message).toMatch(/the background has only 2 characters: write at least 20/);
    });
  });

  describe('routing', () => {
    it.each([
      [99_999, ['approver']],
      [100_000, ['approver', 'manager']],
      [999_999, ['approver', 'manager']],
      [1_000_000, ['approver', 'manager', 'director']],
    ])('routes ¥%i through %j, in sequence, each step by its own role', async (cost, route) => {
      const filed = await api.filed(REP, { cost: lumpSum(cost), submit: true });
      const id = filed.request.id;
      expect(filed.request.route).toEqual(route);
      const deciders: Record<string, string> = { approver: APPROVER, manager: MANAGER, director: DIRECTOR };
      let current = filed;
      for (const [i, role] of route.entries()) {
        expect(current.request).toMatchObject({ state: 'submitted', step: i, awaitingRole: role });
        // Later steps cannot jump the queue, and an admin does not stand in for anyone.
        for (const later of route.slice(i + 1)) {
          const early = await api.act(deciders[later] as string, id, { action: 'approve' });
          expect(early.status).toBe(403);
        }
        expect((await api.act(ADMIN, id, { action: 'approve' })).status).toBe(403);
        current = await api.acted(deciders[role] as string, id, { action: 'approve', expectedVersion: current.request.version });
      }
      expect(current.request).toMatchObject({ state: 'approved', decidedBy: deciders[route[route.length - 1] as string] });
      expect(current.route.map((s) => [s.role, s.status, s.by])).toEqual(route.map((r) => [r, 'approved', deciders[r]]));
      const events = (await (await api.events(REP, id)).json()) as { events: { action: string; step: number | null; role: string | null; toState: string }[] };
      expect(events.events.filter((e) => e.action === 'approve').map((e) => [e.step, e.role])).toEqual(route.map((r, i) => [i, r]));
    });
  });

  describe('every transition', () => {
    it('returns (差戻し) with a comment, and a resubmission with a changed cost gets a new route', async () => {
      const filed = await api.filed(REP, { cost: lumpSum(80_000), submit: true });
      const id = filed.request.id;
      const returned = await api.acted(APPROVER, id, { action: 'return', comment: '代替案(通常便+納期調整)を検討してください' });
      expect(returned.request).toMatchObject({ state: 'returned', decidedBy: APPROVER, decisionComment: '代替案(通常便+納期調整)を検討してください', stateLabel: '差戻し' });
      expect(returned.allowedActions).toEqual([]);
      const repView = (await (await api.get(REP, id)).json()) as RequestJson;
      expect(repView.allowedActions).toEqual(['resubmit', 'recall', 'revise']);
      const resubmitted = await api.acted(REP, id, { action: 'resubmit', comment: '特急便の費用が増えました', changes: { cost: lumpSum(1_200_000) } });
      expect(resubmitted.request).toMatchObject({ state: 'submitted', route: ['approver', 'manager', 'director'], step: 0, costTotal: 1_200_000, decidedBy: null, decisionComment: null });
      const events = (await (await api.events(REP, id)).json()) as { events: { action: string; fromState: string | null; toState: string; costTotal: number | null; comment: string | null }[] };
      expect(events.events.map((e) => [e.action, e.fromState, e.toState, e.costTotal])).toEqual([
        ['file', null, 'draft', 80_000],
        ['submit', 'draft', 'submitted', 80_000],
        ['return', 'submitted', 'returned', 80_000],
        ['revise', 'returned', 'returned', 1_200_000],
        ['resubmit', 'returned', 'submitted', 1_200_000],
      ]);
      expect(events.events[4]?.comment).toBe('特急便の費用が増えました');
    });

    it('keeps in each event what was put forward or judged, so an approval still shows what its approver saw after a revision', async () => {
      const first = { background: BACKGROUND, description: '納品先の変更と特急便での納品', alternative: '通常便で2日遅れ', cost: { directCosts: [{ label: '特急便', amount: 150_000 }] } };
      const filed = await api.filed(REP, { ...first, submit: true });
      const id = filed.request.id;
      await api.acted(APPROVER, id, { action: 'approve', comment: '費用は妥当' });
      await api.acted(MANAGER, id, { action: 'return', comment: '代替案を具体的に' });
      const revised = { background: `${BACKGROUND}先方担当者と再確認済み。`, alternative: '通常便+納品日の前倒し調整', cost: { directCosts: [{ label: '通常便', amount: 40_000 }], hours: [{ role: '営業サポート', hours: 2 }] } };
      await api.acted(REP, id, { action: 'resubmit', changes: revised });

      type EventJson = { action: string; costTotal: number | null; content: Record<string, unknown> | null };
      const events = ((await (await api.events(REP, id)).json()) as { events: EventJson[] }).events;
      expect(events.map((e) => [e.action, e.content === null])).toEqual([
        ['file', true],
        ['submit', false],
        ['approve', false],
        ['return', false],
        ['revise', true],
        ['resubmit', false],
      ]);
      const seen = {
        type: 'special_delivery',
        typeLabel: '特別納品',
        account: SAMPLE,
        dealTitle: '基幹システム更新',
        background: first.background,
        description: first.description,
        alternative: first.alternative,
        costInput: { hours: [], directCosts: first.cost.directCosts, discount: 0, recurring: null },
      };
      const [, submitted, approved, returned, , resubmitted] = events;
      expect(submitted?.content).toEqual(seen);
      expect(approved).toMatchObject({ costTotal: 150_000, content: seen });
      expect(returned?.content).toEqual(seen);
      expect(resubmitted?.content).toEqual({ ...seen, background: revised.background, alternative: revised.alternative, costInput: { hours: revised.cost.hours, directCosts: revised.cost.directCosts, discount: 0, recurring: null } });
      expect(resubmitted?.costTotal).toBe(48_000);
      // What the request says now is the revision; what the approver judged stays in its event.
      const now = (await (await api.get(REP, id)).json()) as RequestJson;
      expect(now.request.background).toBe(revised.background);
    });

    it('rejects with a comment, for good', async () => {
      const filed = await api.filed(REP, { cost: lumpSum(30_000), submit: true });
      const rejected = await api.acted(APPROVER, filed.request.id, { action: 'reject', comment: '通常便で間に合う' });
      expect(rejected.request).toMatchObject({ state: 'rejected', decidedBy: APPROVER, stateLabel: '却下' });
      const again = await api.act(REP, filed.request.id, { action: 'resubmit' });
      expect(again.status).toBe(409);
      expect((await api.act(REP, filed.request.id, { action: 'recall' })).status).toBe(409);
    });

    it('lets the requester recall before the decision, revise and resubmit, and not after it', async () => {
      const filed = await api.filed(REP, { cost: lumpSum(200_000), submit: true });
      const id = filed.request.id;
      const half = await api.acted(APPROVER, id, { action: 'approve' });
      expect(half.request).toMatchObject({ state: 'submitted', step: 1 });
      expect((await api.act(APPROVER, id, { action: 'recall' })).status).toBe(403);
      const recalled = await api.acted(REP, id, { action: 'recall', comment: '先方と再調整します' });
      expect(recalled.request).toMatchObject({ state: 'recalled', stateLabel: '引戻し' });
      expect((await api.act(MANAGER, id, { action: 'approve' })).status).toBe(409);
      const revised = await api.acted(REP, id, { action: 'revise', changes: { background: `${BACKGROUND}先方担当者と再確認済み。`, cost: lumpSum(60_000) } });
      expect(revised.request).toMatchObject({ state: 'recalled', costTotal: 60_000 });
      const resubmitted = await api.acted(REP, id, { action: 'resubmit' });
      expect(resubmitted.request).toMatchObject({ state: 'submitted', route: ['approver'], step: 0 });
      const approved = await api.acted(APPROVER, id, { action: 'approve', comment: '承認' });
      expect(approved.request.state).toBe('approved');
      expect((await api.act(REP, id, { action: 'recall' })).status).toBe(409);
    });

    it('submits a draft, and only its requester does', async () => {
      const filed = await api.filed(REP, { cost: lumpSum(10_000) });
      expect((await api.act(REP_2, filed.request.id, { action: 'submit' })).status).toBe(403);
      const submitted = await api.acted(REP, filed.request.id, { action: 'submit' });
      expect(submitted.request.state).toBe('submitted');
      expect((await api.act(REP, filed.request.id, { action: 'submit' })).status).toBe(409);
    });

    it('refuses changes through the API (409) when the request\'s row is on the sheet already', async () => {
      const filed = await api.filed(REP, { cost: lumpSum(90_000) });
      // What the sync does once it has appended the row to the requests tab.
      await h.service.db.updateTable('requests').set({ pending_append: false }).where('id', '=', filed.request.id).execute();
      for (const action of ['revise', 'submit']) {
        const res = await api.act(REP, filed.request.id, { action, changes: { description: '50%値引き', cost: lumpSum(2_000_000) } });
        expect(res.status, action).toBe(409);
        expect((await errorOf(res)).message).toMatch(/edit its row there/);
      }
      const view = (await (await api.get(REP, filed.request.id)).json()) as RequestJson;
      expect(view.request).toMatchObject({ version: 0, costTotal: 90_000 });
      // Submitting it as the sheet shows it still works.
      expect((await api.acted(REP, filed.request.id, { action: 'submit' })).request.state).toBe('submitted');
    });

    it('refuses a revision that thins the background, and changes outside a revision', async () => {
      const filed = await api.filed(REP, { cost: lumpSum(10_000) });
      const thin = await api.act(REP, filed.request.id, { action: 'revise', changes: { background: '要望' } });
      expect(thin.status).toBe(400);
      const withApprove = await api.act(APPROVER, filed.request.id, { action: 'approve', changes: { cost: lumpSum(1) } });
      expect(withApprove.status).toBe(400);
      expect((await api.act(REP, filed.request.id, { action: 'revise' })).status).toBe(400);
      const view = (await (await api.get(REP, filed.request.id)).json()) as RequestJson;
      expect(view.request).toMatchObject({ version: 0, background: BACKGROUND });
    });
  });

  describe('who may decide', () => {
    it('refuses self-approval (403), also when the requester holds the approver role', async () => {
      const filed = await api.filed(REP_APPROVER, { cost: lumpSum(10_000), submit: true });
      const self = await api.act(REP_APPROVER, filed.request.id, { action: 'approve' });
      expect(self.status).toBe(403);
      expect((await errorOf(self)).message).toMatch(/自分の申請/);
      // Someone else holding the role may.
      expect((await api.acted(APPROVER, filed.request.id, { action: 'approve' })).request.state).toBe('approved');
    });

    it('refuses self-approval when the requester is the admin and holds every step\'s role', async () => {
      for (const role of ['approver', 'manager']) expect((await h.call('PUT', `/v1/spreadsheets/${SHEET}/members/${ADMIN}/roles/${role}`, { as: ADMIN })).status).toBe(200);
      try {
        const filed = await api.filed(ADMIN, { cost: lumpSum(10_000), submit: true });
        for (const action of ['approve', 'reject', 'return']) {
          const res = await api.act(ADMIN, filed.request.id, { action, comment: '自分で決める' });
          expect(res.status, action).toBe(403);
          expect((await errorOf(res)).code).toBe('forbidden');
        }
      } finally {
        for (const role of ['approver', 'manager']) await h.call('DELETE', `/v1/spreadsheets/${SHEET}/members/${ADMIN}/roles/${role}`, { as: ADMIN });
      }
    });

    it('refuses a decision by a member without the role (403)', async () => {
      const filed = await api.filed(REP, { cost: lumpSum(10_000), submit: true });
      for (const action of ['approve', 'reject', 'return']) {
        const res = await api.act(MEMBER, filed.request.id, { action, comment: 'ダメ' });
        expect(res.status, action).toBe(403);
        expect((await errorOf(res)).message).toMatch(/承認者の権限が必要/);
      }
      const view = (await (await api.get(MEMBER, filed.request.id)).json()) as RequestJson;
      expect(view.allowedActions).toEqual([]);
      expect(view.request).toMatchObject({ state: 'submitted', version: 1 });
    });

    it('refuses the same person approving two steps of one round', async () => {
      await h.call('PUT', `/v1/spreadsheets/${SHEET}/members/${APPROVER}/roles/manager`, { as: ADMIN });
      try {
        const filed = await api.filed(REP, { cost: lumpSum(300_000), submit: true });
        await api.acted(APPROVER, filed.request.id, { action: 'approve' });
        const twice = await api.act(APPROVER, filed.request.id, { action: 'approve' });
        expect(twice.status).toBe(403);
        expect((await api.acted(MANAGER, filed.request.id, { action: 'approve' })).request.state).toBe('approved');
      } finally {
        await h.call('DELETE', `/v1/spreadsheets/${SHEET}/members/${APPROVER}/roles/manager`, { as: ADMIN });
      }
    });

    it.each(['reject', 'return'])('refuses to %s without a comment (400)', async (action) => {
      const filed = await api.filed(REP, { cost: lumpSum(10_000), submit: true });
      for (const comment of [undefined, '', '   ']) {
        const res = await api.act(APPROVER, filed.request.id, { action, ...(comment === undefined ? {} : { comment }) });
        expect(res.status).toBe(400);
        expect((await errorOf(res)).message).toMatch(/コメントが必要/);
      }
    });

    it('answers 404 for a request that is not there, whatever its id looks like', async () => {
      expect((await api.get(REP, 'no-such-request')).status).toBe(404);
      expect((await api.act(APPROVER, 'no-such-request', { action: 'approve' })).status).toBe(404);
      expect((await api.get(REP, 'not a/valid id')).status).toBe(404);
      expect((await api.get(REP, '{requestId}')).status).toBe(404);
      expect((await api.get(REP, 'x'.repeat(201))).status).toBe(400);
    });
  });

  describe('decisions racing', () => {
    it('lets exactly one of two approvals of the same version win; the other gets 409', async () => {
      const filed = await api.filed(REP, { cost: lumpSum(10_000), submit: true });
      const answers = await Promise.all([
        api.act(APPROVER, filed.request.id, { action: 'approve', expectedVersion: filed.request.version }),
        api.act(APPROVER_2, filed.request.id, { action: 'approve', expectedVersion: filed.request.version }),
      ]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = answers.find((r) => r.status === 409) as Response;
      expect((await errorOf(loser)).code).toBe('conflict');
      const events = (await (await api.events(REP, filed.request.id)).json()) as { events: { action: string }[] };
      expect(events.events.filter((e) => e.action === 'approve')).toHaveLength(1);
    });

    it('lets exactly one of an approval, a rejection and a recall win when all read one version', async () => {
      for (let i = 0; i < 5; i++) {
        const filed = await api.filed(REP, { cost: lumpSum(10_000), submit: true });
        const version = filed.request.version;
        const answers = await Promise.all([
          api.act(APPROVER, filed.request.id, { action: 'approve', expectedVersion: version }),
          api.act(APPROVER_2, filed.request.id, { action: 'reject', comment: '不要', expectedVersion: version }),
          api.act(REP, filed.request.id, { action: 'recall' }),
        ]);
        expect(answers.map((r) => r.status).filter((s) => s === 200)).toHaveLength(1);
        expect(answers.map((r) => r.status).filter((s) => s === 409)).toHaveLength(2);
        const row = await h.service.db.selectFrom('requests').select(['state', 'version']).where('id', '=', filed.request.id).executeTakeFirstOrThrow();
        expect(row.version).toBe(2);
      }
    });

    it.each(['approve', 'reject', 'return'])('refuses to %s without the version read (400 naming it) when none is given', async (action) => {
      const filed = await api.filed(REP, { cost: lumpSum(10_000), submit: true });
      const res = await api.actAsIs(APPROVER, filed.request.id, { action, comment: '理由' });
      expect(res.status).toBe(400);
      expect((await errorOf(res)).message).toMatch(/expectedVersion/);
    });

    it('never hands the next step to an approver racing on the step before when both read one version', async () => {
      // APPROVER_2 holds both steps of a ¥150,000 route: had the version been optional, losing the
      // race on the first step would approve the manager step unseen.
      await h.call('PUT', `/v1/spreadsheets/${SHEET}/members/${APPROVER_2}/roles/manager`, { as: ADMIN });
      try {
        for (let i = 0; i < 3; i++) {
          const filed = await api.filed(REP, { cost: lumpSum(150_000), submit: true });
          expect(filed.request.route).toEqual(['approver', 'manager']);
          const body = { action: 'approve', expectedVersion: filed.request.version };
          const answers = await Promise.all([api.act(APPROVER, filed.request.id, body), api.act(APPROVER_2, filed.request.id, body)]);
          expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
          const row = await h.service.db.selectFrom('requests').select(['state', 'step']).where('id', '=', filed.request.id).executeTakeFirstOrThrow();
          expect(row).toEqual({ state: 'submitted', step: 1 });
        }
      } finally {
        await h.call('DELETE', `/v1/spreadsheets/${SHEET}/members/${APPROVER_2}/roles/manager`, { as: ADMIN });
      }
    });

    it('refuses an action on a version the caller no longer has (409)', async () => {
      const filed = await api.filed(REP, { cost: lumpSum(10_000), submit: true });
      const stale = await api.act(APPROVER, filed.request.id, { action: 'approve', expectedVersion: 0 });
      expect(stale.status).toBe(409);
      expect((await errorOf(stale)).message).toMatch(/version 0, now 1/);
    });
  });

  describe('listing', () => {
    it('filters by state, mine, account and awaiting my decision, newest first, page by page', async () => {
      const a = await api.filed(REP_2, { cost: lumpSum(150_000), submit: true });
      const b = await api.filed(REP_2, { cost: lumpSum(20_000) });
      const mine = (await (await api.list(REP_2, '?mine=true')).json()) as { requests: { id: string }[]; nextCursor: string | null };
      expect(mine.requests.map((r) => r.id).sort()).toEqual([a.request.id, b.request.id].sort());
      const drafts = (await (await api.list(REP_2, '?mine=true&state=draft')).json()) as { requests: { id: string }[] };
      expect(drafts.requests.map((r) => r.id)).toEqual([b.request.id]);

      const awaitingApprover = (await (await api.list(APPROVER, '?awaitingMe=true&limit=200')).json()) as { requests: { id: string; awaitingRole: string }[] };
      expect(awaitingApprover.requests.map((r) => r.id)).toContain(a.request.id);
      expect(awaitingApprover.requests.every((r) => r.awaitingRole === 'approver')).toBe(true);
      const awaitingManager = (await (await api.list(MANAGER, '?awaitingMe=true&limit=200')).json()) as { requests: { id: string }[] };
      expect(awaitingManager.requests.map((r) => r.id)).not.toContain(a.request.id);
      await api.acted(APPROVER, a.request.id, { action: 'approve' });
      const afterStep = (await (await api.list(MANAGER, '?awaitingMe=true&limit=200')).json()) as { requests: { id: string }[] };
      expect(afterStep.requests.map((r) => r.id)).toContain(a.request.id);
      // Its requester never sees their own request as awaiting them, whatever roles they hold.
      const own = (await (await api.list(REP_APPROVER, '?awaitingMe=true&limit=200')).json()) as { requests: { requesterEmail: string }[] };
      expect(own.requests.every((r) => r.requesterEmail !== REP_APPROVER)).toBe(true);

      const toho = (await (await api.list(REP, `?account=${encodeURIComponent('東邦 物流')}`)).json()) as { requests: { account: string }[] };
      expect(toho.requests.length).toBeGreaterThan(0);
      expect(toho.requests.every((r) => r.account === TOHO)).toBe(true);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = (await (await api.list(REP, `?limit=7${cursor === null ? '' : `&cursor=${cursor}`}`)).json()) as { requests: { id: string }[]; nextCursor: string | null };
        expect(page.requests.length).toBeLessThanOrEqual(7);
        seen.push(...page.requests.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      const all = await h.service.db.selectFrom('requests').select('id').where('spreadsheet_id', '=', SHEET).orderBy('first_seen_at', 'desc').orderBy('id', 'desc').execute();
      expect(seen).toEqual(all.map((r) => r.id));
    });

    it('refuses an unknown state or a forged cursor (400)', async () => {
      expect((await api.list(REP, '?state=approved,maybe')).status).toBe(400);
      expect((await api.list(REP, '?cursor=bm9wZQ')).status).toBe(400);
    });
  });

  describe('the audit trail and the feed', () => {
    it('appends one event and one feed entry on the deal and account per transition', async () => {
      const filed = await api.filed(REP, { cost: lumpSum(10_000), submit: true });
      await api.acted(APPROVER, filed.request.id, { action: 'return', comment: '背景を詳しく' });
      const events = await h.service.db.selectFrom('request_events').selectAll().where('request_id', '=', filed.request.id).orderBy('seq').execute();
      expect(events.map((e) => [e.seq, e.action, e.actor])).toEqual([
        [1, 'file', REP],
        [2, 'submit', REP],
        [3, 'return', APPROVER],
      ]);
      expect(events[2]).toMatchObject({ from_state: 'submitted', to_state: 'returned', step: 0, comment: '背景を詳しく', cost_snapshot: expect.objectContaining({ total: 10_000 }) });
      const feed = await h.service.db
        .selectFrom('feed_entries')
        .selectAll()
        .where('kind', '=', 'request_event')
        .where(sql<string>`payload ->> 'requestId'`, '=', filed.request.id)
        .orderBy('id')
        .execute();
      expect(feed.map((f) => (f.payload as { action: string }).action)).toEqual(['file', 'submit', 'return']);
      expect(feed[2]).toMatchObject({ deal_id: filed.request.dealId, account: SAMPLE, actor: APPROVER, payload: expect.objectContaining({ toState: 'returned', role: 'approver', comment: '背景を詳しく' }) });
    });

    it.each([
      ['UPDATE', sql`update request_events set comment = 'rewritten'`],
      ['DELETE', sql`delete from request_events`],
      ['TRUNCATE', sql`truncate request_events`],
    ])('has Postgres refuse %s on the events', async (_op, statement) => {
      const before = await h.service.db.selectFrom('request_events').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
      await expect(statement.execute(h.service.db)).rejects.toThrow(/request_events is append-only/);
      const after = await h.service.db.selectFrom('request_events').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    });
  });
});

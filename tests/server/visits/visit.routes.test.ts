// Visits logged through the API over HTTP on a real Postgres: validation, the deal's flags
// recomputed in the same answer, the plan that puts the visit on the sheet, listing and the voice
// of the customer, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialFromIsoDate } from '../../../shared/calendar/iso-date.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { FLAG_MESSAGES } from '../../../shared/flags/flag-messages.ts';
import type { WritePlanWire } from '../../../server/push-sync/plan-wire.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { applyPlanWire, pushBody } from '../../support/service/apply-plan-wire.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import type { SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';
import { cellOf, columnOf, dealGrid, idOf, serial, serviceHeaderOf } from '../sync/test-sheet.ts';

const SHEET = '1VvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvVV';
const ALICE = 'alice@example.co.jp';
const BOB = 'bob@example.co.jp';
const CAROL = 'carol@example.co.jp';
// 2026-11-20 09:00 in Tokyo.
const NOW = new Date('2026-11-20T00:00:00Z');
const VISITS = '訪問記録';
const VISIT_HEADERS = ['訪問日', '顧客名', '案件名', '担当者', '面談者', '商談内容', 'お客様の要望', '次回アクション', '次回予定日', 'ボール'];

interface Answer {
  visit: { id: string; visitedOn: string; account: string; dealId: string | null; dealTitle: string | null; owner: string; customerAsked: string | null; onSheet: boolean; loggedBy: string };
  deal: { id: string; sheetRow: number | null; flags: { code: string; label: string }[]; raised: string[]; cleared: string[]; ball: string | null; ballDays: number | null } | null;
  plan: WritePlanWire;
}
interface PushAnswer {
  plan: WritePlanWire;
  summary: { cellsWritten: number; tabs: { sheet: string; read: number; inserted: number; unchanged: number; removed: number }[] };
}
interface ErrorAnswer {
  error: { code: string; message: string };
}
interface VisitPage {
  visits: { id: string; visitedOn: string; account: string }[];
  nextCursor: string | null;
}

function deals(): MutableGrid {
  return dealGrid([
    // The quote went out 20 days ago and nobody has touched the deal since: the ball sits with the customer.
    { title: '基幹システム更新', account: '株式会社サンプル', stage: '見積提出', owner: '佐藤', quoteSentOn: serial('2026-10-31') },
    { title: '倉庫管理 PoC', account: '東邦物流', stage: '提案', owner: '田中', stageChangedOn: serial('2026-11-18') },
    { title: '配送システム', account: '東邦物流', stage: 'リード', owner: '田中', stageChangedOn: serial('2026-11-10') },
  ]);
}

function visits(): MutableGrid {
  return {
    name: VISITS,
    rows: [['訪問記録'], [], [...VISIT_HEADERS], [serial('2026-11-18'), '東邦物流', '倉庫管理 PoC', '田中', '物流部 鈴木様', 'PoC範囲の確認', '在庫の棚卸し機能', null, null, '自社']],
  };
}

describeIfPostgres('visits over HTTP', () => {
  let h: ServiceHarness;
  let grids: MutableGrid[];
  const base = `/v1/spreadsheets/${SHEET}`;

  const post = (as: string, body: unknown) => h.call('POST', `${base}/visits`, { as, body });
  const push = async (): Promise<PushAnswer> => {
    const res = await h.call('POST', `${base}/sync`, { as: ALICE, body: pushBody('営業管理表', 'Asia/Tokyo', grids) });
    expect(res.status).toBe(200);
    return (await res.json()) as PushAnswer;
  };
  const visitsGrid = () => grids[1] as MutableGrid;
  const dealsGrid = () => grids[0] as MutableGrid;

  beforeAll(async () => {
    h = await startServiceHarness({ label: 'visits_api', clock: () => NOW, google: true });
    grids = [deals(), visits()];
    (h.standIn as SheetsStandIn).createSpreadsheet({
      spreadsheetId: SHEET,
      title: '営業管理表',
      timeZone: 'Asia/Tokyo',
      sheets: grids.map((g) => ({ title: g.name, rows: g.rows, valueInputOption: 'RAW' as const })),
      sharedWith: [ALICE, BOB, CAROL],
    });
    applyPlanWire(grids, (await push()).plan);
    expect((await h.call('PUT', `${base}/members/${BOB}/roles/member`, { as: ALICE })).status).toBe(200);
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('logging a visit', () => {
    it('turns a deal whose ball sat with the customer fresh in the same answer, and the plan applied makes the next sync write nothing', async () => {
      const ballLabel = FLAG_MESSAGES.ball_follow_up.label.ja;
      const staleLabel = FLAG_MESSAGES.stale.label.ja;
      expect(String(cellOf(dealsGrid(), '基幹システム更新', serviceHeaderOf('flags')))).toContain(ballLabel);
      const dealId = idOf(dealsGrid(), '基幹システム更新');

      const res = await post(BOB, {
        visitedOn: '2026-11-20',
        dealTitle: '基幹システム更新',
        account: '株式会社 サンプル',
        owner: '鈴木',
        met: '情報システム部 山田部長',
        discussed: '見積内容の確認',
        customerAsked: '納期を1週間早めてほしい',
        nextAction: '修正見積の提出',
        nextActionOn: '2026-11-25',
        ballAfter: 'us',
      });
      expect(res.status).toBe(201);
      const answer = (await res.json()) as Answer;
      expect(answer.visit).toMatchObject({ visitedOn: '2026-11-20', account: '株式会社サンプル', dealId, dealTitle: '基幹システム更新', owner: '鈴木', onSheet: false, loggedBy: BOB });
      // The ball is ours again: the follow-up flag is gone; the quote stage has still aged past its limit.
      expect(answer.deal?.cleared).toEqual(['ball_follow_up']);
      expect(answer.deal?.raised).toEqual([]);
      expect(answer.deal?.flags.map((f) => f.code)).toEqual(['stale']);
      expect(answer.deal).toMatchObject({ id: dealId, ball: 'us', ballDays: null });

      // The plan: the deal row's flag cells and the visit's new row, nothing the team owns.
      const dealTab = answer.plan.tabs.find((t) => t.kind === 'deals');
      const row = answer.deal?.sheetRow ?? 0;
      expect(row).toBeGreaterThan(3);
      const flagsColumn = columnOf(dealsGrid(), serviceHeaderOf('flags'));
      const flagRun = dealTab?.runs.find((r) => r.column === flagsColumn);
      expect(flagRun).toEqual({ column: flagsColumn, startRow: row, values: [staleLabel] });
      const ballDaysColumn = columnOf(dealsGrid(), serviceHeaderOf('ballDays'));
      expect(dealTab?.runs.find((r) => r.column === ballDaysColumn)?.values).toEqual([null]);
      const visitTab = answer.plan.tabs.find((t) => t.kind === 'visits');
      expect(visitTab?.runs).toEqual([]);
      expect(visitTab?.appends).toHaveLength(1);
      expect(visitTab?.appends?.[0]?.id).toBe(answer.visit.id);
      expect(visitTab?.appends?.[0]?.cells).toContainEqual({ column: 1, value: serialFromIsoDate('2026-11-20'), format: 'date' });

      const lastRow = visitsGrid().rows.length;
      applyPlanWire(grids, answer.plan);
      expect(String(cellOf(dealsGrid(), '基幹システム更新', serviceHeaderOf('flags')))).toBe(staleLabel);
      const added = visitsGrid().rows[lastRow] as CellValue[];
      expect(added.slice(0, VISIT_HEADERS.length)).toEqual([
        serialFromIsoDate('2026-11-20'),
        '株式会社サンプル',
        '基幹システム更新',
        '鈴木',
        '情報システム部 山田部長',
        '見積内容の確認',
        '納期を1週間早めてほしい',
        '修正見積の提出',
        serialFromIsoDate('2026-11-25'),
        '自社',
      ]);
      expect(added).toContain(answer.visit.id);

      const again = await push();
      expect(again.summary.cellsWritten).toBe(0);
      expect(again.plan.tabs.every((t) => t.runs.length === 0 && (t.appends ?? []).length === 0)).toBe(true);
      expect(again.summary.tabs.find((t) => t.sheet === VISITS)).toMatchObject({ read: 2, inserted: 0, unchanged: 2, removed: 0 });
      const stored = await h.service.db.selectFrom('visits').select(['id', 'pending_append', 'removed_at']).where('spreadsheet_id', '=', SHEET).execute();
      expect(stored).toHaveLength(2);
      expect(stored.find((v) => v.id === answer.visit.id)).toEqual({ id: answer.visit.id, pending_append: false, removed_at: null });
      const feed = await h.service.db.selectFrom('feed_entries').select(['kind', 'deal_id', 'actor', 'payload']).where('spreadsheet_id', '=', SHEET).execute();
      expect(feed).toContainEqual(expect.objectContaining({ kind: 'visit_logged', deal_id: dealId, actor: BOB, payload: expect.objectContaining({ visitId: answer.visit.id, cleared: ['ball_follow_up'] }) }));
    });

    it('leaves the deal\'s own columns as the sheet has them: the visit itself says what it said', async () => {
      const deal = await h.service.db
        .selectFrom('deals')
        .select(['next_action', 'next_action_on', 'last_contact_on'])
        .where('spreadsheet_id', '=', SHEET)
        .where('title', '=', '基幹システム更新')
        .executeTakeFirstOrThrow();
      // The deal's own columns mirror the sheet, which the team owns.
      expect(deal).toEqual({ next_action: null, next_action_on: null, last_contact_on: null });
      const visit = await h.service.db
        .selectFrom('visits')
        .select(['visited_on', 'next_action', 'ball_after'])
        .where('spreadsheet_id', '=', SHEET)
        .where('deal_title', '=', '基幹システム更新')
        .where('logged_by', 'is not', null)
        .executeTakeFirstOrThrow();
      expect(visit).toEqual({ visited_on: '2026-11-20', next_action: '修正見積の提出', ball_after: 'us' });
    });

    it('logs a visit that names only an account, with no deal to recompute', async () => {
      const res = await post(BOB, { visitedOn: '2026-11-19', account: '東邦物流', customerAsked: 'ＡＰＩ連携を希望', ballAfter: 'customer' });
      expect(res.status).toBe(201);
      const answer = (await res.json()) as Answer;
      expect(answer.deal).toBeNull();
      expect(answer.visit).toMatchObject({ account: '東邦物流', dealId: null, owner: BOB });
      expect(answer.plan.tabs.map((t) => t.kind)).toEqual(['visits']);
      applyPlanWire(grids, answer.plan);
      expect((await push()).summary.cellsWritten).toBe(0);
    });

    it.each([
      ['a visit in the future', { visitedOn: '2026-11-21', account: '東邦物流' }, /body\.visitedOn: 2026-11-21 is in the future \(today is 2026-11-20 in Asia\/Tokyo\)/],
      ['a date not written as YYYY-MM-DD', { visitedOn: '2026/11/20', account: '東邦物流' }, /body\.visitedOn: must be a calendar date as YYYY-MM-DD/],
      ['a day that does not exist', { visitedOn: '2026-02-30', account: '東邦物流' }, /body\.visitedOn: must be a calendar date/],
      ['a missing date', { account: '東邦物流' }, /body\.visitedOn/],
      ['a ball value other than us or customer', { visitedOn: '2026-11-20', account: '東邦物流', ballAfter: '先方' }, /body\.ballAfter: must be 'us' or 'customer'/],
      ['an overlong note', { visitedOn: '2026-11-20', account: '東邦物流', discussed: 'あ'.repeat(5001) }, /body\.discussed: must be at most 5000 characters/],
      ['an overlong account name', { visitedOn: '2026-11-20', account: 'A'.repeat(201) }, /body\.account: must be at most 200 characters/],
      ['a next action before the visit', { visitedOn: '2026-11-20', account: '東邦物流', nextActionOn: '2026-11-19' }, /body\.nextActionOn: 2026-11-19 is before the visit/],
      ['neither deal nor account', { visitedOn: '2026-11-20', met: '山田様' }, /body\.dealId: name the visit's deal/],
      ['a misspelt field', { visitedOn: '2026-11-20', account: '東邦物流', customerAskd: 'x' }, /customerAskd/],
    ])('answers 400 naming the field for %s', async (_name, body, message) => {
      const res = await post(BOB, body);
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as ErrorAnswer;
      expect(error.code).toBe('invalid_request');
      expect(error.message).toMatch(message);
    });

    it.each([
      ['an unknown account, suggesting the closest', { visitedOn: '2026-11-20', account: 'サンプル商事' }, /body\.account: no account "サンプル商事".*did you mean "株式会社サンプル"/],
      ['an unknown deal of a known account', { visitedOn: '2026-11-20', account: '東邦物流', dealTitle: '倉庫管理PoC2' }, /body\.dealTitle: no deal of "東邦物流" titled "倉庫管理PoC2".*did you mean "倉庫管理 PoC"/],
      ['a deal of another account', { visitedOn: '2026-11-20', account: '株式会社サンプル', dealTitle: '配送システム' }, /body\.account: deal "配送システム" belongs to "東邦物流"/],
      ['an unknown deal id', { visitedOn: '2026-11-20', dealId: 'no-such-deal' }, /body\.dealId: no deal with id "no-such-deal"/],
    ])('answers 422 for %s', async (_name, body, message) => {
      const res = await post(BOB, body);
      expect(res.status).toBe(422);
      expect(((await res.json()) as ErrorAnswer).error.message).toMatch(message);
    });

    it('stores nothing for a refused visit', async () => {
      const before = await h.service.db.selectFrom('visits').select('id').where('spreadsheet_id', '=', SHEET).execute();
      expect((await post(BOB, { visitedOn: '2026-11-21', account: '東邦物流' })).status).toBe(400);
      expect((await post(BOB, { visitedOn: '2026-11-20', account: '不明商会' })).status).toBe(422);
      expect(await h.service.db.selectFrom('visits').select('id').where('spreadsheet_id', '=', SHEET).execute()).toHaveLength(before.length);
    });

    it('matches the deal by its id', async () => {
      const dealId = idOf(dealsGrid(), '配送システム');
      const res = await post(ALICE, { visitedOn: '2026-11-17', dealId, customerAsked: '帳票の英語対応', discussed: 'キックオフ' });
      expect(res.status).toBe(201);
      const answer = (await res.json()) as Answer;
      expect(answer.visit).toMatchObject({ dealId, account: '東邦物流', dealTitle: '配送システム', owner: ALICE });
      applyPlanWire(grids, answer.plan);
      expect((await push()).summary.cellsWritten).toBe(0);
    });
  });

  describe('listing visits', () => {
    it('lists a deal\'s visits newest first', async () => {
      const dealId = idOf(dealsGrid(), '倉庫管理 PoC');
      const res = await h.call('GET', `${base}/visits?dealId=${encodeURIComponent(dealId)}`, { as: BOB });
      expect(res.status).toBe(200);
      const page = (await res.json()) as VisitPage;
      expect(page.visits.map((v) => v.visitedOn)).toEqual(['2026-11-18']);
      expect(page.nextCursor).toBeNull();
    });

    it('pages an account\'s visits newest first with a cursor, matching the account without regard to width or spaces', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `account=${encodeURIComponent('東邦 物流')}&limit=1${cursor === null ? '' : `&before=${encodeURIComponent(cursor)}`}`;
        const res = await h.call('GET', `${base}/visits?${query}`, { as: BOB });
        expect(res.status).toBe(200);
        const page = (await res.json()) as VisitPage;
        expect(page.visits.length).toBeLessThanOrEqual(1);
        seen.push(...page.visits.map((v) => v.visitedOn));
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null && pages < 10);
      expect(seen).toEqual(['2026-11-19', '2026-11-18', '2026-11-17']);
    });

    it.each([
      ['neither dealId nor account', '', /exactly one of dealId and account/],
      ['both', '?dealId=x&account=y', /exactly one of dealId and account/],
      ['a page size out of range', '?account=x&limit=500', /query\.limit/],
      ['a cursor it never gave out', '?account=x&before=bm9wZQ', /query\.before/],
    ])('answers 400 for %s', async (_name, query, message) => {
      const res = await h.call('GET', `${base}/visits${query}`, { as: BOB });
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorAnswer).error.message).toMatch(message);
    });
  });

  describe('the voice of the customer', () => {
    type Voice = { account: string; entries: { customerAsked: string; visitedOn: string }[]; nextCursor: string | null };
    const voice = async (account: string, query = '') => {
      const res = await h.call('GET', `${base}/accounts/${encodeURIComponent(account)}/voice${query}`, { as: BOB });
      expect(res.status).toBe(200);
      return (await res.json()) as Voice;
    };

    it('lists what the account asked for, newest first, leaving out visits where it asked for nothing', async () => {
      const all = await voice('東邦物流');
      expect(all.entries.map((e) => [e.visitedOn, e.customerAsked])).toEqual([
        ['2026-11-19', 'ＡＰＩ連携を希望'],
        ['2026-11-18', '在庫の棚卸し機能'],
        ['2026-11-17', '帳票の英語対応'],
      ]);
    });

    it('searches without regard to width or case', async () => {
      expect((await voice('東邦物流', '?q=api')).entries.map((e) => e.customerAsked)).toEqual(['ＡＰＩ連携を希望']);
      expect((await voice('東邦物流', `?q=${encodeURIComponent('帳票')}`)).entries.map((e) => e.customerAsked)).toEqual(['帳票の英語対応']);
      expect((await voice('東邦物流', '?q=nothing-like-this')).entries).toEqual([]);
    });

    it('keeps one account\'s voice apart from another\'s', async () => {
      expect((await voice('株式会社サンプル')).entries.map((e) => e.customerAsked)).toEqual(['納期を1週間早めてほしい']);
    });
  });

  describe('who may', () => {
    it('answers 403 to someone without a role on the spreadsheet, and stores nothing', async () => {
      const before = await h.service.db.selectFrom('visits').select('id').where('spreadsheet_id', '=', SHEET).execute();
      const attempts = [
        await post(CAROL, { visitedOn: '2026-11-20', account: '東邦物流' }),
        await h.call('GET', `${base}/visits?account=${encodeURIComponent('東邦物流')}`, { as: CAROL }),
        await h.call('GET', `${base}/accounts/${encodeURIComponent('東邦物流')}/voice`, { as: CAROL }),
      ];
      for (const res of attempts) {
        expect(res.status).toBe(403);
        expect(((await res.json()) as ErrorAnswer).error.code).toBe('forbidden');
      }
      expect(await h.service.db.selectFrom('visits').select('id').where('spreadsheet_id', '=', SHEET).execute()).toHaveLength(before.length);
    });

    it('answers 401 without sign-in', async () => {
      expect((await h.call('POST', `${base}/visits`, { body: { visitedOn: '2026-11-20', account: '東邦物流' } })).status).toBe(401);
    });
  });

  describe('feed', () => {
    it('makes a flag the visit raises news at once, since the next sync will see nothing new', async () => {
      // A visit three weeks back that left the ball with the customer: it has sat there since.
      const res = await post(BOB, { visitedOn: '2026-10-30', account: '東邦物流', dealTitle: '配送システム', met: '情報システム部', ballAfter: 'customer' });
      expect(res.status).toBe(201);
      const answer = (await res.json()) as Answer;
      expect(answer.deal?.raised).toContain('ball_follow_up');
      const feed = await h.service.db.selectFrom('feed_entries').select(['kind', 'deal_id', 'payload']).where('spreadsheet_id', '=', SHEET).where('kind', '=', 'flag_raised').execute();
      expect(feed).toContainEqual(
        expect.objectContaining({ deal_id: answer.deal?.id, payload: expect.objectContaining({ raised: [expect.objectContaining({ code: 'ball_follow_up' })], requestId: null }) }),
      );
    });
  });
});

// The deal card and a visit logged through the API compute a deal's 要コスト確認 from Postgres
// alone, reading only what bears on that deal. Right after a sync it must be exactly what that
// sync wrote into the deal's flags cell, whatever the deals and requests: random sheets (titles and
// accounts that fold alike, repeated rows, won deals, unreadable stages), requests typed into the
// tab and filed through the API, some submitted and decided.
//
// fast-check prints the seed and path of a failure; replay one with
//   STORED_COST_REVIEW_SEED=<seed> STORED_COST_REVIEW_PATH=<path> npx vitest run tests/server/sync/stored-cost-review.test.ts
// and soak with STORED_COST_REVIEW_RUNS=<runs>.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialFromIsoDate, type IsoDate } from '../../../shared/calendar/iso-date.ts';
import { cellText } from '../../../shared/cells/cell-text.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { FLAG_MESSAGES } from '../../../shared/flags/flag-messages.ts';
import { format } from '../../../shared/i18n/locale.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings/sync-settings.ts';
import { serviceColumnOfHeader } from '../../../shared/write-plan/service-columns.ts';
import type { Db } from '../../../server/db/database.ts';
import { actOnRequest, fileRequest } from '../../../server/requests/request.service.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import { costReviewParams } from '../../../server/sync/request-statuses.ts';
import { storedCostReviewOf } from '../../../server/sync/stored-cost-review.ts';
import { syncSpreadsheet } from '../../../server/sync/sync-engine.ts';
import { dealsGrid, type DealInput } from '../requests/request-fixture.ts';
import { PGLITE, type SyncDatabase } from './test-databases.ts';
import { gridSource } from './test-sheet.ts';

const TODAY: IsoDate = '2026-11-20';
// Pairs fold alike (NFKC, spaces, case): the linker and the win-win balance treat them as one.
const ACCOUNTS = ['山田製作所', '山田 製作所', '東西物産', 'ＡＢＣ商事', 'abc商事'] as const;
const TITLES = ['基幹システム更改', '基幹 システム更改', '保守契約更新', 'PoC', 'ＰｏＣ'] as const;
// 保留 is no stage the sheet knows: the deal reads as having none.
const STAGES = ['見積提出', '受注', '提案', '保留'] as const;
const DAYS: readonly IsoDate[] = ['2025-10-01', '2026-01-15', '2026-06-30', '2026-11-01', '2026-11-19'];
const LONG_BACKGROUND = '競合他社が同条件で納期短縮を提示しており、失注の恐れがあるため';
const REQUEST_HEADERS = ['申請日', '申請種別', '顧客名', '案件名', '申請者', '背景', '依頼内容', '代替案', '概算コスト', '状態'];

interface Scenario {
  readonly deals: readonly DealInput[];
  readonly typed: readonly { account: string | null; title: string | null; cost: number | null; thin: boolean; status: string | null; on: IsoDate; submit: boolean }[];
  readonly filed: readonly { deal: number | null; title: string; cost: number; submit: boolean; approve: boolean }[];
}

const dealArb: fc.Arbitrary<DealInput> = fc.record({
  account: fc.constantFrom(...ACCOUNTS),
  title: fc.constantFrom(...TITLES),
  stage: fc.constantFrom(...STAGES),
  amount: fc.constantFrom(1_000_000, 8_000_000, null),
  grossMargin: fc.constantFrom(100_000, 2_000_000, null),
  stageChangedOn: fc.constantFrom(...DAYS, null),
});
const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  deals: fc.array(dealArb, { minLength: 1, maxLength: 7 }),
  typed: fc.array(
    fc.record({
      account: fc.constantFrom(...ACCOUNTS, null),
      title: fc.constantFrom(...TITLES, null),
      cost: fc.constantFrom(10_000, 150_000, 1_200_000, null),
      thin: fc.boolean(),
      status: fc.constantFrom(null, '承認済', '申請中', '却下'),
      on: fc.constantFrom(...DAYS),
      submit: fc.boolean(),
    }),
    { maxLength: 6 },
  ),
  filed: fc.array(
    fc.record({ deal: fc.option(fc.nat({ max: 10 }), { nil: null }), title: fc.constantFrom(...TITLES), cost: fc.constantFrom(20_000, 150_000, 1_500_000), submit: fc.boolean(), approve: fc.boolean() }),
    { maxLength: 4 },
  ),
});

function requestsGrid(scenario: Scenario): MutableGrid {
  const rows: CellValue[][] = scenario.typed.map((r) => [
    serialFromIsoDate(r.on),
    '特別納品',
    r.account,
    r.title,
    '佐藤',
    r.thin ? 'お願い' : LONG_BACKGROUND,
    '納期の前倒し',
    null,
    r.cost,
    r.status,
  ]);
  return { name: '特別対応申請', rows: [[...REQUEST_HEADERS], ...rows] };
}

/** The flags and reasons cells the last sync left on each deal row, by deal id. */
function dealCells(grid: MutableGrid): Map<string, { flags: string; reasons: string }> {
  const header = grid.rows[2] ?? [];
  const column = (key: string) => header.findIndex((h) => serviceColumnOfHeader(cellText(h)) === key);
  const [id, flags, reasons] = [column('id'), column('flags'), column('flagReasons')];
  const out = new Map<string, { flags: string; reasons: string }>();
  for (const cells of grid.rows.slice(3)) {
    const dealId = cellText(cells[id] ?? null);
    if (dealId !== '') out.set(dealId, { flags: cellText(cells[flags] ?? null), reasons: cellText(cells[reasons] ?? null) });
  }
  return out;
}

const seen = { reviewed: 0, notReviewed: 0 };

async function runScenario(db: Db, scenario: Scenario): Promise<void> {
  const sid = `stored-cost-review-${randomUUID()}`;
  const deals = dealsGrid(scenario.deals);
  const requests = requestsGrid(scenario);
  const source = gridSource(sid, deals, requests);
  let tick = Date.parse(`${TODAY}T00:00:00Z`);
  const clock = () => new Date((tick += 60_000));
  await syncSpreadsheet(db, source, { now: TODAY, clock });

  const storedDeals = await db.selectFrom('deals').select(['id']).where('spreadsheet_id', '=', sid).where('removed_at', 'is', null).orderBy('id').execute();
  const rep = { email: 'sato@example.co.jp', roles: ['member' as const] };
  const approver = { email: 'carol@example.co.jp', roles: ['approver' as const, 'manager' as const, 'director' as const] };
  const act = async (requestId: string, action: 'submit' | 'approve', actor: typeof rep | typeof approver) => {
    const row = await db.selectFrom('requests').select(['version', 'state']).where('spreadsheet_id', '=', sid).where('id', '=', requestId).executeTakeFirstOrThrow();
    await actOnRequest(db, { spreadsheetId: sid, requestId, actor, input: { action, comment: null, expectedVersion: row.version, changes: null }, clock, locale: 'ja' });
  };
  for (const f of scenario.filed) {
    const dealId = f.deal === null ? null : (storedDeals[f.deal % storedDeals.length]?.id ?? null);
    const id = await fileRequest(db, {
      spreadsheetId: sid,
      actor: rep,
      input: { type: 'special_delivery', background: LONG_BACKGROUND, description: '特急便', alternative: null, cost: { directCosts: [{ label: '特急便', amount: f.cost }] }, account: null, dealId, dealTitle: dealId === null ? f.title : null, submit: f.submit },
      clock,
      locale: 'ja',
    }).catch(() => null);
    // Twice the same title: naming it needs the account, and the API refuses it. Not this property's business.
    if (id !== null && f.submit && f.approve) {
      // Up to three steps, as the cost routes it.
      for (let step = 0; step < 3; step++) await act(id, 'approve', approver).catch(() => undefined);
    }
  }
  const typedIds = await db.selectFrom('requests').select(['id']).where('spreadsheet_id', '=', sid).where('origin', '=', 'sheet').orderBy('first_seen_at').orderBy('id').execute();
  for (const [i, r] of typedIds.entries()) if (scenario.typed[i]?.submit === true) await act(r.id, 'submit', rep).catch(() => undefined);

  // The sync that the cost reviews must agree with, and the sheet it leaves.
  await syncSpreadsheet(db, source, { now: TODAY, clock });
  const cells = dealCells(deals);
  const settings = { ...DEFAULT_SETTINGS, timeZone: 'Asia/Tokyo' };
  const live = await db.selectFrom('deals').select(['id', 'account', 'title']).where('spreadsheet_id', '=', sid).where('removed_at', 'is', null).execute();
  for (const deal of live) {
    const review = await storedCostReviewOf(db, { spreadsheetId: sid, deal, requestsTab: true, settings, locale: 'ja', now: TODAY });
    const shown = cells.get(deal.id) ?? { flags: '', reasons: '' };
    if (review === undefined) {
      seen.notReviewed++;
      expect(shown.flags, `deal ${deal.title} (${deal.account})`).not.toContain(FLAG_MESSAGES.cost_review.label.ja);
    } else {
      seen.reviewed++;
      expect(shown.reasons, `deal ${deal.title} (${deal.account})`).toContain(format(FLAG_MESSAGES.cost_review.reason.ja, costReviewParams(review)));
    }
  }
}

function parameters(numRuns: number): fc.Parameters<[Scenario]> {
  const seed = process.env['STORED_COST_REVIEW_SEED'];
  const path = process.env['STORED_COST_REVIEW_PATH'];
  const runs = process.env['STORED_COST_REVIEW_RUNS'];
  return { numRuns: runs === undefined ? numRuns : Number(runs), ...(seed === undefined ? {} : { seed: Number(seed) }), ...(path === undefined ? {} : { path }) };
}

describe('storedCostReviewOf', () => {
  let database: SyncDatabase;
  beforeAll(async () => {
    database = await PGLITE.open('stored_cost_review');
  });
  afterAll(async () => {
    await database?.close();
  });

  it(
    'is what the sync just wrote into each deal\'s flags cell when the sheet has not changed since',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb, (scenario) => runScenario(database.db, scenario)),
        parameters(60),
      );
      // The runs met both outcomes.
      expect(seen.reviewed).toBeGreaterThan(0);
      expect(seen.notReviewed).toBeGreaterThan(0);
    },
    240_000,
  );
});

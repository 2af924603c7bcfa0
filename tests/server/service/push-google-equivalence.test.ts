// One engine, two adapters: a sheet synced through the add-on's push route and the same sheet
// synced through the Google source must end in the same Postgres state and the same cells.
import { google, type sheets_v4 } from 'googleapis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { serviceColumnOfHeader } from '../../../shared/write-plan/service-columns.ts';
import type { WritePlanWire } from '../../../server/push-sync/plan-wire.ts';
import { GoogleSheetSource } from '../../../server/sources/google/google-sheet-source.ts';
import { createSheetsClient } from '../../../server/sources/google/sheets-client.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import { syncSpreadsheet } from '../../../server/sync/sync-engine.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';
import { applyPlanWire, pushBody } from '../../support/service/apply-plan-wire.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import { dealGrid, serial, visitGrid, DEALS_SHEET, VISITS_SHEET } from '../sync/test-sheet.ts';

const SA = 'sheets-sfa@sfa-test.iam.gserviceaccount.com';
const OWNER = 'lead@example.co.jp';
const PUSHED = '1PushPushPushPushPushPushPushPushPushPush00';

function seedTabs(): MutableGrid[] {
  const stages = ['提案', '見積提出', 'クロージング', '受注', 'リード'];
  const deals = dealGrid(
    Array.from({ length: 25 }, (_, i) => ({
      title: `案件${i}`,
      account: `顧客${i % 9}`,
      stage: stages[i % stages.length] as string,
      owner: ['佐藤', '田中', '鈴木'][i % 3] as string,
      stageChangedOn: serial(i % 2 === 0 ? '2026-08-20' : '2026-11-12'),
      quoteSentOn: i % 5 === 1 ? serial('2026-10-30') : null,
      ball: i % 4 === 0 ? '顧客' : '自社',
      amount: i === 7 ? '百万円くらい' : 250_000 * (i + 1),
    })),
  );
  const visits = visitGrid(Array.from({ length: 6 }, (_, i) => ({ visitedOn: serial('2026-11-1' + i), account: `顧客${i}`, dealTitle: `案件${i}`, ball: '顧客' })));
  return [deals, visits];
}

/** Cells as Sheets returns them: trailing empties dropped, the service's random ids masked. */
function normalized(rows: readonly (readonly CellValue[])[], headerRow: number): CellValue[][] {
  const idColumn = (rows[headerRow - 1] ?? []).findIndex((c) => typeof c === 'string' && serviceColumnOfHeader(c) === 'id');
  const out = rows.map((row, r) =>
    row.map((cell, c) => (c === idColumn && r >= headerRow && typeof cell === 'string' && cell !== '' ? '<id>' : cell === null ? '' : cell)),
  );
  for (const row of out) while (row.length > 0 && row.at(-1) === '') row.pop();
  while (out.length > 0 && (out.at(-1) as CellValue[]).length === 0) out.pop();
  return out;
}

describeIfPostgres('push sync and Google source', () => {
  let h: ServiceHarness;
  let standIn: SheetsStandIn;
  let sheets: sheets_v4.Sheets;
  let user: sheets_v4.Sheets;
  let googleId: string;
  let pushed: MutableGrid[];
  let clock = new Date('2026-11-20T00:00:00Z');

  beforeAll(async () => {
    standIn = await startSheetsStandIn({ quotaPerMinutePerUser: null });
    h = await startServiceHarness({ label: 'equivalence', clock: () => clock, standIn });
    sheets = createSheetsClient({ credentials: await standIn.createServiceAccount(SA), rootUrl: standIn.rootUrl });
    const auth = new google.auth.OAuth2();
    auth.setCredentials({ access_token: standIn.userToken(OWNER) });
    user = google.sheets({ version: 'v4', rootUrl: standIn.rootUrl, auth });
    googleId = standIn.createSpreadsheet({
      title: '営業管理表',
      timeZone: 'Asia/Tokyo',
      sheets: seedTabs().map((g) => ({ title: g.name, rows: g.rows, valueInputOption: 'RAW' as const })),
      sharedWith: [SA, OWNER],
    });
    // The add-on's sheet: the same rows under another id, which the owner can open too.
    standIn.createSpreadsheet({ spreadsheetId: PUSHED, title: '営業管理表', timeZone: 'Asia/Tokyo', sheets: seedTabs().map((g) => ({ title: g.name, rows: g.rows, valueInputOption: 'RAW' as const })), sharedWith: [OWNER] });
    // What the add-on's getValues() would read from the same sheet.
    pushed = [DEALS_SHEET, VISITS_SHEET].map((name) => ({ name, rows: standIn.values(googleId, name).map((r) => [...r]) }));
  });

  afterAll(async () => {
    await h?.close();
    await standIn?.close();
  });

  async function syncBoth(asOf: string) {
    const res = await h.call('POST', `/v1/spreadsheets/${PUSHED}/sync`, { as: OWNER, body: pushBody('営業管理表', 'Asia/Tokyo', pushed) });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { asOf: string; plan: WritePlanWire };
    expect(answer.asOf).toBe(asOf);
    applyPlanWire(pushed, answer.plan);
    await syncSpreadsheet(h.service.db, new GoogleSheetSource(sheets, googleId, { pacer: null }), { now: asOf, trigger: 'recompute' });
  }

  /** Everything Postgres holds about a spreadsheet, with its random ids replaced by the row's title. */
  async function stateOf(spreadsheetId: string) {
    const db = h.service.db;
    const deals = await db.selectFrom('deals').selectAll().where('spreadsheet_id', '=', spreadsheetId).orderBy('title').execute();
    const titleOf = new Map(deals.map((d) => [d.id, d.title]));
    const visits = await db.selectFrom('visits').selectAll().where('spreadsheet_id', '=', spreadsheetId).orderBy('visited_on').orderBy('account').execute();
    const history = await db.selectFrom('deal_stage_history').selectAll().where('spreadsheet_id', '=', spreadsheetId).execute();
    const strip = <T extends { spreadsheet_id: string; id: string }>(row: T) => {
      const { spreadsheet_id: _s, id: _i, first_seen_at: _f, updated_at: _u, ...rest } = row as T & { first_seen_at?: unknown; updated_at?: unknown };
      return rest;
    };
    return {
      deals: deals.map(strip),
      visits: visits.map((v) => ({ ...strip(v), deal_id: v.deal_id === null ? null : titleOf.get(v.deal_id) })),
      history: history
        .map((e) => {
          const { spreadsheet_id: _s, id: _i, deal_id, sync_run_id: _r, observed_at: _o, ...rest } = e;
          return { ...rest, deal: titleOf.get(deal_id) };
        })
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    };
  }

  async function expectSame() {
    for (const [i, name] of [DEALS_SHEET, VISITS_SHEET].entries()) {
      expect(normalized(standIn.values(googleId, name), 3), name).toEqual(normalized((pushed[i] as MutableGrid).rows, 3));
    }
    const [a, b] = [await stateOf(PUSHED), await stateOf(googleId)];
    expect(b).toEqual(a);
    expect(a.deals).toHaveLength(25);
  }

  it('ends in the same Postgres state and the same written cells after a first sync', async () => {
    await syncBoth('2026-11-20');
    await expectSame();
  });

  it('stays the same after the same edit and a week passing', async () => {
    clock = new Date('2026-11-27T00:00:00Z');
    // Both sheets get the same edit: 案件2 moves on from クロージング to 受注 (row 6).
    const stageColumn = (pushed[0]?.rows[2] ?? []).indexOf('ステージ');
    (pushed[0]?.rows[5] as CellValue[])[stageColumn] = '受注';
    const letter = String.fromCharCode(65 + stageColumn);
    await user.spreadsheets.values.update({ spreadsheetId: googleId, range: `'${DEALS_SHEET}'!${letter}6`, valueInputOption: 'RAW', requestBody: { values: [['受注']] } });
    await syncBoth('2026-11-27');
    await expectSame();
    const history = (await stateOf(googleId)).history.filter((e) => e.deal === '案件2');
    expect(history.length).toBeGreaterThanOrEqual(2);
  });
});

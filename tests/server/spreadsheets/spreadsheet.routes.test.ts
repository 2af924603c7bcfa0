// GET /v1/spreadsheets/{id} gives back the stored set-up (the mapping the last sync used and the
// settings overrides), so an add-on on a second computer restores it; over HTTP on a real Postgres.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { pushBody } from '../../support/service/apply-plan-wire.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import type { SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';
import { DEALS_SHEET, dealGrid, serial, VISITS_SHEET, visitGrid } from '../sync/test-sheet.ts';

const SHEET = '1SsssssssssssssssssssssssssssssssssssssssssSS';
const ALICE = 'alice@example.co.jp';
const BOB = 'bob@example.co.jp';

interface SpreadsheetAnswer {
  mappedTabs: string[];
  roles: string[];
  mapping: { tabs: Record<string, { sheet: string; headerRow?: number; columns: Record<string, string> }> } | null;
  settings: Record<string, unknown> | null;
}

describeIfPostgres('GET /v1/spreadsheets/{id}', () => {
  let h: ServiceHarness;
  let grids: MutableGrid[];
  const base = `/v1/spreadsheets/${SHEET}`;

  const get = async (as: string): Promise<SpreadsheetAnswer> => {
    const res = await h.call('GET', base, { as });
    expect(res.status).toBe(200);
    return (await res.json()) as SpreadsheetAnswer;
  };
  const push = async (extra: Record<string, unknown> = {}) => {
    const res = await h.call('POST', `${base}/sync`, { as: ALICE, body: pushBody('営業管理表', 'Asia/Tokyo', grids, extra) });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    h = await startServiceHarness({ label: 'spreadsheet_get', clock: () => new Date('2026-11-20T00:00:00Z'), google: true });
    grids = [
      dealGrid([{ title: '基幹システム更新', account: '株式会社サンプル', stage: '見積提出', owner: '佐藤' }]),
      visitGrid([{ visitedOn: serial('2026-11-18'), account: '株式会社サンプル', dealTitle: '基幹システム更新', ball: '自社' }]),
    ];
    (h.standIn as SheetsStandIn).createSpreadsheet({
      spreadsheetId: SHEET,
      title: '営業管理表',
      timeZone: 'Asia/Tokyo',
      sheets: grids.map((g) => ({ title: g.name, rows: g.rows, valueInputOption: 'RAW' as const })),
      sharedWith: [ALICE, BOB],
    });
    await push();
    expect((await h.call('PUT', `${base}/members/${BOB}/roles/member`, { as: ALICE })).status).toBe(200);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('returns the mapping the sync detected, by header text, and no settings when none were given', async () => {
    const sheet = await get(ALICE);
    expect(sheet.mappedTabs).toEqual([DEALS_SHEET, VISITS_SHEET]);
    expect(sheet.mapping).toEqual({
      tabs: {
        deals: { sheet: DEALS_SHEET, headerRow: 3, columns: { owner: '担当者', title: '案件名', stage: 'ステージ', amount: '金額', account: '顧客名', ball: 'ボール', quoteSentOn: '見積提出日', nextActionOn: '次回予定日', stageChangedOn: 'ステージ変更日' } },
        visits: { sheet: VISITS_SHEET, headerRow: 3, columns: { visitedOn: '訪問日', account: '顧客名', dealTitle: '案件名', ballAfter: 'ボール' } },
      },
    });
    expect(sheet.settings).toBeNull();
  });

  it('returns the settings and stage labels a push\'s mapping stored, to every member of the spreadsheet', async () => {
    await push({ mapping: { stageLabels: { 保留: 'nurturing' }, settings: { ballFollowUpDays: 5, dayCounting: 'business' } } });
    const fromAlice = await get(ALICE);
    expect(fromAlice.settings).toEqual({ ballFollowUpDays: 5, dayCounting: 'business', stageLabels: { 保留: 'nurturing' } });
    // Bob's add-on, on another computer, restores the same set-up.
    const fromBob = await get(BOB);
    expect(fromBob.roles).toEqual(['member']);
    expect({ mapping: fromBob.mapping, settings: fromBob.settings }).toEqual({ mapping: fromAlice.mapping, settings: fromAlice.settings });
  });
});

// A NUL (U+0000) pasted into a sheet cell, on every source: the add-on's push over HTTP, Google
// Sheets through the API stand-in and an .xlsx workbook, each on a real Postgres (which cannot
// store U+0000). The cell is reported with its sheet, row and column, the row is read without the
// NUL and stored, the team's cell keeps its text, and the next sync is stable.
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { sheets_v4 } from 'googleapis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CELL_MESSAGES } from '../../../shared/cells/cell-messages.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { createDb, type Db } from '../../../server/db/database.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import type { WritePlanWire } from '../../../server/push-sync/plan-wire.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import { GoogleSheetSource } from '../../../server/sources/google/google-sheet-source.ts';
import { createSheetsClient, parseServiceAccountKey } from '../../../server/sources/google/sheets-client.ts';
import { XlsxSource } from '../../../server/sources/xlsx/xlsx-source.ts';
import { syncSpreadsheet } from '../../../server/sync/sync-engine.ts';
import type { SyncReport } from '../../../server/sync/sync-report.ts';
import { createTestDatabase, describeIfPostgres, type TestDatabase } from '../../support/postgres-database.ts';
import { applyPlanWire, pushBody } from '../../support/service/apply-plan-wire.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import type { SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';
import { startSheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';
import { cellOf, dealGrid, DEAL_HEADERS, DEALS_SHEET, FIRST_DATA_ROW, serial, serviceHeaderOf } from './test-sheet.ts';

const SA = 'sfa-sync@sheets-sfa-test.iam.gserviceaccount.com';
const ALICE = 'alice@example.co.jp';
const SHEET = '1NnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnNN';
const TODAY = '2026-11-20';
const NUL_ACCOUNT = '北海\u0000電機';
const NUL_TITLE = '保守契約 更新';
// The default column order puts 顧客名 (account) fifth; the NUL row is the third data row.
const NUL_CELL = { sheet: DEALS_SHEET, row: FIRST_DATA_ROW + 2, column: 'E', field: 'account', header: DEAL_HEADERS.account, value: '北海電機' };
const NUL_MESSAGE = CELL_MESSAGES['text.nul'].ja.replace('{value}', '北海電機');

function deals(): MutableGrid {
  return dealGrid([
    { title: '基幹システム更新', account: '株式会社サンプル', stage: '見積提出', owner: '佐藤', stageChangedOn: serial('2026-10-01') },
    { title: '倉庫管理 PoC', account: '東邦物流', stage: '提案', owner: '田中', stageChangedOn: serial('2026-11-18') },
    { title: NUL_TITLE, account: NUL_ACCOUNT, stage: 'クロージング', owner: '佐藤', stageChangedOn: serial('2026-11-19') },
  ]);
}

function expectNulReported(report: Pick<SyncReport, 'issues'>): void {
  expect(report.issues).toEqual([{ ...NUL_CELL, code: 'text.nul', message: NUL_MESSAGE }]);
}

interface PushAnswer {
  plan: WritePlanWire;
  summary: { tabs: { inserted: number; updated: number; unchanged: number }[]; cellsWritten: number; issueCount: number; issues: Record<string, unknown>[] };
}

describeIfPostgres('a NUL in a cell on each source', () => {
  let h: ServiceHarness;
  let testDb: TestDatabase;
  let db: Db;
  let standIn: SheetsStandIn;
  let sheets: sheets_v4.Sheets;
  let dir: string;

  beforeAll(async () => {
    h = await startServiceHarness({ label: 'nul_push', clock: () => new Date(`${TODAY}T00:00:00Z`), google: true });
    (h.standIn as SheetsStandIn).createSpreadsheet({ spreadsheetId: SHEET, title: '営業', timeZone: 'Asia/Tokyo', sheets: [{ title: DEALS_SHEET, rows: [] }], sharedWith: [ALICE] });
    testDb = await createTestDatabase('nul_sources');
    db = createDb({ kind: 'postgres', url: testDb.url });
    await migrateToLatest(db);
    standIn = await startSheetsStandIn({ quotaPerMinutePerUser: null });
    sheets = createSheetsClient({ credentials: parseServiceAccountKey(await standIn.createServiceAccount(SA)), rootUrl: standIn.rootUrl });
    dir = await mkdtemp(join(tmpdir(), 'sfa-nul-'));
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
    await testDb?.drop();
    await standIn?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const storedDeal = (spreadsheetId: string) =>
    db.selectFrom('deals').select(['account', 'cell_issue_count']).where('spreadsheet_id', '=', spreadsheetId).where('title', '=', NUL_TITLE).executeTakeFirstOrThrow();

  it('answers the add-on\'s push with 200, the issue and the deal stored, and never writes the cell when a cell holds a NUL', async () => {
    const grids = [deals()];
    const push = () => h.call('POST', `/v1/spreadsheets/${SHEET}/sync`, { as: ALICE, body: pushBody('営業', 'Asia/Tokyo', grids) });
    const first = await push();
    expect(first.status).toBe(200);
    const answer = (await first.json()) as PushAnswer;
    expect(answer.summary.tabs[0]?.inserted).toBe(3);
    expect(answer.summary.issueCount).toBe(1);
    expect(answer.summary.issues).toEqual([{ ...NUL_CELL, message: NUL_MESSAGE }]);
    applyPlanWire(grids, answer.plan);
    expect(cellOf(grids[0] as MutableGrid, NUL_TITLE, DEAL_HEADERS.account)).toBe(NUL_ACCOUNT);

    const dealId = String(cellOf(grids[0] as MutableGrid, NUL_TITLE, serviceHeaderOf('id')));
    const card = await h.call('GET', `/v1/spreadsheets/${SHEET}/deals/${dealId}`, { as: ALICE });
    expect(card.status).toBe(200);
    expect(((await card.json()) as { account: string }).account).toBe('北海電機');

    const second = (await (await push()).json()) as PushAnswer;
    expect(second.summary.cellsWritten).toBe(0);
    expect(second.summary.tabs[0]).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(second.summary.issues).toEqual([{ ...NUL_CELL, message: NUL_MESSAGE }]);
  });

  it('syncs a Google sheet through the API with the issue reported, the row stored and the cell left as it is when a cell holds a NUL', async () => {
    const id = standIn.createSpreadsheet({ title: '営業管理', timeZone: 'Asia/Tokyo', sheets: [{ title: DEALS_SHEET, rows: deals().rows as never, valueInputOption: 'RAW' }], sharedWith: [SA] });
    const sync = () => syncSpreadsheet(db, new GoogleSheetSource(sheets, id, { pacer: null }), { now: TODAY });
    const first = await sync();
    expectNulReported(first);
    expect(first.tabs[0]).toMatchObject({ read: 3, inserted: 3 });
    expect(await storedDeal(id)).toEqual({ account: '北海電機', cell_issue_count: 1 });
    expect(first.plan.tabs[0]?.writes.some((w) => w.row === NUL_CELL.row && w.column === 5)).toBe(false);
    const values = standIn.values(id, DEALS_SHEET) as CellValue[][];
    expect(values[NUL_CELL.row - 1]?.[4]).toBe(NUL_ACCOUNT);

    const second = await sync();
    expect(second.cellsWritten).toBe(0);
    expect(second.tabs[0]).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, reissued: 0 });
    expectNulReported(second);
  });

  it('syncs an .xlsx workbook with the issue reported, the row stored and the cell kept in the file when a cell holds a NUL', async () => {
    const path = join(dir, 'sales.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(DEALS_SHEET);
    // Excel stores a NUL in the file's XML as _x0000_, which is what exceljs reads back as U+0000.
    deals().rows.forEach((r) => sheet.addRow(r.map((c) => (typeof c === 'string' ? c.replace('\u0000', '_x0000_') : c))));
    await workbook.xlsx.writeFile(path);
    const accountInFile = async () => {
      const reread = new ExcelJS.Workbook();
      await reread.xlsx.readFile(path);
      return reread.getWorksheet(DEALS_SHEET)?.getCell(NUL_CELL.row, 5).value;
    };
    expect(await accountInFile()).toBe(NUL_ACCOUNT);

    const first = await syncSpreadsheet(db, new XlsxSource(path), { now: TODAY });
    expectNulReported(first);
    expect(first.tabs[0]).toMatchObject({ read: 3, inserted: 3 });
    expect(await storedDeal(first.spreadsheetId)).toEqual({ account: '北海電機', cell_issue_count: 1 });
    // The workbook was rewritten (ids, flags): the team's cell still holds its NUL.
    expect(first.cellsWritten).toBeGreaterThan(0);
    expect(await accountInFile()).toBe(NUL_ACCOUNT);

    const second = await syncSpreadsheet(db, new XlsxSource(path), { now: TODAY });
    expect(second.cellsWritten).toBe(0);
    expect(second.tabs[0]).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, reissued: 0 });
    expectNulReported(second);
  });

  it('stops reporting the cell and stores the clean row when the NUL is deleted from the sheet', async () => {
    const id = standIn.createSpreadsheet({ title: '営業管理 2', timeZone: 'Asia/Tokyo', sheets: [{ title: DEALS_SHEET, rows: deals().rows as never, valueInputOption: 'RAW' }], sharedWith: [SA] });
    const sync = () => syncSpreadsheet(db, new GoogleSheetSource(sheets, id, { pacer: null }), { now: TODAY });
    await sync();
    await sheets.spreadsheets.values.update({ spreadsheetId: id, range: `${DEALS_SHEET}!E${NUL_CELL.row}`, valueInputOption: 'RAW', requestBody: { values: [['北海電機']] } });
    const fixed = await sync();
    expect(fixed.issues).toEqual([]);
    expect(fixed.tabs[0]).toMatchObject({ updated: 1, unchanged: 2 });
    expect(await storedDeal(id)).toEqual({ account: '北海電機', cell_issue_count: 0 });
    expect((await sync()).tabs[0]).toMatchObject({ updated: 0, unchanged: 3 });
  });
});

// Appended rows on every source: in memory (the add-on's push path), the add-on's wire form, an
// .xlsx workbook and Google Sheets through the API stand-in. Each adds a visit logged through the
// API below the last row, and the next sync finds it unchanged and writes nothing.
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { sheets_v4 } from 'googleapis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialFromIsoDate } from '../../../shared/calendar/iso-date.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import type { TabPlan } from '../../../shared/write-plan/write-plan.ts';
import type { Db } from '../../../server/db/database.ts';
import { openDatabase } from '../../../server/db/open-database.ts';
import { planWire, WritePlanWireSchema } from '../../../server/push-sync/plan-wire.ts';
import { GoogleSheetSource } from '../../../server/sources/google/google-sheet-source.ts';
import { createSheetsClient, parseServiceAccountKey } from '../../../server/sources/google/sheets-client.ts';
import { placeAppendedRows } from '../../../server/sources/google/value-writes.ts';
import { planStructureRequests } from '../../../server/sources/google/structure-requests.ts';
import { appendRowsToGrid, applyPlanToGrids, lastFilledRow, type MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import { XlsxSource } from '../../../server/sources/xlsx/xlsx-source.ts';
import { syncSpreadsheet } from '../../../server/sync/sync-engine.ts';
import { logVisit } from '../../../server/visits/visit.service.ts';
import type { VisitBody } from '../../../server/visits/visit.schemas.ts';
import { applyPlanWire } from '../../support/service/apply-plan-wire.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';

const SA = 'sfa-sync@sheets-sfa-test.iam.gserviceaccount.com';
const TODAY = '2026-12-01';
const AT = new Date('2026-12-01T00:00:00Z');
const DEAL_ROWS: CellValue[][] = [
  ['顧客名', '案件名', 'ステージ', '担当者'],
  ['山田製作所', '基幹システム更改', '提案', '佐藤'],
];
const VISIT_ROWS: CellValue[][] = [
  ['訪問日', '顧客名', '案件名', 'お客様の要望', 'ボール'],
  [serialFromIsoDate('2026-11-28'), '山田製作所', '基幹システム更改', '見積の内訳', '自社'],
];
const BODY = { visitedOn: TODAY, dealTitle: '基幹システム更改', account: '山田製作所', customerAsked: '=SUM(A1:A9) と書いた要望', ballAfter: 'customer' } as VisitBody;
const EXPECTED_ROW = [serialFromIsoDate(TODAY), '山田製作所', '基幹システム更改', '=SUM(A1:A9) と書いた要望', '顧客'];

const visitsPlan = (appends: TabPlan['appends'], extra: Partial<TabPlan> = {}): TabPlan => ({
  sheet: '訪問',
  kind: 'visits',
  headerRow: 1,
  lastRow: 2,
  columns: { id: 6 },
  newColumns: [],
  writes: [],
  setup: [],
  appends,
  ...extra,
});
const ROWS = [
  { id: 'v-1', cells: [{ column: 1, value: 46357, format: 'date' as const }, { column: 2, value: 'A社' }, { column: 6, value: 'v-1' }] },
  { id: 'v-2', cells: [{ column: 2, value: 'B社' }, { column: 6, value: 'v-2' }] },
];

describe('appendRowsToGrid', () => {
  it('adds rows below the last row holding anything, not below trailing empty rows', () => {
    const grid: MutableGrid = { name: '訪問', rows: [['訪問日', '顧客名'], [46350, 'X社'], [], [null, '']] };
    expect(lastFilledRow(grid)).toBe(2);
    expect(appendRowsToGrid(grid, visitsPlan(ROWS))).toBe(5);
    expect(grid.rows[2]).toEqual([46357, 'A社', null, null, null, 'v-1']);
    expect(grid.rows[3]).toEqual([null, 'B社', null, null, null, 'v-2']);
  });

  it('never adds above the header row of an empty tab', () => {
    const grid: MutableGrid = { name: '訪問', rows: [['2026 訪問'], [], ['訪問日', '顧客名']] };
    appendRowsToGrid(grid, visitsPlan(ROWS.slice(0, 1), { headerRow: 5 }));
    expect(grid.rows).toHaveLength(6);
    expect(grid.rows[5]?.[5]).toBe('v-1');
  });

  it('skips a row whose id the tab already shows', () => {
    const grid: MutableGrid = { name: '訪問', rows: [['訪問日', '顧客名', null, null, null, 'ID [SFA]'], [46357, 'A社', null, null, null, 'v-1']] };
    applyPlanToGrids([grid], { spreadsheetId: 's', tabs: [visitsPlan(ROWS)] });
    expect(grid.rows.map((r) => r[5])).toEqual(['ID [SFA]', 'v-1', 'v-2']);
  });
});

describe('the wire form', () => {
  it('carries appended rows, and the add-on\'s way of applying them matches the in-memory source', () => {
    const plan = { spreadsheetId: 's', tabs: [visitsPlan(ROWS)] };
    const wire = planWire(plan);
    expect(WritePlanWireSchema.parse(JSON.parse(JSON.stringify(wire)))).toEqual(wire);
    expect(wire.tabs[0]?.appends).toEqual(ROWS);
    const viaWire: MutableGrid = { name: '訪問', rows: [['訪問日', '顧客名'], [46350, 'X社']] };
    const inMemory: MutableGrid = { name: '訪問', rows: [['訪問日', '顧客名'], [46350, 'X社']] };
    expect(applyPlanWire([viaWire], wire)).toBe(5);
    applyPlanToGrids([inMemory], plan);
    expect(viaWire.rows).toEqual(inMemory.rows);
  });
});

describe('the Google source\'s placement', () => {
  it('writes appended rows below the rows read, grows the grid in the setup batch and formats their date cells', () => {
    const { plan, dates } = placeAppendedRows({ spreadsheetId: 's', tabs: [visitsPlan(ROWS)] }, () => 2);
    expect(plan.tabs[0]?.writes).toEqual([
      { row: 3, column: 1, value: 46357 },
      { row: 3, column: 2, value: 'A社' },
      { row: 3, column: 6, value: 'v-1' },
      { row: 4, column: 2, value: 'B社' },
      { row: 4, column: 6, value: 'v-2' },
    ]);
    expect(plan.tabs[0]?.appends).toEqual([]);
    expect(dates).toEqual([{ sheet: '訪問', row: 3, column: 1 }]);
    const meta = { sheetId: 7, title: '訪問', rowCount: 3, columnCount: 6, columnTags: [{ key: 'id' as const, column: 6, metadataId: 1 }], headerRowTags: [{ row: 1, metadataId: 2 }] };
    const requests = planStructureRequests(plan, () => meta as never, dates);
    expect(requests).toContainEqual({ appendDimension: { sheetId: 7, dimension: 'ROWS', length: 1 } });
    expect(requests).toContainEqual({
      repeatCell: {
        range: { sheetId: 7, startRowIndex: 2, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 1 },
        cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'yyyy/mm/dd' } } },
        fields: 'userEnteredFormat.numberFormat',
      },
    });
  });

  it('falls back to the plan\'s last row when it did not read the tab', () => {
    const { plan } = placeAppendedRows({ spreadsheetId: 's', tabs: [visitsPlan(ROWS.slice(1), { lastRow: 9 })] }, () => undefined);
    expect(plan.tabs[0]?.writes.map((w) => w.row)).toEqual([10, 10]);
  });
});

describe('a visit logged through the API reaching the sheet on each source', () => {
  let db: Db;
  let standIn: SheetsStandIn;
  let sheets: sheets_v4.Sheets;
  let dir: string;

  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
    standIn = await startSheetsStandIn({ quotaPerMinutePerUser: null });
    sheets = createSheetsClient({ credentials: parseServiceAccountKey(await standIn.createServiceAccount(SA)), rootUrl: standIn.rootUrl });
    dir = await mkdtemp(join(tmpdir(), 'sfa-append-'));
  });
  afterAll(async () => {
    await db?.destroy();
    await standIn?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const log = (spreadsheetId: string) => logVisit(db, { spreadsheetId, caller: 'rep@example.co.jp', at: AT, body: BODY });

  it('appends it to an .xlsx workbook with a date format, and the next sync writes nothing', async () => {
    const path = join(dir, 'sales.xlsx');
    const workbook = new ExcelJS.Workbook();
    const deals = workbook.addWorksheet('案件');
    DEAL_ROWS.forEach((r) => deals.addRow(r));
    const visits = workbook.addWorksheet('訪問');
    visits.addRow(VISIT_ROWS[0] as CellValue[]);
    visits.addRow(['x', '山田製作所', '基幹システム更改', '見積の内訳', '自社']);
    visits.getCell('A2').value = new Date('2026-11-28T00:00:00Z');
    visits.getCell('A2').numFmt = 'yyyy"年"m"月"d"日"';
    await workbook.xlsx.writeFile(path);

    const first = await syncSpreadsheet(db, new XlsxSource(path), { now: TODAY });
    const logged = await log(first.spreadsheetId);
    const second = await syncSpreadsheet(db, new XlsxSource(path), { now: TODAY });
    expect(second.plan.tabs.find((t) => t.kind === 'visits')?.appends?.map((a) => a.id)).toEqual([logged.visit.id]);

    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(path);
    const sheet = reread.getWorksheet('訪問');
    const row = sheet?.getRow(3);
    expect(row?.getCell(1).value).toEqual(new Date('2026-12-01T00:00:00Z'));
    // The team's own date format, borrowed from the row above.
    expect(row?.getCell(1).numFmt).toBe('yyyy"年"m"月"d"日"');
    expect([2, 3, 4, 5].map((c) => row?.getCell(c).value)).toEqual(EXPECTED_ROW.slice(1));
    expect(row?.getCell(6).value).toBe(logged.visit.id);

    const third = await syncSpreadsheet(db, new XlsxSource(path), { now: TODAY });
    expect(third.cellsWritten).toBe(0);
    expect(third.tabs.find((t) => t.kind === 'visits')).toMatchObject({ read: 2, unchanged: 2, inserted: 0 });
  });

  it('appends it through the Sheets API, growing a full grid, raw and date-formatted, and the next sync writes nothing', async () => {
    const id = standIn.createSpreadsheet({
      title: '営業管理',
      timeZone: 'Asia/Tokyo',
      sheets: [
        { title: '案件', rows: DEAL_ROWS as never, valueInputOption: 'RAW' },
        // No spare row: the grid must grow for the visit.
        { title: '訪問', rows: VISIT_ROWS as never, valueInputOption: 'RAW', rowCount: 2 },
      ],
      sharedWith: [SA],
    });
    const source = () => new GoogleSheetSource(sheets, id, { pacer: null });
    await syncSpreadsheet(db, source(), { now: TODAY });
    const logged = await log(id);
    await syncSpreadsheet(db, source(), { now: TODAY });

    const values = standIn.values(id, '訪問');
    expect(values).toHaveLength(3);
    expect(values[2]?.slice(0, 5)).toEqual(EXPECTED_ROW);
    expect(values[2]?.[5]).toBe(logged.visit.id);
    const data = standIn.inspect(id).sheets?.[1];
    expect(data?.properties?.gridProperties?.rowCount).toBe(3);
    expect(data?.data?.[0]?.rowData?.[2]?.values?.[0]?.userEnteredFormat?.numberFormat).toMatchObject({ type: 'DATE' });

    const again = await syncSpreadsheet(db, source(), { now: TODAY });
    expect(again.cellsWritten).toBe(0);
    expect(standIn.values(id, '訪問')).toHaveLength(3);
  });
});

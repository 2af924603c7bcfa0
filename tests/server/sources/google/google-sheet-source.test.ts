import type { sheets_v4 } from 'googleapis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../server/db/database.ts';
import { openDatabase } from '../../../../server/db/open-database.ts';
import { GoogleSheetSource } from '../../../../server/sources/google/google-sheet-source.ts';
import { RequestPacer } from '../../../../server/sources/google/request-pacer.ts';
import { createSheetsClient, parseServiceAccountKey } from '../../../../server/sources/google/sheets-client.ts';
import { syncSpreadsheet } from '../../../../server/sync/sync-engine.ts';
import { SyncError } from '../../../../server/sync/sync-error.ts';
import { SERVICE_COLUMNS_BY_KIND, serviceHeader } from '../../../../shared/write-plan/service-columns.ts';
import type { CellWrite, TabPlan, WritePlan } from '../../../../shared/write-plan/write-plan.ts';
import { startSheetsStandIn, type RecordedRequest, type SheetsStandIn } from '../../../support/sheets-api/sheets-stand-in.ts';
import { sheetsAsUser } from '../../../support/sheets-api/stand-in-clients.ts';

const SERVICE_ACCOUNT = 'sfa-sync@sheets-sfa-test.iam.gserviceaccount.com';
const MANAGER = 'manager@example.co.jp';
const NO_WAIT = { sleep: async () => undefined };

// 案件: a title row, a blank row, the team's headers in row 3, deals from row 4; five columns wide.
const DEAL_ROWS = [
  ['2026年度 案件管理'],
  [],
  ['顧客名', '案件名', 'ステージ', '担当者', '見積提出日'],
  ['山田製作所', '基幹システム更改', '提案', '佐藤', null],
  ['東西物産', '保守契約更新', '見積提出', '鈴木', '2026/11/24'],
  ['北海商事', 'クラウド移行', 'リード', '高橋', null],
];
const SERVICE_HEADERS = SERVICE_COLUMNS_BY_KIND.deals.map((k) => serviceHeader(k, 'ja'));

let standIn: SheetsStandIn;
let sheets: sheets_v4.Sheets;

beforeAll(async () => {
  standIn = await startSheetsStandIn({ quotaPerMinutePerUser: null });
  const key = await standIn.createServiceAccount(SERVICE_ACCOUNT);
  sheets = createSheetsClient({ credentials: parseServiceAccountKey(key), rootUrl: standIn.rootUrl });
});
afterAll(() => standIn.close());

function dealsSpreadsheet(sharedWith: string[] = [SERVICE_ACCOUNT, MANAGER]): string {
  return standIn.createSpreadsheet({
    title: '営業管理',
    timeZone: 'Asia/Tokyo',
    locale: 'ja_JP',
    sheets: [{ title: '案件', rows: DEAL_ROWS, columnCount: 5 }, { title: 'メモ', rows: [['自由記入']] }],
    sharedWith,
  });
}

const source = (id: string, options: ConstructorParameters<typeof GoogleSheetSource>[2] = {}) =>
  new GoogleSheetSource(sheets, id, { pacer: null, retry: NO_WAIT, ...options });

/** Each recorded request as "METHOD endpoint status", the spreadsheet id left out. */
const calls = (requests: readonly RecordedRequest[]) => requests.map((r) => `${r.method} ${r.path.replace(/^\/v4\/spreadsheets\/[^/:]+/, '')} ${r.status}`);

function onePlan(sheet: string, tab: Partial<TabPlan>): WritePlan {
  return {
    spreadsheetId: 'x',
    tabs: [{ sheet, kind: 'visits', headerRow: 1, lastRow: 1, columns: {}, newColumns: [], writes: [], setup: [], ...tab }],
  };
}

describe('GoogleSheetSource against the Sheets API stand-in', () => {
  describe('syncing through the engine', () => {
    let db: Db;
    beforeAll(async () => {
      db = await openDatabase({ kind: 'pglite', dataDir: null });
    });
    afterAll(() => db.destroy());

    it('creates the service columns, their metadata and setup in one batch on the first sync, reading with two requests and one look at the stage column', async () => {
      const id = dealsSpreadsheet();
      standIn.resetRequests();
      const google = source(id);
      const report = await syncSpreadsheet(db, google, { now: '2026-12-01' });
      expect(report.title).toBe('営業管理');
      expect(calls(standIn.requests)).toEqual(['GET  200', 'GET /values:batchGet 200', 'GET  200', 'POST :batchUpdate 200', 'POST /values:batchUpdate 200']);
      expect(google.requestCount).toEqual({ reads: 3, writes: 2 });

      const values = standIn.values(id, '案件');
      expect(values[2]).toEqual(['顧客名', '案件名', 'ステージ', '担当者', '見積提出日', ...SERVICE_HEADERS]);
      // Every deal got an id, and its stage's start date as a serial number.
      for (const row of values.slice(3)) {
        expect(row[5]).toMatch(/^[0-9a-f-]{36}$/);
        expect(typeof row[6]).toBe('number');
      }

      const snapshot = standIn.inspect(id);
      const deals = snapshot.sheets?.[0];
      const data = deals?.data?.[0];
      expect(deals?.properties?.gridProperties?.columnCount).toBe(11);
      expect(data?.rowMetadata?.[2]?.developerMetadata?.map((m) => [m.metadataKey, m.visibility])).toEqual([['sheets-sfa.header-row', 'DOCUMENT']]);
      const columnTags = (data?.columnMetadata ?? []).map((c) => c.developerMetadata?.map((m) => `${m.metadataKey}=${m.metadataValue}`) ?? []);
      expect(columnTags).toEqual([[], [], [], [], [], ...SERVICE_COLUMNS_BY_KIND.deals.map((k) => [`sheets-sfa.column=${k}`])]);
      expect(data?.columnMetadata?.[5]?.hiddenByUser).toBe(true);
      expect(data?.rowData?.[3]?.values?.[6]?.userEnteredFormat?.numberFormat).toMatchObject({ type: 'DATE', pattern: 'yyyy/mm/dd' });
      expect(data?.rowData?.[3]?.values?.[2]?.dataValidation).toMatchObject({ condition: { type: 'ONE_OF_LIST' }, strict: false, showCustomUi: true });
      expect(deals?.conditionalFormats?.map((f) => f.booleanRule?.condition?.values?.[0]?.userEnteredValue)).toEqual([
        '=ISNUMBER(SEARCH("停滞",$J4))',
        '=ISNUMBER(SEARCH("滞留注意",$J4))',
      ]);
      expect(deals?.filterViews?.map((v) => v.title)).toEqual(['停滞', 'ボール滞留', '期限切れ', '引継ぎ放置', '要コスト確認']);
      expect(deals?.protectedRanges?.map((p) => [p.warningOnly, p.range?.startColumnIndex, p.range?.endColumnIndex])).toEqual([[true, 5, 11]]);
      // The other tab is left alone.
      expect(standIn.values(id, 'メモ')).toEqual([['自由記入']]);
    });

    it('costs two reads and no write when synced again with no edits', async () => {
      const id = dealsSpreadsheet();
      await syncSpreadsheet(db, source(id), { now: '2026-12-01' });
      standIn.resetRequests();
      const again = source(id);
      const report = await syncSpreadsheet(db, again, { now: '2026-12-01' });
      expect(report.cellsWritten).toBe(0);
      expect(calls(standIn.requests)).toEqual(['GET  200', 'GET /values:batchGet 200']);
      expect(again.requestCount).toEqual({ reads: 2, writes: 0 });
    });

    /** The one-time setup on 案件, as a spreadsheets.get shows it. */
    function setupOf(id: string) {
      const deals = standIn.inspect(id).sheets?.[0];
      const columnTags = (deals?.data?.[0]?.columnMetadata ?? []).flatMap((c) => (c.developerMetadata ?? []).map((m) => m.metadataValue));
      return {
        columnCount: deals?.properties?.gridProperties?.columnCount,
        columnTags,
        headerRowTags: (deals?.data?.[0]?.rowMetadata ?? []).flatMap((r) => r.developerMetadata ?? []).length,
        filterViews: deals?.filterViews?.map((v) => v.title),
        conditionalFormats: deals?.conditionalFormats?.length,
        protectedRanges: deals?.protectedRanges?.map((p) => [p.warningOnly, p.range?.startColumnIndex, p.range?.endColumnIndex]),
      };
    }
    const SET_UP_ONCE = {
      columnCount: 11,
      columnTags: SERVICE_COLUMNS_BY_KIND.deals,
      headerRowTags: 1,
      filterViews: ['停滞', 'ボール滞留', '期限切れ', '引継ぎ放置', '要コスト確認'],
      conditionalFormats: 2,
      protectedRanges: [[true, 5, 11]],
    };

    it('sends the setup batch once when Google applied it but its answer was lost, then writes the values', async () => {
      const id = dealsSpreadsheet();
      standIn.resetRequests();
      standIn.failNext({ method: 'POST', pathIncludes: `${id}:batchUpdate` }, 503, 1, { applied: true });
      const google = source(id);
      await syncSpreadsheet(db, google, { now: '2026-12-01' });
      // The retry looked first, found the batch's tags, and sent nothing again.
      expect(calls(standIn.requests)).toEqual(['GET  200', 'GET /values:batchGet 200', 'GET  200', 'POST :batchUpdate 503', 'GET  200', 'POST /values:batchUpdate 200']);
      expect(google.requestCount).toEqual({ reads: 4, writes: 2 });
      expect(setupOf(id)).toEqual(SET_UP_ONCE);
      const values = standIn.values(id, '案件');
      expect(values[2]).toEqual(['顧客名', '案件名', 'ステージ', '担当者', '見積提出日', ...SERVICE_HEADERS]);
      for (const row of values.slice(3)) {
        expect(row[5]).toMatch(/^[0-9a-f-]{36}$/);
        expect(typeof row[6]).toBe('number');
      }

      standIn.resetRequests();
      const again = await syncSpreadsheet(db, source(id), { now: '2026-12-01' });
      expect(again.cellsWritten).toBe(0);
      expect(calls(standIn.requests)).toEqual(['GET  200', 'GET /values:batchGet 200']);
    });

    it('sends the setup batch again when the fetch after a 503 shows it did not land', async () => {
      const id = dealsSpreadsheet();
      standIn.resetRequests();
      standIn.failNext({ method: 'POST', pathIncludes: `${id}:batchUpdate` }, 503, 1);
      const google = source(id);
      await syncSpreadsheet(db, google, { now: '2026-12-01' });
      expect(calls(standIn.requests)).toEqual([
        'GET  200',
        'GET /values:batchGet 200',
        'GET  200',
        'POST :batchUpdate 503',
        'GET  200',
        'POST :batchUpdate 200',
        'POST /values:batchUpdate 200',
      ]);
      expect(google.requestCount).toEqual({ reads: 4, writes: 3 });
      expect(setupOf(id)).toEqual(SET_UP_ONCE);
    });

    it('retries a values write Google applied before answering 500, leaving the same cells', async () => {
      const id = dealsSpreadsheet();
      standIn.resetRequests();
      standIn.failNext({ method: 'POST', pathIncludes: 'values:batchUpdate' }, 500, 1, { applied: true });
      const report = await syncSpreadsheet(db, source(id), { now: '2026-12-01' });
      // RAW values to fixed ranges: the second write lands on the first, no spreadsheets.get between.
      expect(calls(standIn.requests)).toEqual(['GET  200', 'GET /values:batchGet 200', 'GET  200', 'POST :batchUpdate 200', 'POST /values:batchUpdate 500', 'POST /values:batchUpdate 200']);
      expect(setupOf(id)).toEqual(SET_UP_ONCE);
      const values = standIn.values(id, '案件');
      expect(values).toHaveLength(DEAL_ROWS.length);
      expect(values.slice(3).every((row) => row.length <= 11)).toBe(true);
      const again = await syncSpreadsheet(db, source(id), { now: '2026-12-01' });
      expect(report.cellsWritten).toBeGreaterThan(0);
      expect(again.cellsWritten).toBe(0);
    });

    /** Each rule on 案件's stage column (C), by 0-based row. */
    const stageRules = (id: string) =>
      (standIn.inspect(id).sheets?.[0]?.data?.[0]?.rowData ?? []).flatMap((r, row) => {
        const rule = r.values?.[2]?.dataValidation;
        return rule == null ? [] : [[row, rule] as const];
      });
    // Rules a team sets on its stage column before the first sync.
    const CHIPS: sheets_v4.Schema$DataValidationRule = {
      condition: { type: 'ONE_OF_LIST', values: ['リード', '提案', '見積提出', '受注'].map((v) => ({ userEnteredValue: v })) },
      strict: true,
      showCustomUi: true,
    };
    const FROM_RANGE: sheets_v4.Schema$DataValidationRule = { condition: { type: 'ONE_OF_RANGE', values: [{ userEnteredValue: "='メモ'!A1:A10" }] }, strict: false };

    it.each([
      ['a list shown as chips', CHIPS, 3, 6],
      ['a list from a range, on one row far down only', FROM_RANGE, 800, 801],
    ])("keeps the team's own validation on the stage column through setup (%s)", async (_label, rule, startRowIndex, endRowIndex) => {
      const id = dealsSpreadsheet();
      const sheetId = standIn.inspect(id).sheets?.[0]?.properties?.sheetId ?? 0;
      const user = sheetsAsUser(standIn, MANAGER);
      const range = { sheetId, startRowIndex, endRowIndex, startColumnIndex: 2, endColumnIndex: 3 };
      await user.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ setDataValidation: { range, rule } }] } });
      const before = stageRules(id);
      expect(before.map(([row]) => row)).toEqual(Array.from({ length: endRowIndex - startRowIndex }, (_, i) => startRowIndex + i));

      standIn.resetRequests();
      const google = source(id);
      await syncSpreadsheet(db, google, { now: '2026-12-01' });
      expect(calls(standIn.requests)).toEqual(['GET  200', 'GET /values:batchGet 200', 'GET  200', 'POST :batchUpdate 200', 'POST /values:batchUpdate 200']);
      expect(google.requestCount).toEqual({ reads: 3, writes: 2 });

      // Every cell of the column holds what it held: the team's rule where they set it, nothing elsewhere.
      expect(stageRules(id)).toEqual(before);
      expect(before[0]?.[1]).toEqual(rule);
      // The rest of the setup landed.
      expect(setupOf(id)).toEqual(SET_UP_ONCE);
      expect(standIn.inspect(id).sheets?.[0]?.data?.[0]?.rowData?.[3]?.values?.[6]?.userEnteredFormat?.numberFormat).toMatchObject({ type: 'DATE' });
    });

    it('puts its dropdown on the stage column when the team has a validation only on another column', async () => {
      const id = dealsSpreadsheet();
      const sheetId = standIn.inspect(id).sheets?.[0]?.properties?.sheetId ?? 0;
      const owner = { sheetId, startRowIndex: 3, endRowIndex: 6, startColumnIndex: 3, endColumnIndex: 4 };
      await sheetsAsUser(standIn, MANAGER).spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ setDataValidation: { range: owner, rule: CHIPS } }] } });
      await syncSpreadsheet(db, source(id), { now: '2026-12-01' });
      const row = standIn.inspect(id).sheets?.[0]?.data?.[0]?.rowData?.[3]?.values;
      expect(row?.[2]?.dataValidation).toMatchObject({ condition: { type: 'ONE_OF_LIST' }, strict: false, showCustomUi: true });
      expect(row?.[3]?.dataValidation).toEqual(CHIPS);
    });

    it('keeps writing into service columns a user renamed, cleared and moved, creating none again', async () => {
      const id = dealsSpreadsheet();
      await syncSpreadsheet(db, source(id), { now: '2026-12-01' });
      const user = sheetsAsUser(standIn, MANAGER);
      const sheetId = standIn.inspect(id).sheets?.[0]?.properties?.sheetId ?? 0;
      // Flags (J) moves to the front and is renamed; the days-in-stage header (H) is cleared.
      await user.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            { updateCells: { start: { sheetId, rowIndex: 2, columnIndex: 9 }, rows: [{ values: [{ userEnteredValue: { stringValue: '要注意' } }] }], fields: 'userEnteredValue' } },
            { updateCells: { start: { sheetId, rowIndex: 2, columnIndex: 7 }, rows: [{ values: [{}] }], fields: 'userEnteredValue' } },
            { moveDimension: { source: { sheetId, dimension: 'COLUMNS', startIndex: 9, endIndex: 10 }, destinationIndex: 0 } },
          ],
        },
      });
      standIn.resetRequests();
      const later = source(id);
      await syncSpreadsheet(db, later, { now: '2027-03-01' });
      expect(calls(standIn.requests)).toEqual(['GET  200', 'GET /values:batchGet 200', 'POST /values:batchUpdate 200']);

      const values = standIn.values(id, '案件');
      expect(values[2]).toEqual(['要注意', '顧客名', '案件名', 'ステージ', '担当者', '見積提出日', 'ID [SFA]', 'ステージ開始日 [SFA]', '', 'ボール滞留日数 [SFA]', 'フラグ理由 [SFA]']);
      // 提案 since 2026-12-01: 90 days in stage on 2027-03-01, stale, in the moved and the cleared columns.
      expect(values[3]?.[0]).toContain('停滞');
      expect(values[3]?.[8]).toBe(90);
    });
  });

  it('reads every tab with one spreadsheets.get and one values.batchGet, unformatted, dates as serials', async () => {
    const id = dealsSpreadsheet();
    standIn.resetRequests();
    const google = source(id);
    await expect(google.identify()).resolves.toEqual({ spreadsheetId: id, kind: 'google', title: '営業管理', timeZone: 'Asia/Tokyo' });
    const grids = await google.read();
    expect(grids.map((g) => g.name)).toEqual(['案件', 'メモ']);
    expect(grids[0]?.rows[4]).toEqual(['東西物産', '保守契約更新', '見積提出', '鈴木', 46350]);
    expect(calls(standIn.requests)).toEqual(['GET  200', 'GET /values:batchGet 200']);
    expect(google.requestCount).toEqual({ reads: 2, writes: 0 });
  });

  it('reads only the mapped tabs when told them', async () => {
    const id = dealsSpreadsheet();
    const grids = await source(id, { tabs: ['案件'] }).read();
    expect(grids.map((g) => g.name)).toEqual(['案件']);
  });

  it('clears a cell the plan sets to null, writing "" rather than a JSON null that would leave it', async () => {
    const id = dealsSpreadsheet();
    const first = source(id);
    await first.read();
    await first.apply(onePlan('案件', { headerRow: 3, writes: [{ row: 4, column: 5, value: 'x' }, { row: 5, column: 5, value: null }] }));
    expect(standIn.values(id, '案件').slice(3).map((r) => r[4] ?? '')).toEqual(['x', '', '']);
  });

  it('splits value writes over 2 MB into several requests, each under 2 MB', async () => {
    const rowCount = 30_000;
    const id = standIn.createSpreadsheet({ title: '大量', sheets: [{ title: '案件', rows: [['案件名', 'メモ']], rowCount, columnCount: 2 }], sharedWith: [SERVICE_ACCOUNT] });
    const writes: CellWrite[] = [];
    for (let row = 2; row <= rowCount; row++) writes.push({ row, column: 2, value: `停滞:提案に${row}日(目安21日)・ボール滞留あり・次回予定日超過` });
    const google = source(id);
    await google.read();
    standIn.resetRequests();
    await google.apply(onePlan('案件', { writes }));
    const posts = standIn.requests.filter((r) => r.path.endsWith('values:batchUpdate'));
    expect(posts.length).toBeGreaterThanOrEqual(2);
    for (const p of posts) {
      expect(p.status).toBe(200);
      expect(p.requestBytes).toBeLessThanOrEqual(2_000_000);
    }
    expect(posts.reduce((n, p) => n + p.requestBytes, 0)).toBeGreaterThan(2_000_000);
    const values = standIn.values(id, '案件');
    expect(values).toHaveLength(rowCount);
    expect(values[1]?.[1]).toBe('停滞:提案に2日(目安21日)・ボール滞留あり・次回予定日超過');
    expect(values[rowCount - 1]?.[1]).toBe(`停滞:提案に${rowCount}日(目安21日)・ボール滞留あり・次回予定日超過`);
  });

  it('retries a read refused with 429, then succeeds', async () => {
    const id = dealsSpreadsheet();
    standIn.resetRequests();
    standIn.failNext({ pathIncludes: 'values:batchGet' }, 429, 1);
    const google = source(id);
    const grids = await google.read();
    expect(grids).toHaveLength(2);
    expect(calls(standIn.requests)).toEqual(['GET  200', 'GET /values:batchGet 429', 'GET /values:batchGet 200']);
    expect(google.requestCount).toEqual({ reads: 3, writes: 0 });
  });

  it('retries a values write that failed with 500, then succeeds', async () => {
    const id = dealsSpreadsheet();
    const google = source(id);
    await google.read();
    standIn.resetRequests();
    standIn.failNext({ pathIncludes: 'values:batchUpdate' }, 500, 1);
    await google.apply(onePlan('案件', { headerRow: 3, writes: [{ row: 4, column: 5, value: 'ok' }] }));
    expect(calls(standIn.requests)).toEqual(['POST /values:batchUpdate 500', 'POST /values:batchUpdate 200']);
    expect(google.requestCount.writes).toBe(2);
    expect(standIn.values(id, '案件')[3]?.[4]).toBe('ok');
  });

  it('gives up after six attempts with an error saying to try again later', async () => {
    const id = dealsSpreadsheet();
    standIn.failNext({ pathIncludes: `/v4/spreadsheets/${id}` }, 503, 6);
    const google = source(id);
    await expect(google.identify()).rejects.toThrow(/Google Sheets failed to read spreadsheet .* \(HTTP 503.*try again later/);
    expect(google.requestCount.reads).toBe(6);
  });

  it('tells the user to share the sheet with the service account when it is not shared', async () => {
    const id = dealsSpreadsheet([MANAGER]);
    standIn.resetRequests();
    const failure = source(id).identify();
    await expect(failure).rejects.toBeInstanceOf(SyncError);
    await expect(failure).rejects.toMatchObject({ code: 'source_unreachable', message: expect.stringContaining(`share the sheet with ${SERVICE_ACCOUNT} as an Editor`) });
    // A refusal is not retried.
    expect(standIn.requests).toHaveLength(1);
  });

  it('stays within the per-user quota through the pacer, never meeting a 429', async () => {
    let now = 0;
    const clock = () => now;
    const quota = await startSheetsStandIn({ quotaPerMinutePerUser: 60, clock });
    try {
      const key = await quota.createServiceAccount(SERVICE_ACCOUNT);
      const client = createSheetsClient({ credentials: parseServiceAccountKey(key), rootUrl: quota.rootUrl });
      const id = quota.createSpreadsheet({ title: 'q', sheets: [{ title: 'S', rows: [['a']] }], sharedWith: [SERVICE_ACCOUNT] });
      const pacer = new RequestPacer({ now: clock, sleep: async (ms) => void (now += ms) });
      for (let sync = 0; sync < 40; sync++) {
        const google = new GoogleSheetSource(client, id, { pacer, retry: { maxAttempts: 1 } });
        await google.identify();
        await google.read();
        now += 10;
      }
      expect(quota.requests).toHaveLength(80);
      expect(quota.requests.every((r) => r.status === 200)).toBe(true);
      // 80 reads at 60 a minute: the pacer waited about a minute, once.
      expect(now).toBeGreaterThanOrEqual(60_000);
      expect(now).toBeLessThan(61_000);
    } finally {
      await quota.close();
    }
  });
});

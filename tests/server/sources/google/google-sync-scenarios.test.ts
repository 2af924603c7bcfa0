// The Google Sheets source end to end: the sync engine on a real Postgres, the real googleapis
// client, and the local Sheets API stand-in. Between syncs a user sorts, moves a service column and
// deletes rows through the API as they would in the UI; faults are injected on the wire.
import { google, type sheets_v4 } from 'googleapis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CellValue } from '../../../../shared/cells/cell-value.ts';
import { FLAG_MESSAGES } from '../../../../shared/flags/flag-messages.ts';
import { serviceColumnOfHeader, serviceHeader, type ServiceColumnKey } from '../../../../shared/write-plan/service-columns.ts';
import { createDb, type Db } from '../../../../server/db/database.ts';
import { migrateToLatest } from '../../../../server/db/migrate.ts';
import { GoogleSheetSource } from '../../../../server/sources/google/google-sheet-source.ts';
import { createSheetsClient } from '../../../../server/sources/google/sheets-client.ts';
import { syncSpreadsheet } from '../../../../server/sync/sync-engine.ts';
import { createTestDatabase, describeIfPostgres, type TestDatabase } from '../../../support/postgres-database.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../../support/sheets-api/sheets-stand-in.ts';
import { dealGrid, DEAL_HEADERS, serial } from '../../sync/test-sheet.ts';

const SA = 'sheets-sfa@sfa-test.iam.gserviceaccount.com';
const USER = 'manager@example.co.jp';
const TAB = '案件一覧';
const HEADER_ROW = 3;
const FAST_RETRY = { sleep: async () => undefined, maxAttempts: 4 };

function dealRows(count: number) {
  const stages = ['提案', '見積提出', 'クロージング', 'リード'];
  return dealGrid(
    Array.from({ length: count }, (_, i) => ({
      title: `案件${String(i).padStart(3, '0')}`,
      account: `顧客${String((i * 7) % count).padStart(3, '0')}`,
      stage: stages[i % stages.length] as string,
      owner: i % 2 === 0 ? '佐藤' : '田中',
      stageChangedOn: serial(i % 3 === 0 ? '2026-09-01' : '2026-11-10'),
      amount: 100_000 * (i + 1),
    })),
    { name: TAB },
  ).rows as CellValue[][];
}

/** A column of the tab by its header text, 1-based. */
function columnOf(values: readonly (readonly CellValue[])[], header: string): number {
  const at = (values[HEADER_ROW - 1] ?? []).findIndex((c) => c === header);
  if (at < 0) throw new Error(`no header ${header}: ${JSON.stringify(values[HEADER_ROW - 1])}`);
  return at + 1;
}

function serviceColumnsOf(values: readonly (readonly CellValue[])[]): Map<ServiceColumnKey, number> {
  const found = new Map<ServiceColumnKey, number>();
  (values[HEADER_ROW - 1] ?? []).forEach((c, i) => {
    const key = typeof c === 'string' ? serviceColumnOfHeader(c) : null;
    if (key !== null) {
      if (found.has(key)) throw new Error(`two ${key} columns`);
      found.set(key, i + 1);
    }
  });
  return found;
}

/** Title → cells of each data row. */
function rowsByTitle(values: readonly (readonly CellValue[])[]): Map<string, readonly CellValue[]> {
  const title = columnOf(values, DEAL_HEADERS.title);
  const out = new Map<string, readonly CellValue[]>();
  for (const row of values.slice(HEADER_ROW)) {
    const t = row[title - 1];
    if (typeof t === 'string' && t !== '') out.set(t, row);
  }
  return out;
}

describeIfPostgres('GoogleSheetSource with the sync engine', () => {
  let standIn: SheetsStandIn;
  let testDb: TestDatabase;
  let db: Db;
  let sheets: sheets_v4.Sheets;
  let userSheets: sheets_v4.Sheets;

  beforeAll(async () => {
    standIn = await startSheetsStandIn();
    testDb = await createTestDatabase('google_source');
    db = createDb({ kind: 'postgres', url: testDb.url });
    await migrateToLatest(db);
    const key = await standIn.createServiceAccount(SA);
    sheets = createSheetsClient({ credentials: key, rootUrl: standIn.rootUrl });
    const auth = new google.auth.OAuth2();
    auth.setCredentials({ access_token: standIn.userToken(USER) });
    userSheets = google.sheets({ version: 'v4', rootUrl: standIn.rootUrl, auth });
  });

  afterAll(async () => {
    await db?.destroy();
    await testDb?.drop();
    await standIn?.close();
  });

  const sync = (spreadsheetId: string, now: string) =>
    syncSpreadsheet(db, new GoogleSheetSource(sheets, spreadsheetId, { pacer: null, retry: FAST_RETRY }), { now, trigger: 'recompute' });

  it('keeps ids with their rows and writes into the moved column after a user sorts, moves a service column and deletes rows', async () => {
    const id = standIn.createSpreadsheet({ title: '営業管理', timeZone: 'Asia/Tokyo', sheets: [{ title: TAB, rows: dealRows(40) }], sharedWith: [SA, USER] });
    await sync(id, '2026-11-20');
    const first = standIn.values(id, TAB);
    const columns = serviceColumnsOf(first);
    expect([...columns.keys()]).toEqual(['id', 'stageEnteredOn', 'daysInStage', 'ballDays', 'flags', 'flagReasons']);
    const idOfTitle = new Map([...rowsByTitle(first)].map(([t, row]) => [t, row[(columns.get('id') as number) - 1]]));
    expect(new Set(idOfTitle.values()).size).toBe(40);

    // The one-time setup landed: tags, warning-only protection, highlights, filter views, the dropdown, the hidden id.
    const sheet = standIn.inspect(id).sheets?.[0];
    const tags = (sheet?.data?.[0]?.columnMetadata ?? []).flatMap((m, i) => (m.developerMetadata ?? []).map((d) => [d.metadataValue, i + 1]));
    expect(Object.fromEntries(tags)).toEqual(Object.fromEntries(columns));
    expect(sheet?.protectedRanges?.every((p) => p.warningOnly === true)).toBe(true);
    expect(sheet?.conditionalFormats).toHaveLength(2);
    expect(sheet?.filterViews?.map((f) => f.title)).toEqual([
      FLAG_MESSAGES.stale.label.ja,
      FLAG_MESSAGES.ball_follow_up.label.ja,
      FLAG_MESSAGES.next_action_overdue.label.ja,
      FLAG_MESSAGES.handoff_unattended.label.ja,
      FLAG_MESSAGES.cost_review.label.ja,
    ]);
    expect(sheet?.data?.[0]?.columnMetadata?.[(columns.get('id') as number) - 1]?.hiddenByUser).toBe(true);

    // The user sorts the data rows by account, moves the flags column to the far left and deletes three rows.
    const sheetId = sheet?.properties?.sheetId ?? 0;
    const width = first[HEADER_ROW - 1]?.length ?? 0;
    const accountColumn = columnOf(first, DEAL_HEADERS.account);
    const flags = columns.get('flags') as number;
    await userSheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          { sortRange: { range: { sheetId, startRowIndex: HEADER_ROW, endRowIndex: HEADER_ROW + 40, startColumnIndex: 0, endColumnIndex: width }, sortSpecs: [{ dimensionIndex: accountColumn - 1, sortOrder: 'DESCENDING' }] } },
          { moveDimension: { source: { sheetId, dimension: 'COLUMNS', startIndex: flags - 1, endIndex: flags }, destinationIndex: 0 } },
          { deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: HEADER_ROW + 2, endIndex: HEADER_ROW + 5 } } },
        ],
      },
    });
    // And renames the moved header: the developer metadata still says what it is.
    await userSheets.spreadsheets.values.update({ spreadsheetId: id, range: `'${TAB}'!A${HEADER_ROW}`, valueInputOption: 'USER_ENTERED', requestBody: { values: [['要対応']] } });
    const edited = standIn.values(id, TAB);
    const teamBefore = [...rowsByTitle(edited)].map(([t, row]) => [t, row.slice(1, width - 5)]);
    const deleted = [...idOfTitle.keys()].filter((t) => !rowsByTitle(edited).has(t));
    expect(deleted).toHaveLength(3);

    const report = await sync(id, '2026-11-21');
    expect(report.tabs[0]).toMatchObject({ read: 37, inserted: 0, removed: 3 });
    const after = standIn.values(id, TAB);
    // No column was added: the renamed, moved flags column is still the service's.
    expect(after[HEADER_ROW - 1]?.length).toBe(width);
    expect(after[HEADER_ROW - 1]?.[0]).toBe('要対応');
    const idColumn = (after[HEADER_ROW - 1] ?? []).findIndex((c) => c === serviceHeader('id', 'ja')) + 1;
    for (const [title, row] of rowsByTitle(after)) expect(row[idColumn - 1], title).toBe(idOfTitle.get(title));
    // The flags now land in column A; every stale deal (in stage since September) shows it there.
    for (const [title, row] of rowsByTitle(after)) {
      const since = Number(title.slice(2)) % 3 === 0;
      const stage = row[columnOf(after, DEAL_HEADERS.stage) - 1];
      if (since && stage !== 'リード') expect(String(row[0]), title).toContain(FLAG_MESSAGES.stale.label.ja);
    }
    // Not one of the team's cells changed.
    expect([...rowsByTitle(after)].map(([t, row]) => [t, row.slice(1, width - 5)])).toEqual(teamBefore);
    // The deleted rows are tombstones in Postgres, not gone.
    const removed = await db.selectFrom('deals').select('title').where('spreadsheet_id', '=', id).where('removed_at', 'is not', null).execute();
    expect(removed.map((r) => r.title).sort()).toEqual(deleted.sort());
  });

  it('reads in two requests and writes a steady-state re-sync in none', async () => {
    const id = standIn.createSpreadsheet({ title: '営業管理 2', timeZone: 'Asia/Tokyo', sheets: [{ title: TAB, rows: dealRows(10) }], sharedWith: [SA] });
    await sync(id, '2026-11-20');
    standIn.resetRequests();
    const report = await sync(id, '2026-11-20');
    expect(report.cellsWritten).toBe(0);
    expect(standIn.requests.map((r) => r.kind)).toEqual(['read', 'read']);
  });

  it('retries a 429 on the read and completes', async () => {
    const id = standIn.createSpreadsheet({ title: '営業管理 3', timeZone: 'Asia/Tokyo', sheets: [{ title: TAB, rows: dealRows(5) }], sharedWith: [SA] });
    standIn.resetRequests();
    standIn.failNext({ pathIncludes: 'values:batchGet' }, 429);
    const report = await sync(id, '2026-11-20');
    expect(report.tabs[0]?.inserted).toBe(5);
    expect(standIn.requests.filter((r) => r.path.includes('values:batchGet')).map((r) => r.status)).toEqual([429, 200]);
  });

  it('leaves Postgres consistent when the write-back keeps failing, and the next sync completes the sheet', async () => {
    const id = standIn.createSpreadsheet({ title: '営業管理 4', timeZone: 'Asia/Tokyo', sheets: [{ title: TAB, rows: dealRows(12) }], sharedWith: [SA] });
    standIn.failNext({ method: 'POST', pathIncludes: 'values:batchUpdate' }, 500, FAST_RETRY.maxAttempts);
    await expect(sync(id, '2026-11-20')).rejects.toThrow();
    const runs = await db.selectFrom('sync_runs').select(['outcome', 'error']).where('spreadsheet_id', '=', id).execute();
    expect(runs).toEqual([expect.objectContaining({ outcome: 'failed', error: expect.stringContaining('write-back failed') })]);
    // The setup went in atomically (headers and tags), the cells did not.
    const half = standIn.values(id, TAB);
    const idColumn = serviceColumnsOf(half).get('id') as number;
    expect(half.slice(HEADER_ROW).every((row) => row[idColumn - 1] === undefined || row[idColumn - 1] === '')).toBe(true);
    const stored = await db.selectFrom('deals').select((eb) => eb.fn.countAll<string>().as('n')).where('spreadsheet_id', '=', id).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(12);

    const report = await sync(id, '2026-11-20');
    expect(report.tabs[0]).toMatchObject({ read: 12, inserted: 0 });
    const done = standIn.values(id, TAB);
    expect(serviceColumnsOf(done).size).toBe(6);
    const ids = done.slice(HEADER_ROW).map((row) => row[idColumn - 1]);
    const inDb = await db.selectFrom('deals').select('id').where('spreadsheet_id', '=', id).where('removed_at', 'is', null).execute();
    expect(new Set(ids)).toEqual(new Set(inDb.map((r) => r.id)));
    expect(inDb).toHaveLength(12);
  });

  it('completes every service cell on the next sync when the write-back failed partway', async () => {
    const retry = { sleep: async () => undefined, maxAttempts: 3 };
    // Small enough that the 12 rows' cells take several values.batchUpdate bodies.
    const source = (spreadsheetId: string) => new GoogleSheetSource(sheets, spreadsheetId, { pacer: null, retry, maxRequestBytes: 400 });
    const syncOnce = (spreadsheetId: string) => syncSpreadsheet(db, source(spreadsheetId), { now: '2026-11-20', trigger: 'recompute' });
    const valueWrites = () => standIn.requests.filter((r) => r.path.endsWith('values:batchUpdate'));
    // A copy synced without faults: what every service cell should hold, and how many bodies it takes.
    const clean = standIn.createSpreadsheet({ title: '営業管理 5 (copy)', timeZone: 'Asia/Tokyo', sheets: [{ title: TAB, rows: dealRows(12) }], sharedWith: [SA] });
    standIn.resetRequests();
    await syncOnce(clean);
    const bodies = valueWrites().length;
    expect(bodies).toBeGreaterThanOrEqual(4);

    const id = standIn.createSpreadsheet({ title: '営業管理 5', timeZone: 'Asia/Tokyo', sheets: [{ title: TAB, rows: dealRows(12) }], sharedWith: [SA] });
    // The first body lands; the second fails on every attempt, so the later ones are never sent.
    standIn.failNext({ method: 'POST', pathIncludes: 'values:batchUpdate' }, 500, retry.maxAttempts, { after: 1 });
    standIn.resetRequests();
    await expect(syncOnce(id)).rejects.toThrow();
    expect(valueWrites().map((r) => r.status)).toEqual([200, 500, 500, 500]);
    const half = standIn.values(id, TAB);
    const columns = serviceColumnsOf(half);
    const idColumn = columns.get('id') as number;
    const serviceCells = (values: readonly (readonly CellValue[])[], key: ServiceColumnKey) =>
      values.slice(HEADER_ROW).map((row) => row[(columns.get(key) as number) - 1] ?? '');
    expect(serviceCells(half, 'id').some((v) => v !== '')).toBe(true);
    expect(serviceCells(half, 'daysInStage').every((v) => v === '')).toBe(true);

    standIn.resetRequests();
    const report = await syncOnce(id);
    expect(report.tabs[0]).toMatchObject({ read: 12, inserted: 0 });
    expect(standIn.requests.every((r) => r.status === 200)).toBe(true);
    const done = standIn.values(id, TAB);
    expect(serviceColumnsOf(done)).toEqual(columns);
    const inDb = await db.selectFrom('deals').select('id').where('spreadsheet_id', '=', id).where('removed_at', 'is', null).execute();
    expect(inDb).toHaveLength(12);
    expect(new Set(serviceCells(done, 'id'))).toEqual(new Set(inDb.map((r) => r.id)));
    // Every other service cell as the sync that never failed wrote it.
    const withoutIds = (values: readonly (readonly CellValue[])[]) => [...rowsByTitle(values)].map(([title, row]) => [title, row.filter((_, i) => i !== idColumn - 1)]);
    expect(withoutIds(done)).toEqual(withoutIds(standIn.values(clean, TAB)));
    expect(serviceCells(done, 'daysInStage').every((v) => typeof v === 'number')).toBe(true);
    // And nothing is left for a third sync to write.
    expect((await syncOnce(id)).cellsWritten).toBe(0);
  });

  it('says whom to share with when the service account cannot open the sheet', async () => {
    const id = standIn.createSpreadsheet({ title: '共有なし', sheets: [{ title: TAB, rows: dealRows(2) }], sharedWith: [USER] });
    await expect(sync(id, '2026-11-20')).rejects.toMatchObject({ code: 'source_unreachable', message: expect.stringContaining(SA) });
  });
});

// The service's own Google path (the scheduled recompute): syncSpreadsheet with GoogleSheetSource,
// through the real googleapis client, against the local Sheets API v4 stand-in, 20 columns.
//   (a) first sync of a freshly seeded spreadsheet, on a fresh stand-in and database (each run);
//   (b) re-sync after a user edited 1% of rows through the API (each run another 1%);
//   (c) re-sync with nothing changed, checked to write nothing.
// Every request the service account sends is counted from the stand-in's log. The stand-in has no
// quota and the source no pacer (Google's 60 requests a minute would only add waiting here); it
// serves from this worker's event loop, so its own work is inside the measured times.
import type { sheets_v4 } from 'googleapis';
import type { IsoDate } from '../shared/calendar/iso-date.ts';
import type { CellValue } from '../shared/cells/cell-value.ts';
import { serviceColumnOfHeader } from '../shared/write-plan/service-columns.ts';
import type { Db } from '../server/db/database.ts';
import { openDatabase } from '../server/db/open-database.ts';
import { GoogleSheetSource } from '../server/sources/google/google-sheet-source.ts';
import { createSheetsClient } from '../server/sources/google/sheets-client.ts';
import { syncSpreadsheet } from '../server/sync/sync-engine.ts';
import type { SyncReport } from '../server/sync/sync-report.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../tests/support/sheets-api/sheets-stand-in.ts';
import { sheetsAsUser } from '../tests/support/sheets-api/stand-in-clients.ts';
import { createBenchDatabase, withPgClient, type BenchDatabase } from './bench-database.ts';
import { DEAL_SHEET_NAME } from './deal-sheet.ts';
import { editThroughApi } from './stand-in-edits.ts';
import { allowedWrites, tallyRequests, type RequestTally } from './stand-in-requests.ts';
import { TimedSource } from './timed-source.ts';
import { generateWideDealGrid, WIDE_COLUMNS } from './wide-deal-sheet.ts';

export interface GoogleCaseOptions {
  readonly rows: number;
  readonly runs: number;
  readonly seed: number;
  readonly today: IsoDate;
  readonly editFraction: number;
}

export interface GoogleSyncRun extends RequestTally {
  readonly ms: number;
  /** spreadsheets.get + values.batchGet, as the source saw them. */
  readonly readMs: number;
  /** The setup batchUpdate and the value writes. */
  readonly applyMs: number;
  /** What GoogleSheetSource counted itself; must agree with the stand-in. */
  readonly sourceCount: { readonly reads: number; readonly writes: number };
  readonly allowedWrites: number;
  readonly cellsWritten: number;
  readonly inserted: number;
  readonly updated: number;
  readonly removed: number;
}

export interface GoogleCasesResult {
  readonly rows: number;
  readonly columns: number;
  /** createSpreadsheet of the generated rows in the stand-in (first run), not part of any sync. */
  readonly seedMs: number;
  readonly full: readonly GoogleSyncRun[];
  readonly edit: readonly GoogleSyncRun[];
  readonly noop: readonly GoogleSyncRun[];
  readonly problems: readonly string[];
}

const SERVICE_ACCOUNT = 'sheets-sfa@sfa-bench.iam.gserviceaccount.com';
const USER = 'manager@example.co.jp';

interface Scenario {
  readonly standIn: SheetsStandIn;
  readonly sheets: sheets_v4.Sheets;
  readonly spreadsheetId: string;
  readonly database: BenchDatabase;
  readonly db: Db;
}

async function freshScenario(adminUrl: string, rows: CellValue[][], label: string): Promise<{ scenario: Scenario; seedMs: number }> {
  const standIn = await startSheetsStandIn({ quotaPerMinutePerUser: null });
  try {
    const key = await standIn.createServiceAccount(SERVICE_ACCOUNT);
    const seedStart = performance.now();
    // RAW: the generated values are stored exactly, not re-read as typed text.
    const spreadsheetId = standIn.createSpreadsheet({
      title: '営業案件管理',
      timeZone: 'Asia/Tokyo',
      locale: 'ja_JP',
      sheets: [{ title: DEAL_SHEET_NAME, rows, valueInputOption: 'RAW' }],
      sharedWith: [SERVICE_ACCOUNT, USER],
    });
    const seedMs = performance.now() - seedStart;
    const database = await createBenchDatabase(adminUrl, label);
    const db = await openDatabase({ kind: 'postgres', url: database.url });
    const sheets = createSheetsClient({ credentials: key, rootUrl: standIn.rootUrl });
    return { scenario: { standIn, sheets, spreadsheetId, database, db }, seedMs };
  } catch (error) {
    await standIn.close();
    throw error;
  }
}

async function close(s: Scenario): Promise<void> {
  await s.db.destroy();
  await s.database.drop();
  await s.standIn.close();
}

async function sync(s: Scenario, today: IsoDate): Promise<{ run: GoogleSyncRun; report: SyncReport }> {
  s.standIn.resetRequests();
  const google = new GoogleSheetSource(s.sheets, s.spreadsheetId, { pacer: null });
  const source = new TimedSource(google);
  const start = performance.now();
  const report = await syncSpreadsheet(s.db, source, { now: today, trigger: 'recompute' });
  const ms = performance.now() - start;
  const tally = tallyRequests(s.standIn.requests, SERVICE_ACCOUNT);
  const deals = report.tabs.find((t) => t.kind === 'deals');
  return {
    report,
    run: {
      ms,
      readMs: source.times.identifyMs + source.times.readMs,
      applyMs: source.times.applyMs,
      ...tally,
      sourceCount: { ...google.requestCount },
      allowedWrites: allowedWrites(tally.valueWriteBytes),
      cellsWritten: report.cellsWritten,
      inserted: deals?.inserted ?? Number.NaN,
      updated: deals?.updated ?? Number.NaN,
      removed: deals?.removed ?? Number.NaN,
    },
  };
}

/** Data rows of the tab whose service id cell is filled. */
function rowsWithIds(values: readonly (readonly CellValue[])[]): number {
  const idColumn = (values[0] ?? []).findIndex((h) => typeof h === 'string' && serviceColumnOfHeader(h) === 'id');
  if (idColumn < 0) return 0;
  return values.slice(1).filter((r) => typeof r[idColumn] === 'string' && r[idColumn] !== '').length;
}

export async function runGoogleCases(adminUrl: string, options: GoogleCaseOptions): Promise<GoogleCasesResult> {
  const problems: string[] = [];
  const check = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  const checkRequests = (label: string, r: GoogleSyncRun): void => {
    check(r.failed === 0, `${label}: ${r.failed} requests failed`);
    check(r.reads === r.sourceCount.reads && r.writes === r.sourceCount.writes, `${label}: stand-in saw ${r.reads}/${r.writes} reads/writes, the source counted ${r.sourceCount.reads}/${r.sourceCount.writes}`);
  };
  // The local copy of the tab's user columns: the edits are made on it, then sent.
  const grid = generateWideDealGrid(options.rows, options);

  const full: GoogleSyncRun[] = [];
  let seedMs = Number.NaN;
  let scenario: Scenario | null = null;
  try {
    for (let run = 0; run < options.runs; run++) {
      if (scenario !== null) await close(scenario);
      scenario = null;
      const fresh = await freshScenario(adminUrl, grid, `google_${options.rows}_${run}`);
      scenario = fresh.scenario;
      if (run === 0) seedMs = fresh.seedMs;
      const { run: measured } = await sync(scenario, options.today);
      const label = `(a) run ${run + 1}`;
      checkRequests(label, measured);
      check(measured.inserted === options.rows, `${label}: inserted ${measured.inserted}, expected ${options.rows}`);
      const ids = rowsWithIds(scenario.standIn.values(scenario.spreadsheetId, DEAL_SHEET_NAME));
      check(ids === options.rows, `${label}: ${ids} rows carry an id in the sheet, expected ${options.rows}`);
      full.push(measured);
    }
    if (scenario === null) throw new Error('runs must be at least 1');
    const s = scenario;
    const user = sheetsAsUser(s.standIn, USER);

    // As in sync-cases.ts: a re-sync comes minutes later, after autovacuum analyzed the load.
    await withPgClient(s.database.url, (client) => client.query('vacuum analyze'));

    // (b)
    const edit: GoogleSyncRun[] = [];
    for (let run = 0; run < options.runs; run++) {
      const edits = await editThroughApi(user, s.spreadsheetId, DEAL_SHEET_NAME, grid, options.editFraction, options.seed + 1000 + run);
      const { run: measured } = await sync(s, options.today);
      const label = `(b) run ${run + 1}`;
      checkRequests(label, measured);
      check(measured.updated === edits.rows, `${label}: updated ${measured.updated}, edited ${edits.rows}`);
      check(measured.inserted === 0 && measured.removed === 0, `${label}: inserted ${measured.inserted}, removed ${measured.removed}`);
      edit.push(measured);
    }

    // (c)
    const noop: GoogleSyncRun[] = [];
    for (let run = 0; run < options.runs; run++) {
      const { run: measured } = await sync(s, options.today);
      const label = `(c) run ${run + 1}`;
      checkRequests(label, measured);
      check(measured.writes === 0 && measured.cellsWritten === 0, `${label}: ${measured.writes} write requests, ${measured.cellsWritten} cells written`);
      check(measured.inserted === 0 && measured.updated === 0 && measured.removed === 0, `${label}: inserted ${measured.inserted}, updated ${measured.updated}, removed ${measured.removed}`);
      noop.push(measured);
    }
    return { rows: options.rows, columns: WIDE_COLUMNS, seedMs, full, edit, noop, problems };
  } finally {
    if (scenario !== null) await close(scenario);
  }
}

// The engine's three scenarios on real Postgres, with GridSource:
//   (a) first full sync of a fresh spreadsheet into a fresh database (best of `runs`);
//   (b) re-sync after 1% of rows were edited (each run edits another 1%);
//   (c) re-sync with nothing changed, checked to write no deal rows and no cells.
// The first (a) run is also where peak RSS is measured: this runs in a fresh worker process.
import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../shared/calendar/iso-date.ts';
import type { Db } from '../server/db/database.ts';
import { openDatabase } from '../server/db/open-database.ts';
import { GridSource } from '../server/sources/grid/grid-source.ts';
import { syncSpreadsheet } from '../server/sync/sync-engine.ts';
import type { SyncReport, TabCounts } from '../server/sync/sync-report.ts';
import { createBenchDatabase, withPgClient, type BenchDatabase } from './bench-database.ts';
import { DEAL_SHEET_NAME, generateDealGrid } from './deal-sheet.ts';
import { editRows } from './edit-rows.ts';
import { measurePeakRss, type RssPeak } from './rss-sampler.ts';
import { timed } from './timing.ts';
import { markWrites, rowsWrittenSince, type RowsWritten } from './write-audit.ts';

export interface SyncCaseOptions {
  readonly rows: number;
  readonly runs: number;
  readonly seed: number;
  readonly today: IsoDate;
  /** Share of rows edited before each (b) run. */
  readonly editFraction: number;
}

export interface FullSyncRun {
  readonly ms: number;
  readonly inserted: number;
  readonly cellsWritten: number;
  readonly issues: number;
}

export interface EditSyncRun {
  readonly ms: number;
  readonly edited: number;
  readonly updated: number;
  readonly inserted: number;
  readonly removed: number;
  readonly cellsWritten: number;
  readonly stageHistoryAdded: number;
  readonly written: RowsWritten;
}

export interface NoopSyncRun {
  readonly ms: number;
  readonly counts: Pick<TabCounts, 'inserted' | 'updated' | 'removed' | 'unchanged'>;
  readonly cellsWritten: number;
  readonly written: RowsWritten;
}

export interface SyncCasesResult {
  readonly rows: number;
  /** RSS of the worker once the engine's modules were loaded, before any grid existed, MB. */
  readonly modulesRssMb: number;
  readonly full: readonly FullSyncRun[];
  /** Peak RSS of the first full sync, in a process that had only generated the grid. */
  readonly fullSyncRss: RssPeak;
  readonly edit: readonly EditSyncRun[];
  readonly noop: readonly NoopSyncRun[];
  readonly problems: readonly string[];
}

function dealCounts(report: SyncReport): TabCounts {
  const tab = report.tabs.find((t) => t.kind === 'deals');
  if (tab === undefined) throw new Error('sync report has no deals tab');
  return tab;
}

interface Scenario {
  readonly database: BenchDatabase;
  readonly db: Db;
  readonly source: GridSource;
  readonly spreadsheetId: string;
}

async function freshScenario(adminUrl: string, options: SyncCaseOptions, run: number): Promise<Scenario> {
  const database = await createBenchDatabase(adminUrl, `sync_${options.rows}_${run}`);
  const db = await openDatabase({ kind: 'postgres', url: database.url });
  const spreadsheetId = `bench:${options.rows}:${run}:${randomUUID()}`;
  const source = new GridSource(
    { spreadsheetId, kind: 'values', title: `bench ${options.rows} rows`, timeZone: 'Asia/Tokyo' },
    [{ name: DEAL_SHEET_NAME, rows: generateDealGrid(options.rows, options) }],
  );
  return { database, db, source, spreadsheetId };
}

async function close(scenario: Scenario): Promise<void> {
  await scenario.db.destroy();
  await scenario.database.drop();
}

export async function runSyncCases(adminUrl: string, options: SyncCaseOptions): Promise<SyncCasesResult> {
  const modulesRssMb = process.memoryUsage.rss() / 1024 / 1024;
  const problems: string[] = [];
  const check = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  const sync = (s: Scenario) => syncSpreadsheet(s.db, s.source, { now: options.today });

  // (a): every run on a fresh database and spreadsheet id; the last one is kept for (b) and (c).
  const full: FullSyncRun[] = [];
  let fullSyncRss: RssPeak | null = null;
  let scenario: Scenario | null = null;
  for (let run = 0; run < options.runs; run++) {
    if (scenario !== null) await close(scenario);
    const s = await freshScenario(adminUrl, options, run);
    scenario = s;
    let ms: number;
    let report: SyncReport;
    if (run === 0) {
      const measured = await measurePeakRss(() => timed(() => sync(s)));
      fullSyncRss = measured.rss;
      ({ ms, result: report } = measured.result);
    } else {
      ({ ms, result: report } = await timed(() => sync(s)));
    }
    const counts = dealCounts(report);
    check(counts.inserted === options.rows, `(a) run ${run + 1}: inserted ${counts.inserted}, expected ${options.rows}`);
    check(s.source.appliedPlans === 1, `(a) run ${run + 1}: plan not applied`);
    full.push({ ms, inserted: counts.inserted, cellsWritten: report.cellsWritten, issues: report.issues.length });
  }
  if (scenario === null || fullSyncRss === null) throw new Error('runs must be at least 1');
  const s = scenario;

  // A re-sync comes minutes later, when autovacuum has analyzed the freshly loaded table.
  await withPgClient(s.database.url, (client) => client.query('vacuum analyze'));

  // (b)
  const edit: EditSyncRun[] = [];
  for (let run = 0; run < options.runs; run++) {
    const grid = s.source.grids[0];
    if (grid === undefined) throw new Error('grid source lost its tab');
    const edits = editRows(grid.rows, options.editFraction, options.seed + 1000 + run);
    const mark = await markWrites(s.database.url);
    const { ms, result: report } = await timed(() => sync(s));
    const written = await rowsWrittenSince(s.database.url, s.spreadsheetId, mark);
    const counts = dealCounts(report);
    const label = `(b) run ${run + 1}`;
    check(counts.updated === edits.rows.length, `${label}: updated ${counts.updated}, edited ${edits.rows.length}`);
    check(counts.inserted === 0 && counts.removed === 0, `${label}: inserted ${counts.inserted}, removed ${counts.removed}`);
    check(written.deals === edits.rows.length, `${label}: ${written.deals} deal rows written, edited ${edits.rows.length}`);
    edit.push({
      ms,
      edited: edits.rows.length,
      updated: counts.updated,
      inserted: counts.inserted,
      removed: counts.removed,
      cellsWritten: report.cellsWritten,
      stageHistoryAdded: written.dealStageHistory,
      written,
    });
  }

  // (c)
  const noop: NoopSyncRun[] = [];
  for (let run = 0; run < options.runs; run++) {
    const mark = await markWrites(s.database.url);
    const { ms, result: report } = await timed(() => sync(s));
    const written = await rowsWrittenSince(s.database.url, s.spreadsheetId, mark);
    const { inserted, updated, removed, unchanged } = dealCounts(report);
    const label = `(c) run ${run + 1}`;
    check(inserted === 0 && updated === 0 && removed === 0, `${label}: inserted ${inserted}, updated ${updated}, removed ${removed}`);
    check(report.cellsWritten === 0, `${label}: ${report.cellsWritten} cells written`);
    check(written.deals === 0 && written.dealsUpdatedAt === 0, `${label}: ${written.deals} deal rows written (${written.dealsUpdatedAt} by updated_at)`);
    check(written.dealStageHistory === 0, `${label}: ${written.dealStageHistory} stage history rows written`);
    check(written.dealCount === options.rows, `${label}: ${written.dealCount} deals stored, expected ${options.rows}`);
    noop.push({ ms, counts: { inserted, updated, removed, unchanged }, cellsWritten: report.cellsWritten, written });
  }

  await close(s);
  return { rows: options.rows, modulesRssMb, full, fullSyncRss, edit, noop, problems };
}

// The add-on's path end to end: POST /v1/spreadsheets/{id}/sync on the real service over
// loopback, with a 20-column sheet, and the answer applied to the grid as the add-on applies it.
//   (a) first sync of a fresh spreadsheet on a fresh service and database (each run);
//   (b) re-sync after 1% of rows were edited (each run edits another 1%);
//   (c) re-sync with nothing changed, checked to answer no runs and no new columns.
// Client and service share this worker's event loop, as they would not in production: the
// request time includes the client's own parse of the answer, the serialising is kept apart.
import type { IsoDate } from '../shared/calendar/iso-date.ts';
import type { CellValue } from '../shared/cells/cell-value.ts';
import type { MutableGrid } from '../server/sources/grid/grid-source.ts';
import { applyPlanWire } from '../tests/support/service/apply-plan-wire.ts';
import { DATE_COLUMNS, isoInstantExtraBytes } from './apps-script-dates.ts';
import { withPgClient } from './bench-database.ts';
import { DEAL_SHEET_NAME } from './deal-sheet.ts';
import { editRows } from './edit-rows.ts';
import { pushSheet, type PushAnswer, type PushTiming } from './push-client.ts';
import { startBenchService, type BenchService } from './push-service.ts';
import { generateWideDealGrid, WIDE_COLUMNS } from './wide-deal-sheet.ts';

export interface PushCaseOptions {
  readonly rows: number;
  readonly runs: number;
  readonly seed: number;
  readonly today: IsoDate;
  readonly editFraction: number;
}

export interface PushRun extends PushTiming {
  /** How much bigger this push would be with date cells sent as Dates (ISO instants). */
  readonly isoDatesExtraBytes: number;
  /** The sync engine's own duration inside the request (its sync_runs row). */
  readonly engineMs: number;
  /** Writing the answer's runs into the grid, as the add-on's setValues() calls would. */
  readonly applyMs: number;
  readonly planRuns: number;
  readonly newColumns: number;
  readonly cellsWritten: number;
  readonly inserted: number;
  readonly updated: number;
  readonly removed: number;
}

export interface PushCasesResult {
  readonly rows: number;
  readonly columns: number;
  readonly full: readonly PushRun[];
  readonly edit: readonly PushRun[];
  readonly noop: readonly PushRun[];
  readonly problems: readonly string[];
}

const TITLE = '営業案件管理';
// Noon in Tokyo on the benchmark's day: the service derives the business date from its clock.
const noonInTokyo = (day: IsoDate): Date => new Date(`${day}T03:00:00Z`);

async function engineMs(service: BenchService, spreadsheetId: string): Promise<number> {
  const run = await service.service.db
    .selectFrom('sync_runs')
    .select('duration_ms')
    .where('spreadsheet_id', '=', spreadsheetId)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return run?.duration_ms ?? Number.NaN;
}

async function push(service: BenchService, spreadsheetId: string, grid: MutableGrid, dateColumns: readonly number[]): Promise<{ run: PushRun; answer: PushAnswer }> {
  const isoDatesExtraBytes = isoInstantExtraBytes(grid.rows, dateColumns);
  const { timing, answer } = await pushSheet(service.url, service.token, spreadsheetId, TITLE, [{ name: grid.name, values: grid.rows }]);
  const applyStart = performance.now();
  const cellsWritten = applyPlanWire([grid], answer.plan);
  const applyMs = performance.now() - applyStart;
  const deals = answer.summary.tabs.find((t) => t.kind === 'deals');
  return {
    answer,
    run: {
      ...timing,
      isoDatesExtraBytes,
      engineMs: await engineMs(service, spreadsheetId),
      applyMs,
      planRuns: answer.plan.tabs.reduce((n, t) => n + t.runs.length, 0),
      newColumns: answer.plan.tabs.reduce((n, t) => n + t.newColumns.length, 0),
      cellsWritten,
      inserted: deals?.inserted ?? Number.NaN,
      updated: deals?.updated ?? Number.NaN,
      removed: deals?.removed ?? Number.NaN,
    },
  };
}

const copyRows = (rows: readonly (readonly CellValue[])[]): CellValue[][] => rows.map((r) => [...r]);

export async function runPushCases(adminUrl: string, options: PushCaseOptions): Promise<PushCasesResult> {
  const problems: string[] = [];
  const check = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  const pristine = generateWideDealGrid(options.rows, options);
  const spreadsheetId = `bench-push-${options.rows}`;

  // (a): each run pushes a fresh copy of the sheet to a fresh service; the last is kept.
  const full: PushRun[] = [];
  // The sheet's date columns, then also the service's own once the first answer formats them.
  let dateColumns = DATE_COLUMNS;
  let service: BenchService | null = null;
  const grid: MutableGrid = { name: DEAL_SHEET_NAME, rows: [] };
  try {
    for (let run = 0; run < options.runs; run++) {
      await service?.stop();
      service = null;
      service = await startBenchService(adminUrl, `push_${options.rows}_${run}`, noonInTokyo(options.today));
      grid.rows = copyRows(pristine);
      const { run: measured, answer } = await push(service, spreadsheetId, grid, DATE_COLUMNS);
      const serviceDates = answer.plan.tabs.flatMap((t) => t.setup.flatMap((step) => (step.kind === 'dateFormat' ? [step.column - 1] : [])));
      dateColumns = [...DATE_COLUMNS, ...serviceDates];
      const label = `(a) run ${run + 1}`;
      check(measured.inserted === options.rows, `${label}: inserted ${measured.inserted}, expected ${options.rows}`);
      check(measured.newColumns > 0 && measured.cellsWritten > 0, `${label}: the answer created no service columns or cells`);
      full.push(measured);
    }
    if (service === null) throw new Error('runs must be at least 1');
    const s = service;

    // As in sync-cases.ts: a re-sync comes minutes later, after autovacuum analyzed the load.
    await withPgClient(s.databaseUrl, (client) => client.query('vacuum analyze'));

    // (b)
    const edit: PushRun[] = [];
    for (let run = 0; run < options.runs; run++) {
      const edits = editRows(grid.rows, options.editFraction, options.seed + 1000 + run);
      const { run: measured } = await push(s, spreadsheetId, grid, dateColumns);
      const label = `(b) run ${run + 1}`;
      check(measured.updated === edits.rows.length, `${label}: updated ${measured.updated}, edited ${edits.rows.length}`);
      check(measured.inserted === 0 && measured.removed === 0, `${label}: inserted ${measured.inserted}, removed ${measured.removed}`);
      check(measured.newColumns === 0, `${label}: ${measured.newColumns} new columns`);
      edit.push(measured);
    }

    // (c)
    const noop: PushRun[] = [];
    for (let run = 0; run < options.runs; run++) {
      const { run: measured } = await push(s, spreadsheetId, grid, dateColumns);
      const label = `(c) run ${run + 1}`;
      check(measured.planRuns === 0 && measured.newColumns === 0, `${label}: answer has ${measured.planRuns} runs, ${measured.newColumns} new columns`);
      check(measured.inserted === 0 && measured.updated === 0 && measured.removed === 0, `${label}: inserted ${measured.inserted}, updated ${measured.updated}, removed ${measured.removed}`);
      noop.push(measured);
    }
    return { rows: options.rows, columns: WIDE_COLUMNS, full, edit, noop, problems };
  } finally {
    await service?.stop();
  }
}

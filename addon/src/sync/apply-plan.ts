// Applies a write plan through SpreadsheetApp: the service's columns (headers, tags, one-time
// formatting), the cells of its runs, and the rows born in the API. Nothing else in the sheet is
// touched: only the plan's cells are written, and every string is written as plain text.
import { cellText } from '../../../shared/cells/cell-text.ts';
import type { TabPlanWire, WritePlanWire } from '../../../shared/write-plan/plan-wire.ts';
import { appendedCellCount, appendedWrites, type AppendedWrite } from '../../../shared/write-plan/write-plan.ts';
import type { WriteRun } from '../../../shared/write-plan/write-runs.ts';
import { applySetupSteps } from './apply-setup.ts';
import { cellInput } from './cell-input.ts';
import { plainTextLookup, textCellBlock, textRunBlocks, type PlainTextLookup } from './plain-text-cells.ts';
import { relocateRuns, runsUnmoved, type IdSnapshot } from './row-relocation.ts';
import { tagServiceColumns } from './tag-service-columns.ts';

/** Per sheet, the id each pushed row showed: sheet → row → id. */
export type ExpectedRowIds = ReadonlyMap<string /* sheet */, ReadonlyMap<number /* row */, string /* id */>>;

export interface AppliedPlan {
  readonly cellsWritten: number;
  /** Cells not written because their row moved or vanished meanwhile: the next sync writes them. */
  readonly deferred: number;
  /** Setup steps SpreadsheetApp cannot carry out (filter views), left out. */
  readonly skippedSetup: number;
}

const DATE_FORMAT = 'yyyy/mm/dd';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function idText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? cellText(value) : '';
}

/** The id column as the sheet shows it now, below the header row. */
function idSnapshot(sheet: Sheet, idColumn: number | undefined, headerRow: number): IdSnapshot {
  const firstRow = headerRow + 1;
  const last = sheet.getLastRow();
  if (idColumn === undefined || last < firstRow || idColumn > sheet.getMaxColumns()) return { firstRow, ids: [] };
  return { firstRow, ids: sheet.getRange(firstRow, idColumn, last - headerRow, 1).getValues().map((r) => idText(r[0])) };
}

/** The widest column the tab's plan touches. */
function widestColumn(tab: TabPlanWire): number {
  let widest = 0;
  for (const c of Object.values(tab.columns)) widest = Math.max(widest, c ?? 0);
  for (const c of tab.newColumns) widest = Math.max(widest, c.column);
  for (const r of tab.runs) widest = Math.max(widest, r.column);
  for (const a of tab.appends ?? []) for (const c of a.cells) widest = Math.max(widest, c.column);
  return widest;
}

function ensureColumns(sheet: Sheet, needed: number): void {
  const max = sheet.getMaxColumns();
  if (needed > max) sheet.insertColumnsAfter(max, needed - max);
}

function ensureRows(sheet: Sheet, needed: number): void {
  const max = sheet.getMaxRows();
  if (needed > max) sheet.insertRowsAfter(max, needed - max);
}

function writeRun(sheet: Sheet, run: WriteRun, plainText: PlainTextLookup): number {
  sheet.getRange(run.startRow, run.column, run.values.length, 1).setValues(run.values.map((v, i) => [cellInput(v, plainText(run.startRow + i, run.column))]));
  return run.values.length;
}

const headerCells = (tab: TabPlanWire) => tab.newColumns.map((c) => ({ row: tab.headerRow, column: c.column, value: c.header }));

/** New columns' headers, one setValues per run of adjacent columns. */
function writeHeaders(sheet: Sheet, tab: TabPlanWire, plainText: PlainTextLookup): number {
  const sorted = [...tab.newColumns].sort((a, b) => a.column - b.column);
  let written = 0;
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i]?.column ?? 0;
    const row: (string | number)[] = [];
    while (i < sorted.length && sorted[i]?.column === first + row.length) row.push(cellInput(sorted[i++]?.header ?? null, plainText(tab.headerRow, first + row.length)));
    sheet.getRange(tab.headerRow, first, 1, row.length).setValues([row]);
    written += row.length;
  }
  return written;
}

/** Rows born in the API, below the last row holding data, skipping ids the tab already shows. */
function appendRows(sheet: Sheet, tab: TabPlanWire): number {
  if ((tab.appends ?? []).length === 0) return 0;
  const shown = new Set(idSnapshot(sheet, tab.columns.id, tab.headerRow).ids.filter((id) => id !== ''));
  const first = Math.max(sheet.getLastRow(), tab.headerRow) + 1;
  const writes = appendedWrites(tab, first, shown);
  if (writes.length === 0) return 0;
  ensureRows(sheet, Math.max(...writes.map((w) => w.row)));
  const plainText = plainTextLookup(sheet, textCellBlock(writes));
  // One setValues per run of adjacent cells in a row: the gaps between them stay untouched.
  const byRow = new Map<number, AppendedWrite[]>();
  for (const w of writes) {
    const list = byRow.get(w.row);
    if (list === undefined) byRow.set(w.row, [w]);
    else list.push(w);
  }
  for (const [row, cells] of byRow) {
    cells.sort((a, b) => a.column - b.column);
    let i = 0;
    while (i < cells.length) {
      const start = cells[i]?.column ?? 0;
      const values: (string | number)[] = [];
      while (i < cells.length && cells[i]?.column === start + values.length) {
        const cell = cells[i++];
        values.push(cellInput(cell?.value ?? null, plainText(row, cell?.column ?? 0)));
      }
      sheet.getRange(row, start, 1, values.length).setValues([values]);
    }
    for (const c of cells) if (c.format === 'date') sheet.getRange(row, c.column).setNumberFormat(DATE_FORMAT);
  }
  return writes.length;
}

function cellsOf(tab: TabPlanWire): number {
  return tab.newColumns.length + tab.runs.reduce((n, r) => n + r.values.length, 0) + appendedCellCount(tab);
}

/** Where the runs go: the plan's own rows, or where each row's id is now (deferring what cannot be placed). */
function placedRuns(tab: TabPlanWire, snapshot: IdSnapshot | null, expected: ReadonlyMap<number, string> | undefined, maxRow: number): { runs: readonly WriteRun[]; deferred: number } {
  const withinSheet = tab.runs.every((r) => r.startRow + r.values.length - 1 <= maxRow);
  if (snapshot !== null && expected !== undefined && !(withinSheet && runsUnmoved(tab.runs, tab.headerRow, expected, snapshot))) {
    return relocateRuns(tab.runs, tab.headerRow, expected, snapshot, maxRow);
  }
  if (!withinSheet) return relocateRuns(tab.runs, tab.headerRow, new Map(), { firstRow: 1, ids: [] }, maxRow);
  return { runs: tab.runs, deferred: 0 };
}

function applyTab(sheet: Sheet, tab: TabPlanWire, expected: ReadonlyMap<number, string> | undefined): AppliedPlan {
  // Read before anything is written: where each pushed row's id is now.
  const idColumnIsNew = tab.newColumns.some((c) => c.key === 'id');
  const snapshot = expected === undefined ? null : idSnapshot(sheet, idColumnIsNew ? undefined : tab.columns.id, tab.headerRow);
  const { runs, deferred } = placedRuns(tab, snapshot, expected, sheet.getMaxRows());
  ensureColumns(sheet, widestColumn(tab));
  const plainText = plainTextLookup(sheet, [...textCellBlock(headerCells(tab)), ...textRunBlocks(runs)]);
  const setup = applySetupSteps(sheet, tab.setup, tab.headerRow);
  let cellsWritten = writeHeaders(sheet, tab, plainText);
  tagServiceColumns(sheet, tab.headerRow, tab.columns);
  for (const run of runs) cellsWritten += writeRun(sheet, run, plainText);
  cellsWritten += appendRows(sheet, tab);
  return { cellsWritten, deferred, skippedSetup: setup.skipped };
}

/**
 * Writes the plan into the spreadsheet. With `expectedIds` (the ids the push carried, by sheet
 * and row), each row's cells follow its id to wherever a sort or an edit moved it since the push;
 * cells whose row cannot be found are counted as deferred, not written.
 */
export function applyPlan(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, plan: WritePlanWire, expectedIds?: ExpectedRowIds): AppliedPlan {
  let cellsWritten = 0;
  let deferred = 0;
  let skippedSetup = 0;
  for (const tab of plan.tabs) {
    const sheet = spreadsheet.getSheetByName(tab.sheet);
    if (sheet === null) {
      // Deleted or renamed since the push: the next sync reads the tabs as they are.
      deferred += cellsOf(tab);
      continue;
    }
    const applied = applyTab(sheet, tab, expectedIds?.get(tab.sheet));
    cellsWritten += applied.cellsWritten;
    deferred += applied.deferred;
    skippedSetup += applied.skippedSetup;
  }
  if (cellsWritten > 0) SpreadsheetApp.flush();
  return { cellsWritten, deferred, skippedSetup };
}

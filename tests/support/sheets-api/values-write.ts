// Writing value grids: every target is checked before anything is applied, so a batch either
// lands whole or not at all. null leaves a cell alone; "" clears it.

import type { sheets_v4 } from 'googleapis';
import { columnLetters, formatCells, formatRange } from './a1-notation.ts';
import type { Bounds } from './a1-notation.ts';
import { interpretInput, writeInput } from './cell-values.ts';
import type { ValueInputOption } from './cell-values.ts';
import { invalidArgument } from './google-error.ts';
import { assertInsideGrid, gridLimitError } from './range-resolution.ts';
import type { ResolvedRange } from './range-resolution.ts';
import type { Scalar, SheetModel, SpreadsheetModel } from './spreadsheet-model.ts';

type Cell = Scalar | null;

export interface WritePlan {
  sheet: SheetModel;
  startRow: number;
  startColumn: number;
  /** Row-major, already transposed when the input was COLUMNS-major. */
  rows: Cell[][];
}

function checkedRows(values: unknown, majorDimension: string | null | undefined): Cell[][] {
  if (values === undefined || values === null) return [];
  if (!Array.isArray(values)) throw invalidArgument('Invalid values: expected a list of lists.');
  const rows: Cell[][] = [];
  for (let r = 0; r < values.length; r++) {
    const row: unknown = values[r];
    if (!Array.isArray(row)) throw invalidArgument(`Invalid values[${r}]: ${JSON.stringify(row)}`);
    for (let c = 0; c < row.length; c++) {
      const v: unknown = row[c];
      const ok = v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
      if (!ok) throw invalidArgument(`Invalid values[${r}][${c}]: ${JSON.stringify(v)}`);
    }
    rows.push(row as Cell[]);
  }
  if (majorDimension !== 'COLUMNS') return rows;
  const height = rows.reduce((max, column) => Math.max(max, column.length), 0);
  const transposed: Cell[][] = [];
  for (let r = 0; r < height; r++) transposed.push(rows.map((column) => column[r] ?? null));
  return transposed;
}

/**
 * Validates one write (shape, bounded range, grid) without touching the sheet. `growRows` is for
 * values.append, which adds rows rather than failing at the bottom of the grid.
 */
export function planWrite(range: ResolvedRange, values: unknown, majorDimension: string | null | undefined, growRows = false): WritePlan {
  const rows = checkedRows(values, majorDimension);
  if (!growRows) assertInsideGrid(range);
  const { sheet, bounds } = range;
  const height = rows.length;
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  // A single cell is only an origin; any wider range bounds the write.
  const bounded = range.cells === null || range.cells.end !== null;
  if (bounded && height > bounds.endRow - bounds.startRow) {
    throw invalidArgument(`Requested writing within range [${range.original}], but tried writing to row [${bounds.startRow + height}]`);
  }
  if (bounded && width > bounds.endColumn - bounds.startColumn) {
    throw invalidArgument(
      `Requested writing within range [${range.original}], but tried writing to column [${columnLetters(bounds.startColumn + width - 1)}]`,
    );
  }
  if ((!growRows && bounds.startRow + height > sheet.rowCount) || bounds.startColumn + width > sheet.columnCount) {
    const cellsText = range.cells === null ? formatCells({ start: { row: 0, column: 0 }, end: null }) : formatCells(range.cells);
    throw gridLimitError(sheet, cellsText);
  }
  return { sheet, startRow: bounds.startRow, startColumn: bounds.startColumn, rows };
}

export interface WriteResult {
  response: sheets_v4.Schema$UpdateValuesResponse;
  updatedBounds: Bounds;
  cells: number;
}

/** Applies a validated plan; returns the UpdateValuesResponse fields. */
export function applyWrite(doc: SpreadsheetModel, plan: WritePlan, option: ValueInputOption): WriteResult {
  const { sheet, startRow, startColumn, rows } = plan;
  let cells = 0;
  let width = 0;
  const touchedColumns = new Set<number>();
  let touchedRows = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    width = Math.max(width, row.length);
    let touched = false;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      const rowIndex = startRow + r;
      const column = startColumn + c;
      const format = typeof v === 'string' && option === 'USER_ENTERED' ? sheet.rows[rowIndex]?.formats?.[column] : undefined;
      writeInput(sheet, rowIndex, column, interpretInput(v, option, format, doc.locale));
      cells++;
      touched = true;
      touchedColumns.add(c);
    }
    if (touched) touchedRows++;
  }
  const updatedBounds: Bounds = {
    startRow,
    startColumn,
    endRow: startRow + Math.max(rows.length, 1),
    endColumn: startColumn + Math.max(width, 1),
  };
  const response: sheets_v4.Schema$UpdateValuesResponse = {
    spreadsheetId: doc.spreadsheetId,
    updatedRange: formatRange(sheet.title, updatedBounds),
  };
  // Zero counts are omitted, as proto3 JSON does.
  if (touchedRows > 0) response.updatedRows = touchedRows;
  if (touchedColumns.size > 0) response.updatedColumns = touchedColumns.size;
  if (cells > 0) response.updatedCells = cells;
  return { response, updatedBounds, cells };
}

/** values.clear: values and formulas go, formats and validation stay. */
export function clearBounds(sheet: SheetModel, bounds: Bounds): void {
  const lastRow = Math.min(bounds.endRow, sheet.rows.length);
  for (let r = bounds.startRow; r < lastRow; r++) {
    const row = sheet.rows[r];
    if (row === undefined) continue;
    const lastColumn = Math.min(bounds.endColumn, Math.max(row.values.length, row.formulas?.length ?? 0));
    for (let c = bounds.startColumn; c < lastColumn; c++) {
      row.values[c] = undefined;
      if (row.formulas !== undefined) row.formulas[c] = undefined;
    }
  }
}

export interface FoundTable {
  /** First and end (exclusive) rows holding anything within the columns; equal when empty. */
  startRow: number;
  endRow: number;
  endColumn: number;
}

function rowHasData(sheet: SheetModel, r: number, startColumn: number, endColumn: number): boolean {
  const row = sheet.rows[r];
  if (row === undefined) return false;
  for (let c = startColumn; c < endColumn; c++) {
    const v = row.values[c];
    if ((v !== undefined && v !== null && v !== '') || row.formulas?.[c] !== undefined) return true;
  }
  return false;
}

/**
 * The table values.append appends after: the first populated row inside the range, extended
 * down through contiguous populated rows (past the range's end, as Sheets' table detection does).
 */
export function findTable(sheet: SheetModel, bounds: Bounds): FoundTable {
  const lastRow = Math.min(sheet.rowCount, sheet.rows.length);
  let startRow = bounds.startRow;
  while (startRow < Math.min(bounds.endRow, lastRow) && !rowHasData(sheet, startRow, bounds.startColumn, bounds.endColumn)) startRow++;
  if (startRow >= Math.min(bounds.endRow, lastRow)) return { startRow: bounds.startRow, endRow: bounds.startRow, endColumn: bounds.startColumn };
  let endRow = startRow;
  let endColumn = bounds.startColumn;
  while (endRow < lastRow && rowHasData(sheet, endRow, bounds.startColumn, bounds.endColumn)) {
    const row = sheet.rows[endRow];
    // The table's width runs past a narrow range (e.g. `A1`) to the row's last populated cell.
    const width = Math.min(sheet.columnCount, Math.max(row?.values.length ?? 0, row?.formulas?.length ?? 0));
    for (let c = width - 1; c >= endColumn; c--) {
      if ((row?.values[c] ?? '') !== '' || row?.formulas?.[c] !== undefined) {
        endColumn = c + 1;
        break;
      }
    }
    endRow++;
  }
  return { startRow, endRow, endColumn };
}

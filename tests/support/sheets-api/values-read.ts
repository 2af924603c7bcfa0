// Rendering a range as a ValueRange: trailing empty cells and rows omitted, no `values` key
// for an empty range, COLUMNS transposes.

import type { sheets_v4 } from 'googleapis';
import { formatRange } from './a1-notation.ts';
import type { Bounds } from './a1-notation.ts';
import { computeCell, renderComputed } from './cell-values.ts';
import type { RenderOptions } from './cell-values.ts';
import { generalNumber } from './number-format.ts';
import type { Scalar, SheetModel, SpreadsheetModel } from './spreadsheet-model.ts';

export type MajorDimension = 'ROWS' | 'COLUMNS';

const NO_CELLS: Scalar[] = [];

/** One row's rendered cells within [startColumn, endColumn), trailing empties trimmed. */
export function renderRow(
  doc: SpreadsheetModel,
  sheet: SheetModel,
  rowIndex: number,
  startColumn: number,
  endColumn: number,
  options: RenderOptions,
): Scalar[] {
  const row = sheet.rows[rowIndex];
  if (row === undefined) return NO_CELLS;
  const { values, formulas, formats } = row;
  const end = Math.min(endColumn, Math.max(values.length, formulas?.length ?? 0));
  const out: Scalar[] = [];
  let kept = 0;
  if (formulas === undefined && formats === undefined) {
    // Fast path: plain literals, the common case for large sheets.
    const formatted = options.value === 'FORMATTED_VALUE';
    for (let c = startColumn; c < end; c++) {
      const v = values[c];
      if (v === undefined || v === null) {
        out.push('');
        continue;
      }
      out.push(formatted && typeof v !== 'string' ? (typeof v === 'number' ? generalNumber(v) : v ? 'TRUE' : 'FALSE') : v);
      kept = out.length;
    }
  } else {
    for (let c = startColumn; c < end; c++) {
      const formula = formulas?.[c];
      const value = formula === undefined ? (values[c] ?? undefined) : computeCell(doc, sheet, rowIndex, c);
      const rendered = renderComputed(value, formats?.[c], formula, options);
      out.push(rendered);
      if (rendered !== '') kept = out.length;
    }
  }
  out.length = kept;
  return out;
}

export function renderBounds(doc: SpreadsheetModel, sheet: SheetModel, bounds: Bounds, options: RenderOptions): Scalar[][] {
  const rows: Scalar[][] = [];
  const lastStored = Math.min(bounds.endRow, sheet.rows.length);
  let kept = 0;
  for (let r = bounds.startRow; r < lastStored; r++) {
    const cells = renderRow(doc, sheet, r, bounds.startColumn, bounds.endColumn, options);
    rows.push(cells);
    if (cells.length > 0) kept = rows.length;
  }
  rows.length = kept;
  return rows;
}

function transpose(rows: Scalar[][]): Scalar[][] {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const columns: Scalar[][] = [];
  for (let c = 0; c < width; c++) {
    const column = rows.map((row) => row[c] ?? '');
    let kept = column.length;
    while (kept > 0 && column[kept - 1] === '') kept--;
    column.length = kept;
    columns.push(column);
  }
  return columns;
}

export function readValueRange(
  doc: SpreadsheetModel,
  sheet: SheetModel,
  bounds: Bounds,
  options: RenderOptions,
  majorDimension: MajorDimension,
): sheets_v4.Schema$ValueRange {
  const rows = renderBounds(doc, sheet, bounds, options);
  const values = majorDimension === 'COLUMNS' ? transpose(rows) : rows;
  const range: sheets_v4.Schema$ValueRange = { range: formatRange(sheet.title, bounds), majorDimension };
  if (values.length > 0) range.values = values;
  return range;
}

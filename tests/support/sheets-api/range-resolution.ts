// Resolving A1 text against a spreadsheet, with Google's errors for unknown sheets and for
// ranges past the grid.

import { cellsToBounds, explicitExtent, formatCells, parseA1, quoteSheetTitle } from './a1-notation.ts';
import type { A1Cells, Bounds } from './a1-notation.ts';
import { invalidArgument } from './google-error.ts';
import { findSheetByTitle } from './spreadsheet-model.ts';
import type { SheetModel, SpreadsheetModel } from './spreadsheet-model.ts';

export interface ResolvedRange {
  sheet: SheetModel;
  /** Null when the text named a whole sheet. */
  cells: A1Cells | null;
  /** Clamped to the grid. */
  bounds: Bounds;
  /** The range as the caller wrote it, for error messages. */
  original: string;
}

export function resolveRange(doc: SpreadsheetModel, text: string): ResolvedRange {
  const unparseable = invalidArgument(`Unable to parse range: ${text}`);
  const parsed = parseA1(text);
  if (parsed === null) throw unparseable;
  let sheet: SheetModel | undefined;
  let cells = parsed.cells;
  if (parsed.ambiguous) {
    // A bare word is a sheet title first; otherwise cells on the first sheet.
    sheet = findSheetByTitle(doc, text.trim());
    if (sheet !== undefined) cells = null;
    else if (cells !== null) sheet = doc.sheets[0];
  } else if (parsed.sheetTitle !== null) {
    sheet = findSheetByTitle(doc, parsed.sheetTitle);
  }
  if (sheet === undefined) throw unparseable;
  const whole: Bounds = { startRow: 0, endRow: sheet.rowCount, startColumn: 0, endColumn: sheet.columnCount };
  const bounds = cells === null ? whole : cellsToBounds(cells, sheet.rowCount, sheet.columnCount);
  return { sheet, cells, bounds, original: text };
}

export function gridLimitError(sheet: SheetModel, cellsText: string): Error {
  return invalidArgument(
    `Range (${quoteSheetTitle(sheet.title)}!${cellsText}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
  );
}

/** Refuses a range whose explicit rows or columns reach past the grid. */
export function assertInsideGrid(range: ResolvedRange): void {
  if (range.cells === null) return;
  const { maxRow, maxColumn } = explicitExtent(range.cells);
  if (maxRow >= range.sheet.rowCount || maxColumn >= range.sheet.columnCount) {
    throw gridLimitError(range.sheet, formatCells(range.cells));
  }
}

/** Resolve and check in one step, as reads need. */
export function resolveReadableRange(doc: SpreadsheetModel, text: string): ResolvedRange {
  const range = resolveRange(doc, text);
  assertInsideGrid(range);
  return range;
}

// A1 notation for the Range fake: resolving 'A1:B2', 'A:A', "'My tab'!C3" against a sheet's grid,
// and writing rectangles back as A1.
import { cellsToBounds, columnLetters, explicitExtent, formatCells, parseA1 } from '../sheets-api/a1-notation.ts';
import { findSheetByName, type GridRect, type SheetState, type SpreadsheetState } from './spreadsheet-model.ts';

export interface ResolvedA1 {
  readonly sheet: SheetState;
  readonly rect: GridRect;
  /** How getA1Notation prints an open-ended range ('A:C', '2:5'); null for a closed one. */
  readonly openText: string | null;
}

export function letters(column: number): string {
  return columnLetters(column - 1);
}

export function rectA1(rect: GridRect): string {
  const start = `${letters(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${letters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
}

export function cellA1(row: number, column: number): string {
  return `${letters(column)}${row}`;
}

/** Null when the text names no range of the grid (Apps Script: "Range not found"). */
export function resolveA1(doc: SpreadsheetState, home: SheetState | null, text: string): ResolvedA1 | null {
  const parsed = parseA1(text);
  if (parsed === null || parsed.cells === null) return null;
  const sheet = parsed.sheetTitle === null ? home : (findSheetByName(doc, parsed.sheetTitle) ?? null);
  if (sheet === null) return null;
  const extent = explicitExtent(parsed.cells);
  if (extent.maxRow >= sheet.maxRows || extent.maxColumn >= sheet.maxColumns) return null;
  const bounds = cellsToBounds(parsed.cells, sheet.maxRows, sheet.maxColumns);
  const rect = {
    row: bounds.startRow + 1,
    column: bounds.startColumn + 1,
    numRows: bounds.endRow - bounds.startRow,
    numColumns: bounds.endColumn - bounds.startColumn,
  };
  const { start, end } = parsed.cells;
  const open = end !== null && (start.row === null || end.row === null || start.column === null || end.column === null);
  return { sheet, rect, openText: open ? formatCells(parsed.cells) : null };
}

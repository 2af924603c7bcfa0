// GridRange (zero-based, end-exclusive, open when an index is omitted) against a sheet.

import type { sheets_v4 } from 'googleapis';
import { columnLetters, quoteSheetTitle } from './a1-notation.ts';
import type { Bounds } from './a1-notation.ts';
import { RequestRejection } from './google-error.ts';
import type { SheetModel } from './spreadsheet-model.ts';

/** A1 text for a GridRange the way Google prints it in errors: `T!A1001:B`. */
export function describeGridRange(sheet: SheetModel, range: sheets_v4.Schema$GridRange): string {
  const start = `${columnLetters(range.startColumnIndex ?? 0)}${(range.startRowIndex ?? 0) + 1}`;
  const endColumn = range.endColumnIndex == null ? '' : columnLetters(range.endColumnIndex - 1);
  const endRow = range.endRowIndex == null ? '' : String(range.endRowIndex);
  return `${quoteSheetTitle(sheet.title)}!${start}:${endColumn}${endRow}`;
}

/**
 * Bounds of a GridRange, clamped to the grid. A range that starts past the grid is refused; one
 * that starts inside and ends past it is accepted (measured behaviour of the real API).
 */
export function gridRangeBounds(sheet: SheetModel, range: sheets_v4.Schema$GridRange): Bounds {
  const startRow = range.startRowIndex ?? 0;
  const startColumn = range.startColumnIndex ?? 0;
  const endRow = range.endRowIndex ?? sheet.rowCount;
  const endColumn = range.endColumnIndex ?? sheet.columnCount;
  if (startRow < 0 || startColumn < 0 || endRow < startRow || endColumn < startColumn) {
    throw new RequestRejection('Invalid range: the end index must not be less than the start index, and no index may be negative.');
  }
  const empty = endRow === startRow || endColumn === startColumn;
  if (!empty && (startRow >= sheet.rowCount || startColumn >= sheet.columnCount)) {
    throw new RequestRejection(
      `Range (${describeGridRange(sheet, range)}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
    );
  }
  return {
    startRow,
    startColumn,
    endRow: Math.min(endRow, sheet.rowCount),
    endColumn: Math.min(endColumn, sheet.columnCount),
  };
}

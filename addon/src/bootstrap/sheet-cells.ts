import type { CellValue } from '../../../shared/cells/cell-value.ts';
import type { SheetGrid } from '../../../shared/mapping/sheet-grid.ts';
import { isDate } from '../sync/sheet-values.ts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * A getValues() cell as the shared readers take it: '' is empty, a Date becomes its calendar date
 * in the spreadsheet's zone (headers and labels only need its text).
 */
export function toCellValue(value: unknown, timeZone: string): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDate(value)) return Utilities.formatDate(value, timeZone, 'yyyy-MM-dd');
  return String(value);
}

/** The first `rows` rows of a tab (fewer when it has fewer), as a SheetGrid. */
export function readGridHead(sheet: Sheet, rows: number, timeZone: string): SheetGrid {
  const lastRow = Math.min(sheet.getLastRow(), rows);
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 1 || lastColumn < 1) return { name: sheet.getName(), rows: [] };
  const values = sheet.getRange(1, 1, lastRow, lastColumn).getValues();
  return { name: sheet.getName(), rows: values.map((row) => row.map((cell) => toCellValue(cell, timeZone))) };
}

/** One row of a tab, columns 1..last used column. */
export function readRow(sheet: Sheet, row: number, timeZone: string): CellValue[] {
  const lastColumn = sheet.getLastColumn();
  if (lastColumn < 1 || row > sheet.getMaxRows()) return [];
  const values = sheet.getRange(row, 1, 1, lastColumn).getValues()[0] ?? [];
  return values.map((cell) => toCellValue(cell, timeZone));
}

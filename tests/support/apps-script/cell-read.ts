// What a cell shows: its literal or its formula's result (evaluated on read with the stand-in's small
// evaluator), turned into what getValues / getDisplayValues return.
import { formatNumber, generalNumber } from '../sheets-api/number-format.ts';
import { evaluateFormula } from '../sheets-api/formula.ts';
import type { CellRef, FormulaContext } from '../sheets-api/formula.ts';
import { FormulaError } from '../sheets-api/formula-values.ts';
import type { Computed } from '../sheets-api/formula-values.ts';
import { isDatePattern } from './cell-input.ts';
import type { Realm } from './realm.ts';
import { cellAt, findSheetByName, lastRowWithContent } from './spreadsheet-model.ts';
import type { SheetState, SpreadsheetState } from './spreadsheet-model.ts';
import { instantOfSerial } from './time-zone.ts';

export type ScriptCellValue = string | number | boolean | Date;

function contextFor(doc: SpreadsheetState, home: SheetState, visiting: Set<string>): FormulaContext {
  const sheetFor = (title: string | null): SheetState | undefined => (title === null ? home : findSheetByName(doc, title));
  return {
    cell(title, row, column) {
      const sheet = sheetFor(title);
      if (sheet === undefined || row >= sheet.maxRows || column >= sheet.maxColumns) return new FormulaError('#REF!', 'Reference does not exist.');
      return computedValue(doc, sheet, row + 1, column + 1, visiting);
    },
    range(start: CellRef, end: CellRef) {
      const sheet = sheetFor(start.sheetTitle);
      if (sheet === undefined) return null;
      const lastRow = Math.min(lastRowWithContent(sheet), sheet.maxRows) - 1;
      const r0 = Math.min(start.row ?? 0, end.row ?? 0);
      const r1 = Math.min(start.row === null || end.row === null ? lastRow : Math.max(start.row, end.row), lastRow);
      const c0 = Math.min(start.column ?? 0, end.column ?? 0);
      const c1 = start.column === null || end.column === null ? sheet.maxColumns - 1 : Math.max(start.column, end.column);
      const out: Computed[] = [];
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(computedValue(doc, sheet, r + 1, c + 1, visiting));
      return out;
    },
  };
}

export function computedValue(doc: SpreadsheetState, sheet: SheetState, row: number, column: number, visiting?: Set<string>): Computed {
  const cell = cellAt(sheet, row, column);
  if (cell === undefined) return undefined;
  if (cell.formula === null) return cell.value ?? undefined;
  const key = `${sheet.sheetId}:${row}:${column}`;
  const seen = visiting ?? new Set<string>();
  if (seen.has(key)) return new FormulaError('#REF!', 'Circular dependency detected.');
  seen.add(key);
  try {
    return evaluateFormula(cell.formula, contextFor(doc, sheet, seen));
  } finally {
    seen.delete(key);
  }
}

/** As getValues returns it: '' when empty, a Date (in the script's realm) for date-formatted numbers. */
export function scriptValue(value: Computed, format: string | null, timeZone: string, realm: Realm): ScriptCellValue {
  if (value === undefined) return '';
  if (value instanceof FormulaError) return value.code;
  if (typeof value === 'number' && isDatePattern(format)) return new realm.Date(instantOfSerial(value, timeZone));
  return value;
}

/** As getDisplayValues returns it. */
export function displayValue(value: Computed, format: string | null): string {
  if (value === undefined) return '';
  if (value instanceof FormulaError) return value.code;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return format === null || format === '@' ? generalNumber(value) : formatNumber(value, { pattern: format });
  return value;
}

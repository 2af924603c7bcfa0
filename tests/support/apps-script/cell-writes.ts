// Writing cells on behalf of a script (recorded for tests) or of a person typing, with the checks
// Sheets makes first: protected ranges, the 50,000-character cell limit, storable values.
import type { WireCellValue } from './apps-script-records.ts';
import { currentUser, type AppsScriptState } from './apps-script-state.ts';
import { applyWrite, MAX_CELL_CHARS, scriptInput, typedInput, writeLength, type CellWrite } from './cell-input.ts';
import { isDate, scriptException } from './realm.ts';
import { cellAt, cellFor, type GridRect, type ProtectionState, type SheetState } from './spreadsheet-model.ts';

export function overlaps(a: GridRect, b: GridRect): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.column < b.column + b.numColumns && b.column < a.column + a.numColumns;
}

export function canEdit(state: AppsScriptState, protection: ProtectionState, email: string): boolean {
  return protection.warningOnly || !protection.restricted || email === state.ownerEmail || protection.editors.has(email);
}

export function assertEditable(state: AppsScriptState, sheet: SheetState, rect: GridRect): void {
  const email = currentUser(state).email;
  for (const protection of sheet.protections) {
    if (overlaps(protection.rect, rect) && !canEdit(state, protection, email)) {
      throw scriptException(
        state.realm,
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      );
    }
  }
}

export function wireValue(value: unknown): WireCellValue {
  if (value === null || value === undefined) return null;
  if (isDate(value)) return { date: Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString() };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** Writes a block of values as a script does (setValue/setValues/appendRow): all or nothing. */
export function scriptWriteCells(state: AppsScriptState, sheet: SheetState, row: number, column: number, values: readonly (readonly unknown[])[]): void {
  const doc = state.spreadsheet;
  const context = { locale: doc.locale, timeZone: doc.timeZone };
  const writes: CellWrite[][] = values.map((cells, r) =>
    cells.map((value, c) => {
      const write = scriptInput(value, cellAt(sheet, row + r, column + c)?.format ?? null, context);
      if (write === null) throw scriptException(state.realm, `Cannot store a value of type ${isDate(value) ? 'Invalid Date' : typeof value} in a cell.`);
      if (writeLength(write) > MAX_CELL_CHARS) {
        throw scriptException(state.realm, `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
      }
      return write;
    }),
  );
  assertEditable(state, sheet, { row, column, numRows: values.length, numColumns: values[0]?.length ?? 0 });
  writes.forEach((cells, r) =>
    cells.forEach((write, c) => {
      const existing = cellAt(sheet, row + r, column + c);
      if (write.kind === 'clear' && existing === undefined) {
        // nothing stored, nothing to clear
      } else applyWrite(existing ?? cellFor(sheet, row + r, column + c), write);
      state.writes.push({ sheet: sheet.name, row: row + r, column: column + c, value: wireValue(values[r]?.[c]), formula: write.kind === 'formula' });
    }),
  );
}

export interface RejectedEdit {
  readonly row: number;
  readonly column: number;
  readonly reason: string;
}

/** A person typing into cells: validation rules that reject invalid input refuse the whole edit. */
export function userWriteCells(state: AppsScriptState, sheet: SheetState, row: number, column: number, values: readonly (readonly (string | number | boolean | null)[])[]): RejectedEdit | null {
  const doc = state.spreadsheet;
  const context = { locale: doc.locale, timeZone: doc.timeZone };
  const writes: CellWrite[][] = [];
  for (let r = 0; r < values.length; r++) {
    const line: CellWrite[] = [];
    for (let c = 0; c < (values[r]?.length ?? 0); c++) {
      const value = values[r]?.[c] ?? null;
      const existing = cellAt(sheet, row + r, column + c);
      const write = typeof value === 'string' ? typedInput(value, existing?.format ?? null, context) : scriptInput(value, null, context);
      if (write === null) return { row: row + r, column: column + c, reason: 'unstorable value' };
      const validation = existing?.validation ?? null;
      if (validation !== null && !validation.allowInvalid && write.kind !== 'clear') {
        const text = write.kind === 'value' ? (typeof write.value === 'boolean' ? (write.value ? 'TRUE' : 'FALSE') : String(write.value)) : write.formula;
        const allowed = validation.criteria === 'CHECKBOX' ? ['TRUE', 'FALSE'] : validation.values;
        if (!allowed.includes(text)) return { row: row + r, column: column + c, reason: `Input must fall within specified range (${allowed.join(', ')})` };
      }
      line.push(write);
    }
    writes.push(line);
  }
  writes.forEach((cells, r) => cells.forEach((write, c) => applyWrite(cellFor(sheet, row + r, column + c), write)));
  return null;
}

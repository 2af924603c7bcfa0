// What a cell stores when a script or a person puts something in it. Scripts (setValue/setValues)
// and typing share the rules: a string beginning with '=' is a formula, a leading apostrophe keeps
// the rest as plain text, other strings are parsed as typed input (numbers, TRUE/FALSE, dates)
// unless the cell's number format is plain text '@'. Dates are stored as serials read in the
// spreadsheet's time zone.
import { parseTyped } from '../sheets-api/cell-values.ts';
import { isDate } from './realm.ts';
import type { CellState, StoredValue } from './spreadsheet-model.ts';
import { serialOfInstant } from './time-zone.ts';

export type CellWrite =
  | { readonly kind: 'clear' }
  | { readonly kind: 'value'; readonly value: StoredValue; readonly format: string | null }
  | { readonly kind: 'formula'; readonly formula: string };

export const MAX_CELL_CHARS = 50_000;
export const PLAIN_TEXT = '@';

export interface InputContext {
  readonly locale: string;
  readonly timeZone: string;
}

/** Whether a number format pattern shows a date, time or duration (getValues then returns a Date). */
export function isDatePattern(pattern: string | null): boolean {
  if (pattern === null) return false;
  const bare = pattern.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[\$[^\]]*\]/g, '');
  return /[ydhs]|m{3,}|am\/pm/i.test(bare.replace(/\[[^\]]*\]/g, (m) => m.slice(1, -1)));
}

function defaultDateTimePattern(locale: string): string {
  return locale.startsWith('en_US') ? 'M/d/yyyy H:mm:ss' : 'yyyy/MM/dd H:mm:ss';
}

/** Typing `text` into a cell whose number format is `format`. */
export function typedInput(text: string, format: string | null, context: InputContext): CellWrite {
  if (text === '') return { kind: 'clear' };
  if (format === PLAIN_TEXT) return { kind: 'value', value: text, format: null };
  const parsed = parseTyped(text, context.locale);
  if (parsed.kind === 'clear') return { kind: 'clear' };
  if (parsed.kind === 'formula') return { kind: 'formula', formula: parsed.formula };
  return { kind: 'value', value: parsed.value, format: parsed.numberFormat?.pattern ?? null };
}

/** A value a script passes to setValue/setValues; null when Apps Script would not take it. */
export function scriptInput(value: unknown, format: string | null, context: InputContext): CellWrite | null {
  if (value === null || value === undefined || value === '') return { kind: 'clear' };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'value', value, format: null } : { kind: 'value', value: '#NUM!', format: null };
  if (typeof value === 'boolean') return { kind: 'value', value, format: null };
  if (typeof value === 'string') return typedInput(value, format, context);
  if (isDate(value)) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return null;
    const keep = isDatePattern(format);
    return { kind: 'value', value: serialOfInstant(ms, context.timeZone), format: keep ? null : defaultDateTimePattern(context.locale) };
  }
  return null;
}

export function applyWrite(cell: CellState, write: CellWrite): void {
  if (write.kind === 'clear') {
    cell.value = null;
    cell.formula = null;
    return;
  }
  if (write.kind === 'formula') {
    cell.value = null;
    cell.formula = write.formula;
    return;
  }
  cell.value = write.value;
  cell.formula = null;
  // A format guessed from the input never replaces one the cell already has.
  if (write.format !== null && cell.format === null) cell.format = write.format;
}

export function writeLength(write: CellWrite): number {
  if (write.kind === 'formula') return write.formula.length;
  if (write.kind === 'value' && typeof write.value === 'string') return write.value.length;
  return 0;
}

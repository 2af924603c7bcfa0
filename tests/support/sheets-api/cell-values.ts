// Cell input (RAW vs USER_ENTERED, as the Sheets UI parses typing), computed values, and
// rendering for valueRenderOption / dateTimeRenderOption.

import type { sheets_v4 } from 'googleapis';
import { evaluateFormula } from './formula.ts';
import type { CellRef, FormulaContext } from './formula.ts';
import { FormulaError } from './formula-values.ts';
import type { Computed } from './formula-values.ts';
import { dateSerial, formatNumber, isDateFormat } from './number-format.ts';
import { findSheetByTitle, rowAt } from './spreadsheet-model.ts';
import type { Scalar, SheetModel, SpreadsheetModel } from './spreadsheet-model.ts';

export type ValueInputOption = 'RAW' | 'USER_ENTERED';
export type ValueRenderOption = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
export type DateTimeRenderOption = 'SERIAL_NUMBER' | 'FORMATTED_STRING';

export interface RenderOptions {
  value: ValueRenderOption;
  dateTime: DateTimeRenderOption;
}

export type CellInput =
  | { kind: 'clear' }
  | { kind: 'value'; value: Scalar; numberFormat?: sheets_v4.Schema$NumberFormat }
  | { kind: 'formula'; formula: string };

const CLEAR: CellInput = { kind: 'clear' };
const NUMBER = /^([+-])?(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?([eE][+-]?\d+)?(%)?$/;
const ISO_DATE = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseNumber(text: string): CellInput | null {
  const m = NUMBER.exec(text);
  if (m === null) return null;
  const [, sign = '', whole = '', fraction = '', exponent = '', percent] = m;
  if (whole === '' && fraction === '') return null;
  const n = Number(`${sign}${whole.replaceAll(',', '')}${fraction}${exponent}`);
  if (!Number.isFinite(n)) return null;
  if (percent !== undefined) {
    return { kind: 'value', value: n / 100, numberFormat: { type: 'PERCENT', pattern: fraction === '' ? '0%' : '0.00%' } };
  }
  if (whole.includes(',')) {
    return { kind: 'value', value: n, numberFormat: { type: 'NUMBER', pattern: fraction === '' ? '#,##0' : '#,##0.00' } };
  }
  return { kind: 'value', value: n };
}

function parseDate(text: string, locale: string): CellInput | null {
  const iso = ISO_DATE.exec(text);
  if (iso !== null) {
    const [, y, sep, mo, d, h, mi, s] = iso;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    if (!validDate(year, month, day)) return null;
    const datePattern = sep === '/' ? 'yyyy/mm/dd' : 'yyyy-mm-dd';
    if (h === undefined) {
      return { kind: 'value', value: dateSerial(year, month, day), numberFormat: { type: 'DATE', pattern: datePattern } };
    }
    const value = dateSerial(year, month, day, Number(h), Number(mi), Number(s ?? 0));
    return { kind: 'value', value, numberFormat: { type: 'DATE_TIME', pattern: `${datePattern} h:mm:ss` } };
  }
  // Month-first dates only parse in a US locale, as in the Sheets UI.
  const us = locale === 'en_US' ? US_DATE.exec(text) : null;
  if (us !== null) {
    const [, mo, d, y] = us;
    if (!validDate(Number(y), Number(mo), Number(d))) return null;
    return { kind: 'value', value: dateSerial(Number(y), Number(mo), Number(d)), numberFormat: { type: 'DATE', pattern: 'm/d/yyyy' } };
  }
  const time = TIME.exec(text);
  if (time !== null) {
    const [, h, mi, s] = time;
    if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return null;
    const value = (Number(h) * 3600 + Number(mi) * 60 + Number(s ?? 0)) / 86_400;
    return { kind: 'value', value, numberFormat: { type: 'TIME', pattern: s === undefined ? 'h:mm' : 'h:mm:ss' } };
  }
  return null;
}

/** What typing `text` into a cell stores, as USER_ENTERED does. */
export function parseTyped(text: string, locale: string): CellInput {
  if (text === '') return CLEAR;
  const first = text.charCodeAt(0);
  if (first === 39) return { kind: 'value', value: text.slice(1) }; // leading ' forces text
  if (first === 61 && text.length > 1) return { kind: 'formula', formula: text };
  const trimmed = text.trim();
  if (trimmed.length === 4 && /^true$/i.test(trimmed)) return { kind: 'value', value: true };
  if (trimmed.length === 5 && /^false$/i.test(trimmed)) return { kind: 'value', value: false };
  // Numbers, dates and times all start with a digit, a sign or a point: skip the regexes otherwise.
  const lead = trimmed.charCodeAt(0);
  const numeric = (lead >= 48 && lead <= 57) || lead === 43 || lead === 45 || lead === 46;
  if (!numeric) return { kind: 'value', value: text };
  return parseNumber(trimmed) ?? parseDate(trimmed, locale) ?? { kind: 'value', value: text };
}

export function interpretInput(
  raw: Scalar,
  option: ValueInputOption,
  format: sheets_v4.Schema$CellFormat | undefined,
  locale: string,
): CellInput {
  if (typeof raw !== 'string') return { kind: 'value', value: raw };
  if (raw === '') return CLEAR;
  // Plain-text formatted cells keep typing verbatim, formulas included.
  if (option === 'RAW' || format?.numberFormat?.type === 'TEXT') return { kind: 'value', value: raw };
  return parseTyped(raw, locale);
}

export function writeInput(sheet: SheetModel, rowIndex: number, column: number, input: CellInput): void {
  if (input.kind === 'clear') {
    const row = sheet.rows[rowIndex];
    if (row === undefined) return;
    row.values[column] = undefined;
    if (row.formulas !== undefined) row.formulas[column] = undefined;
    return;
  }
  const row = rowAt(sheet, rowIndex);
  if (input.kind === 'formula') {
    row.values[column] = undefined;
    (row.formulas ??= [])[column] = input.formula;
    return;
  }
  row.values[column] = input.value;
  if (row.formulas !== undefined && row.formulas[column] !== undefined) row.formulas[column] = undefined;
  if (input.numberFormat !== undefined) {
    // An explicit number format wins over the one guessed from typing.
    const current = row.formats?.[column];
    if (current?.numberFormat == null) (row.formats ??= [])[column] = { ...current, numberFormat: input.numberFormat };
  }
}

function contextFor(doc: SpreadsheetModel, home: SheetModel, visiting: Set<string>): FormulaContext {
  const sheetFor = (title: string | null): SheetModel | undefined => (title === null ? home : findSheetByTitle(doc, title));
  return {
    cell(title, row, column) {
      const sheet = sheetFor(title);
      if (sheet === undefined || row >= sheet.rowCount || column >= sheet.columnCount) {
        return new FormulaError('#REF!', 'Reference does not exist.');
      }
      return computeCell(doc, sheet, row, column, visiting);
    },
    range(start: CellRef, end: CellRef) {
      const sheet = sheetFor(start.sheetTitle);
      if (sheet === undefined) return null;
      const lastRow = Math.min(sheet.rows.length, sheet.rowCount) - 1;
      const r0 = Math.min(start.row ?? 0, end.row ?? 0);
      const r1 = Math.min(start.row === null || end.row === null ? lastRow : Math.max(start.row, end.row), lastRow);
      const c0 = Math.min(start.column ?? 0, end.column ?? 0);
      const c1 = start.column === null || end.column === null ? sheet.columnCount - 1 : Math.max(start.column, end.column);
      const out: Computed[] = [];
      for (let r = r0; r <= r1; r++) {
        if (sheet.rows[r] === undefined) continue;
        for (let c = c0; c <= c1; c++) out.push(computeCell(doc, sheet, r, c, visiting));
      }
      return out;
    },
  };
}

/** The value a cell shows: its literal, or its formula's result (evaluated on every read). */
export function computeCell(doc: SpreadsheetModel, sheet: SheetModel, rowIndex: number, column: number, visiting?: Set<string>): Computed {
  const row = sheet.rows[rowIndex];
  if (row === undefined) return undefined;
  const formula = row.formulas?.[column];
  if (formula === undefined) return row.values[column] ?? undefined;
  const key = `${sheet.sheetId}:${rowIndex}:${column}`;
  const seen = visiting ?? new Set<string>();
  if (seen.has(key)) return new FormulaError('#REF!', 'Circular dependency detected.');
  seen.add(key);
  try {
    return evaluateFormula(formula, contextFor(doc, sheet, seen));
  } finally {
    seen.delete(key);
  }
}

/** One cell as values.get renders it; empty cells are ''. */
export function renderComputed(
  value: Computed,
  format: sheets_v4.Schema$CellFormat | undefined,
  formula: string | undefined,
  options: RenderOptions,
): Scalar {
  if (options.value === 'FORMULA' && formula !== undefined) return formula;
  if (value === undefined) return '';
  if (value instanceof FormulaError) return value.code;
  if (typeof value === 'number') {
    const numberFormat = format?.numberFormat;
    if (options.value === 'FORMATTED_VALUE') return formatNumber(value, numberFormat);
    if (options.dateTime === 'FORMATTED_STRING' && isDateFormat(numberFormat)) return formatNumber(value, numberFormat);
    return value;
  }
  if (typeof value === 'boolean' && options.value === 'FORMATTED_VALUE') return value ? 'TRUE' : 'FALSE';
  return value;
}

/** A computed value as an ExtendedValue (grid data). */
export function extendedValue(value: Computed): sheets_v4.Schema$ExtendedValue | undefined {
  if (value === undefined) return undefined;
  if (value instanceof FormulaError) return { errorValue: { type: errorType(value.code), message: value.message } };
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  return { stringValue: value };
}

function errorType(code: string): string {
  const types: Record<string, string> = {
    '#NAME?': 'NAME',
    '#VALUE!': 'VALUE',
    '#DIV/0!': 'DIVIDE_BY_ZERO',
    '#REF!': 'REF',
    '#N/A': 'N_A',
    '#NUM!': 'NUM',
  };
  return types[code] ?? 'ERROR';
}

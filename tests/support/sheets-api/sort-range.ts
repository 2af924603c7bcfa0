// sortRange: permutes the cells of a range's rows (values, formulas, formats, validation) within
// the range's columns only. Row properties and row metadata stay where they are, as in Sheets.

import type { sheets_v4 } from 'googleapis';
import { computeCell } from './cell-values.ts';
import type { Computed } from './formula-values.ts';
import { RequestRejection } from './google-error.ts';
import { gridRangeBounds } from './grid-range.ts';
import { writableSheet } from './request-context.ts';
import type { RequestContext, RequestReply } from './request-context.ts';
import { rowAt } from './spreadsheet-model.ts';
import type { RowCells, SheetModel, SpreadsheetModel } from './spreadsheet-model.ts';

interface RowSlice {
  keys: Computed[];
  values: RowCells['values'];
  formulas: NonNullable<RowCells['formulas']>;
  formats: NonNullable<RowCells['formats']>;
  validations: NonNullable<RowCells['validations']>;
}

// Ascending order in Sheets: numbers, then text, then booleans; errors after; blanks always last.
function rank(value: Computed): number {
  if (value === undefined || value === '') return 4;
  if (typeof value === 'number') return 0;
  if (typeof value === 'string') return 1;
  if (typeof value === 'boolean') return 2;
  return 3; // error values
}

function compareKeys(a: Computed, b: Computed, descending: boolean): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra === 4 || rb === 4) return ra - rb; // blanks last in either direction
  let order = ra - rb;
  if (order === 0) {
    if (typeof a === 'number' && typeof b === 'number') order = a - b;
    else if (typeof a === 'string' && typeof b === 'string') order = a.localeCompare(b, undefined, { sensitivity: 'base' });
    else if (typeof a === 'boolean' && typeof b === 'boolean') order = Number(a) - Number(b);
  }
  return descending ? -order : order;
}

function sliceRow(doc: SpreadsheetModel, sheet: SheetModel, r: number, c0: number, c1: number, keyColumns: number[]): RowSlice {
  const row = sheet.rows[r];
  const width = c1 - c0;
  const slice = (items: unknown[] | undefined): unknown[] => {
    const out = items === undefined ? [] : items.slice(c0, c1);
    out.length = width;
    return out;
  };
  return {
    keys: keyColumns.map((c) => computeCell(doc, sheet, r, c)),
    values: slice(row?.values) as RowSlice['values'],
    formulas: slice(row?.formulas) as RowSlice['formulas'],
    formats: slice(row?.formats) as RowSlice['formats'],
    validations: slice(row?.validations) as RowSlice['validations'],
  };
}

function writeSlice(sheet: SheetModel, r: number, c0: number, slice: RowSlice): void {
  const empty = (items: unknown[]): boolean => items.every((v) => v === undefined || v === null);
  if (sheet.rows[r] === undefined && empty(slice.values) && empty(slice.formulas) && empty(slice.formats) && empty(slice.validations)) {
    return;
  }
  const row = rowAt(sheet, r);
  const put = <T>(items: T[] | undefined, from: T[]): T[] | undefined => {
    if (items === undefined && empty(from)) return undefined;
    const target = items ?? [];
    for (let i = 0; i < from.length; i++) target[c0 + i] = from[i] as T;
    return target;
  };
  row.values = put(row.values, slice.values) ?? row.values;
  const formulas = put(row.formulas, slice.formulas);
  if (formulas !== undefined) row.formulas = formulas;
  const formats = put(row.formats, slice.formats);
  if (formats !== undefined) row.formats = formats;
  const validations = put(row.validations, slice.validations);
  if (validations !== undefined) row.validations = validations;
}

export function sortRange(request: sheets_v4.Schema$SortRangeRequest, context: RequestContext): RequestReply {
  const sheet = writableSheet(context, request.range?.sheetId);
  const bounds = gridRangeBounds(sheet, request.range ?? {});
  const specs = request.sortSpecs ?? [];
  if (specs.length === 0) throw new RequestRejection('At least one sortSpec is required.');
  const keyColumns = specs.map((spec) => {
    const column = spec.dimensionIndex;
    if (column == null || column < bounds.startColumn || column >= bounds.endColumn) {
      throw new RequestRejection(`sortSpecs.dimensionIndex ${column ?? '(missing)'} is outside the range.`);
    }
    return column;
  });
  const slices: RowSlice[] = [];
  for (let r = bounds.startRow; r < bounds.endRow; r++) {
    slices.push(sliceRow(context.doc, sheet, r, bounds.startColumn, bounds.endColumn, keyColumns));
  }
  // Array.prototype.sort is stable, so ties keep their order as in Sheets.
  slices.sort((a, b) => {
    for (let k = 0; k < specs.length; k++) {
      const order = compareKeys(a.keys[k], b.keys[k], specs[k]?.sortOrder === 'DESCENDING');
      if (order !== 0) return order;
    }
    return 0;
  });
  slices.forEach((slice, i) => writeSlice(sheet, bounds.startRow + i, bounds.startColumn, slice));
  return undefined;
}

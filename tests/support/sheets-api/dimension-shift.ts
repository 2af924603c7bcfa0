// Inserting, deleting and moving rows or columns: cells, formats, validation, dimension
// properties and developer metadata travel with their row/column; ranges of protected ranges,
// conditional formats, filter views and the basic filter are shifted (best effort).

import { deleteShift, insertShift, moveShift } from './index-shift.ts';
import type { Shift } from './index-shift.ts';
import { shiftSheetObjects } from './shift-sheet-objects.ts';
import type { Dimension, SheetModel, SpreadsheetModel } from './spreadsheet-model.ts';

// --- array helpers (arrays may be sparse; a missing entry is an empty cell / default) ---

function insertHoles<T>(items: T[], at: number, count: number): void {
  if (at >= items.length) return;
  const oldLength = items.length;
  items.length = oldLength + count;
  for (let i = oldLength - 1; i >= at; i--) {
    if (i in items) items[i + count] = items[i] as T;
    else delete items[i + count];
  }
  for (let i = at; i < at + count; i++) delete items[i];
}

function removeSpan<T>(items: T[], from: number, to: number): void {
  if (from < items.length) items.splice(from, to - from);
}

function movedSpan<T>(items: T[], from: number, to: number, destination: number): T[] {
  const n = to - from;
  const target = destination > from ? destination - n : destination;
  if (items.length <= Math.min(from, target)) return items;
  const block = items.slice(from, to);
  block.length = n;
  const rest = items.slice(0, from).concat(items.slice(to));
  if (rest.length < target) rest.length = target;
  return rest.slice(0, target).concat(block, rest.slice(target));
}

type RowArrayKey = 'formulas' | 'formats' | 'validations';
const ROW_ARRAYS: readonly RowArrayKey[] = ['formulas', 'formats', 'validations'];

function forEachColumnArray(sheet: SheetModel, edit: <T>(items: T[]) => T[] | void): void {
  for (const row of sheet.rows) {
    if (row === undefined) continue;
    const values = edit(row.values);
    if (values) row.values = values;
    for (const key of ROW_ARRAYS) {
      const items = row[key];
      if (items === undefined) continue;
      const edited = edit(items as unknown[]);
      if (edited) (row as unknown as Record<RowArrayKey, unknown[]>)[key] = edited;
    }
  }
}

function shiftFrozen(frozen: number, shift: Shift): number {
  return shift.end(frozen);
}

// --- public operations ---

export function insertDimension(doc: SpreadsheetModel, sheet: SheetModel, dimension: Dimension, at: number, count: number): void {
  const shift = insertShift(at, count);
  if (dimension === 'ROWS') {
    insertHoles(sheet.rows, at, count);
    insertHoles(sheet.rowProps, at, count);
    sheet.rowCount += count;
    if (at < sheet.frozenRowCount) sheet.frozenRowCount += count;
  } else {
    forEachColumnArray(sheet, (items) => insertHoles(items, at, count));
    insertHoles(sheet.columnProps, at, count);
    sheet.columnCount += count;
    if (at < sheet.frozenColumnCount) sheet.frozenColumnCount += count;
  }
  shiftSheetObjects(doc, sheet, dimension, shift);
}

export function deleteDimension(doc: SpreadsheetModel, sheet: SheetModel, dimension: Dimension, from: number, to: number): void {
  const shift = deleteShift(from, to);
  if (dimension === 'ROWS') {
    removeSpan(sheet.rows, from, to);
    removeSpan(sheet.rowProps, from, to);
    sheet.rowCount -= to - from;
    sheet.frozenRowCount = shiftFrozen(sheet.frozenRowCount, shift);
  } else {
    forEachColumnArray(sheet, (items) => removeSpan(items, from, to));
    removeSpan(sheet.columnProps, from, to);
    sheet.columnCount -= to - from;
    sheet.frozenColumnCount = shiftFrozen(sheet.frozenColumnCount, shift);
  }
  shiftSheetObjects(doc, sheet, dimension, shift);
}

export function moveDimension(
  doc: SpreadsheetModel,
  sheet: SheetModel,
  dimension: Dimension,
  from: number,
  to: number,
  destination: number,
): void {
  if (destination >= from && destination <= to) return; // the block is already there
  const shift = moveShift(from, to, destination);
  if (dimension === 'ROWS') {
    sheet.rows = movedSpan(sheet.rows, from, to, destination);
    sheet.rowProps = movedSpan(sheet.rowProps, from, to, destination);
  } else {
    forEachColumnArray(sheet, (items) => movedSpan(items, from, to, destination));
    sheet.columnProps = movedSpan(sheet.columnProps, from, to, destination);
  }
  shiftSheetObjects(doc, sheet, dimension, shift);
}

/** Drops rows/columns past a shrunken grid (updateSheetProperties with a smaller rowCount). */
export function truncateGrid(doc: SpreadsheetModel, sheet: SheetModel, rowCount: number, columnCount: number): void {
  if (rowCount < sheet.rowCount) deleteDimension(doc, sheet, 'ROWS', rowCount, sheet.rowCount);
  if (columnCount < sheet.columnCount) deleteDimension(doc, sheet, 'COLUMNS', columnCount, sheet.columnCount);
}


// What a person does in the spreadsheet, as opposed to a script: typing (parsed as typed input,
// refused by strict validation and by protections they may not edit), sorting the data rows,
// inserting and deleting rows or columns, moving the selection. Each returns the change type an
// installed change trigger would see.
import { currentUser, type AppsScriptState } from './apps-script-state.ts';
import { computedValue } from './cell-read.ts';
import { canEdit, overlaps, userWriteCells } from './cell-writes.ts';
import { deleteRows, insertColumns, insertRows, permuteRows } from './sheet-dimensions.ts';
import { findSheetByName, lastRowWithContent, type GridRect, type SheetState } from './spreadsheet-model.ts';
import type { Computed } from '../sheets-api/formula-values.ts';

export type ChangeType = 'EDIT' | 'INSERT_ROW' | 'INSERT_COLUMN' | 'REMOVE_ROW' | 'REMOVE_COLUMN' | 'INSERT_GRID' | 'REMOVE_GRID' | 'FORMAT' | 'OTHER';

export class UserActionError extends Error {}

export function sheetNamed(state: AppsScriptState, name: string): SheetState {
  const sheet = findSheetByName(state.spreadsheet, name);
  if (sheet === undefined) throw new UserActionError(`No sheet named ${name}`);
  return sheet;
}

function within(sheet: SheetState, rect: GridRect): void {
  if (rect.row < 1 || rect.column < 1 || rect.row + rect.numRows - 1 > sheet.maxRows || rect.column + rect.numColumns - 1 > sheet.maxColumns) {
    throw new UserActionError(`Outside the grid of ${sheet.name} (${sheet.maxRows} rows × ${sheet.maxColumns} columns)`);
  }
}

export function setActiveCell(state: AppsScriptState, sheetName: string, row: number, column: number): void {
  const sheet = sheetNamed(state, sheetName);
  const rect = { row, column, numRows: 1, numColumns: 1 };
  within(sheet, rect);
  state.spreadsheet.active = { sheetId: sheet.sheetId, rect };
}

export function editCells(state: AppsScriptState, sheetName: string, row: number, column: number, values: readonly (readonly (string | number | boolean | null)[])[]): GridRect {
  const sheet = sheetNamed(state, sheetName);
  const rect = { row, column, numRows: values.length, numColumns: Math.max(0, ...values.map((line) => line.length)) };
  if (rect.numRows === 0 || rect.numColumns === 0) throw new UserActionError('Nothing to type');
  within(sheet, rect);
  const email = currentUser(state).email;
  if (sheet.protections.some((p) => overlaps(p.rect, rect) && !canEdit(state, p, email))) {
    throw new UserActionError(`${email} may not edit the protected range ${sheetName}!R${row}C${column}`);
  }
  const rejected = userWriteCells(state, sheet, row, column, values);
  if (rejected !== null) throw new UserActionError(`Edit refused at R${rejected.row}C${rejected.column}: ${rejected.reason}`);
  return rect;
}

// Ascending order in Sheets: numbers, then text, then booleans, then errors; blanks always last.
function rank(value: Computed): number {
  if (value === undefined || value === '') return 4;
  if (typeof value === 'number') return 0;
  if (typeof value === 'string') return 1;
  if (typeof value === 'boolean') return 2;
  return 3;
}

function compare(a: Computed, b: Computed): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'ja', { sensitivity: 'base' });
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return 0;
}

/** Data > Sort range: rows fromRow..last row with content, whole rows, stable; blanks stay last either way. */
export function sortRows(state: AppsScriptState, sheetName: string, fromRow: number, byColumn: number, ascending = true): void {
  const sheet = sheetNamed(state, sheetName);
  const last = lastRowWithContent(sheet);
  if (fromRow < 1 || byColumn < 1 || byColumn > sheet.maxColumns) throw new UserActionError('Sort outside the grid');
  if (last <= fromRow) return;
  const keys = Array.from({ length: last - fromRow + 1 }, (_, i) => computedValue(state.spreadsheet, sheet, fromRow + i, byColumn));
  const order = keys
    .map((key, i) => ({ key, i }))
    .sort((a, b) => {
      const blankA = rank(a.key) === 4;
      const blankB = rank(b.key) === 4;
      if (blankA !== blankB) return blankA ? 1 : -1;
      const c = compare(a.key, b.key);
      return (ascending ? c : -c) || a.i - b.i;
    })
    .map((entry) => entry.i);
  permuteRows(sheet, fromRow, order);
}

export function insertRowsAsUser(state: AppsScriptState, sheetName: string, afterRow: number, count: number): void {
  const sheet = sheetNamed(state, sheetName);
  if (afterRow < 0 || afterRow > sheet.maxRows || count < 1) throw new UserActionError('Rows out of bounds');
  insertRows(state.spreadsheet, sheet, afterRow, count);
}

export function insertColumnsAsUser(state: AppsScriptState, sheetName: string, afterColumn: number, count: number): void {
  const sheet = sheetNamed(state, sheetName);
  if (afterColumn < 0 || afterColumn > sheet.maxColumns || count < 1) throw new UserActionError('Columns out of bounds');
  insertColumns(state.spreadsheet, sheet, afterColumn, count);
}

export function deleteRowsAsUser(state: AppsScriptState, sheetName: string, row: number, count: number): void {
  const sheet = sheetNamed(state, sheetName);
  if (row < 1 || count < 1 || row + count - 1 > sheet.maxRows || count >= sheet.maxRows) throw new UserActionError('Rows out of bounds');
  deleteRows(state.spreadsheet, sheet, row, count);
}

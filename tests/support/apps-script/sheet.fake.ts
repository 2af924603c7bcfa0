// SpreadsheetApp Sheet: the grid's size and content extent, ranges, row/column insertion and
// deletion (everything anchored to the grid follows), hiding, freezing, filters, conditional format
// rules, protections and developer metadata.
import type { AppsScriptState } from './apps-script-state.ts';
import { resolveA1 } from './a1-range.ts';
import { scriptWriteCells } from './cell-writes.ts';
import { FakeConditionalFormatRule } from './conditional-format.fake.ts';
import { addMetadata, FakeDeveloperMetadata, FakeDeveloperMetadataFinder, metadataArgs } from './developer-metadata.fake.ts';
import { enumName } from './enum-value.ts';
import { FakeFilter } from './filter.fake.ts';
import { createProtection, FakeProtection } from './protection.fake.ts';
import { checkedRect, FakeRange, isInt } from './range.fake.ts';
import { realmArray, scriptException, signatureMismatch } from './realm.ts';
import { guard, SCOPES } from './service-guard.ts';
import { deleteColumns, deleteRows, insertColumns, insertRows } from './sheet-dimensions.ts';
import { FakeSpreadsheet } from './spreadsheet.fake.ts';
import { lastColumnWithContent, lastRowWithContent, wholeSheet, type SheetState } from './spreadsheet-model.ts';

type SheetReads = Pick<GoogleAppsScript.Spreadsheet.Sheet, 'getName' | 'getSheetName' | 'getSheetId' | 'getIndex' | 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getMaxColumns' | 'getFrozenRows' | 'getFrozenColumns' | 'isColumnHiddenByUser'>;

export class FakeSheet implements SheetReads {
  readonly #state: AppsScriptState;
  readonly #sheet: SheetState;

  constructor(state: AppsScriptState, sheet: SheetState) {
    this.#state = state;
    this.#sheet = sheet;
  }

  get sheetState(): SheetState {
    return this.#sheet;
  }

  #enter(method: string): void {
    guard(this.#state, `Sheet.${method}`, 'limited', SCOPES.spreadsheets);
    if (!this.#state.spreadsheet.sheets.includes(this.#sheet)) throw scriptException(this.#state.realm, 'The sheet has been deleted.');
  }

  #fail(message: string): Error {
    return scriptException(this.#state.realm, message);
  }

  getName(): string {
    return this.#sheet.name;
  }

  getSheetName(): string {
    return this.#sheet.name;
  }

  setName(name: unknown): FakeSheet {
    this.#enter('setName');
    if (typeof name !== 'string' || name.trim() === '') throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Sheet.setName', [name]);
    const clash = this.#state.spreadsheet.sheets.find((s) => s !== this.#sheet && s.name.toLowerCase() === name.toLowerCase());
    if (clash !== undefined) throw this.#fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.#sheet.name = name;
    return this;
  }

  getSheetId(): number {
    return this.#sheet.sheetId;
  }

  getIndex(): number {
    return this.#state.spreadsheet.sheets.indexOf(this.#sheet) + 1;
  }

  getParent(): FakeSpreadsheet {
    return new FakeSpreadsheet(this.#state);
  }

  getLastRow(): number {
    this.#enter('getLastRow');
    return lastRowWithContent(this.#sheet);
  }

  getLastColumn(): number {
    this.#enter('getLastColumn');
    return lastColumnWithContent(this.#sheet);
  }

  getMaxRows(): number {
    return this.#sheet.maxRows;
  }

  getMaxColumns(): number {
    return this.#sheet.maxColumns;
  }

  getRange(...args: unknown[]): FakeRange {
    this.#enter('getRange');
    if (args.length === 1 && typeof args[0] === 'string') {
      const resolved = resolveA1(this.#state.spreadsheet, this.#sheet, args[0]);
      if (resolved === null) throw this.#fail('Range not found');
      return new FakeRange(this.#state, resolved.sheet, resolved.rect, resolved.openText);
    }
    return new FakeRange(this.#state, this.#sheet, checkedRect(this.#state, this.#sheet, 'SpreadsheetApp.Sheet.getRange', args));
  }

  getDataRange(): FakeRange {
    this.#enter('getDataRange');
    return new FakeRange(this.#state, this.#sheet, {
      row: 1,
      column: 1,
      numRows: Math.max(1, lastRowWithContent(this.#sheet)),
      numColumns: Math.max(1, lastColumnWithContent(this.#sheet)),
    });
  }

  getSheetValues(row: unknown, column: unknown, numRows: unknown, numColumns: unknown): unknown[][] {
    return this.getRange(row, column, numRows, numColumns).getValues();
  }

  appendRow(rowContents: unknown): FakeSheet {
    this.#enter('appendRow');
    if (!Array.isArray(rowContents)) throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Sheet.appendRow', [rowContents]);
    const row = lastRowWithContent(this.#sheet) + 1;
    if (rowContents.length > this.#sheet.maxColumns) insertColumns(this.#state.spreadsheet, this.#sheet, this.#sheet.maxColumns, rowContents.length - this.#sheet.maxColumns);
    if (row > this.#sheet.maxRows) insertRows(this.#state.spreadsheet, this.#sheet, this.#sheet.maxRows, 1);
    if (rowContents.length > 0) scriptWriteCells(this.#state, this.#sheet, row, 1, [rowContents]);
    return this;
  }

  #dimensionArgs(method: string, kind: 'rows' | 'columns', position: unknown, count: unknown, low: number): [number, number] {
    if (!isInt(position) || !isInt(count)) throw signatureMismatch(this.#state.realm, `SpreadsheetApp.Sheet.${method}`, [position, count]);
    const max = kind === 'rows' ? this.#sheet.maxRows : this.#sheet.maxColumns;
    if (position < low || position > max || count < 1) throw this.#fail(`Those ${kind} are out of bounds.`);
    return [position, count];
  }

  insertRowsAfter(afterPosition: unknown, howMany: unknown): FakeSheet {
    this.#enter('insertRowsAfter');
    const [after, count] = this.#dimensionArgs('insertRowsAfter', 'rows', afterPosition, howMany, 1);
    insertRows(this.#state.spreadsheet, this.#sheet, after, count);
    return this;
  }

  insertRowsBefore(beforePosition: unknown, howMany: unknown): FakeSheet {
    this.#enter('insertRowsBefore');
    const [before, count] = this.#dimensionArgs('insertRowsBefore', 'rows', beforePosition, howMany, 1);
    insertRows(this.#state.spreadsheet, this.#sheet, before - 1, count);
    return this;
  }

  insertRowAfter(afterPosition: unknown): FakeSheet {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertColumnsAfter(afterPosition: unknown, howMany: unknown): FakeSheet {
    this.#enter('insertColumnsAfter');
    const [after, count] = this.#dimensionArgs('insertColumnsAfter', 'columns', afterPosition, howMany, 1);
    insertColumns(this.#state.spreadsheet, this.#sheet, after, count);
    return this;
  }

  insertColumnsBefore(beforePosition: unknown, howMany: unknown): FakeSheet {
    this.#enter('insertColumnsBefore');
    const [before, count] = this.#dimensionArgs('insertColumnsBefore', 'columns', beforePosition, howMany, 1);
    insertColumns(this.#state.spreadsheet, this.#sheet, before - 1, count);
    return this;
  }

  insertColumnAfter(afterPosition: unknown): FakeSheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  deleteRows(rowPosition: unknown, howMany: unknown): void {
    this.#enter('deleteRows');
    const [row, count] = this.#dimensionArgs('deleteRows', 'rows', rowPosition, howMany, 1);
    if (row + count - 1 > this.#sheet.maxRows) throw this.#fail('Those rows are out of bounds.');
    if (row <= this.#sheet.frozenRows + 1 && row + count - 1 >= this.#sheet.maxRows) {
      throw this.#fail('Sorry, it is not possible to delete all non-frozen rows.');
    }
    deleteRows(this.#state.spreadsheet, this.#sheet, row, count);
  }

  deleteRow(rowPosition: unknown): FakeSheet {
    this.deleteRows(rowPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: unknown, howMany: unknown): void {
    this.#enter('deleteColumns');
    const [column, count] = this.#dimensionArgs('deleteColumns', 'columns', columnPosition, howMany, 1);
    if (column + count - 1 > this.#sheet.maxColumns) throw this.#fail('Those columns are out of bounds.');
    if (count >= this.#sheet.maxColumns) throw this.#fail('Sorry, it is not possible to delete all non-frozen columns.');
    deleteColumns(this.#state.spreadsheet, this.#sheet, column, count);
  }

  deleteColumn(columnPosition: unknown): FakeSheet {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  #setHidden(method: string, columnIndex: unknown, numColumns: unknown, hidden: boolean): void {
    this.#enter(method);
    const [column, count] = this.#dimensionArgs(method, 'columns', columnIndex, numColumns ?? 1, 1);
    if (column + count - 1 > this.#sheet.maxColumns) throw this.#fail('Those columns are out of bounds.');
    for (let c = column; c < column + count; c++) this.#sheet.hiddenColumns[c - 1] = hidden;
  }

  hideColumns(columnIndex: unknown, numColumns?: unknown): void {
    this.#setHidden('hideColumns', columnIndex, numColumns, true);
  }

  showColumns(columnIndex: unknown, numColumns?: unknown): void {
    this.#setHidden('showColumns', columnIndex, numColumns, false);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.#sheet.hiddenColumns[columnPosition - 1] === true;
  }

  setFrozenRows(rows: unknown): void {
    this.#enter('setFrozenRows');
    if (!isInt(rows)) throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Sheet.setFrozenRows', [rows]);
    if (rows < 0 || rows >= this.#sheet.maxRows) throw this.#fail("You can't freeze all visible rows on the sheet.");
    this.#sheet.frozenRows = rows;
  }

  getFrozenRows(): number {
    return this.#sheet.frozenRows;
  }

  setFrozenColumns(columns: unknown): void {
    this.#enter('setFrozenColumns');
    if (!isInt(columns)) throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Sheet.setFrozenColumns', [columns]);
    if (columns < 0 || columns >= this.#sheet.maxColumns) throw this.#fail("You can't freeze all visible columns on the sheet.");
    this.#sheet.frozenColumns = columns;
  }

  getFrozenColumns(): number {
    return this.#sheet.frozenColumns;
  }

  getFilter(): FakeFilter | null {
    this.#enter('getFilter');
    return this.#sheet.filter === null ? null : new FakeFilter(this.#state, this.#sheet);
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.#enter('getConditionalFormatRules');
    return realmArray(
      this.#state.realm,
      this.#sheet.conditionalRules.map((rule) => new FakeConditionalFormatRule(this.#state, this.#sheet.sheetId, { ...rule, ranges: rule.ranges.map((r) => ({ ...r })) })),
    );
  }

  setConditionalFormatRules(rules: unknown): void {
    this.#enter('setConditionalFormatRules');
    if (!Array.isArray(rules) || !rules.every((rule) => rule instanceof FakeConditionalFormatRule)) {
      throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
    }
    if (rules.some((rule) => rule.sheetId !== this.#sheet.sheetId)) {
      throw this.#fail('Conditional format rule cannot reference a different sheet.');
    }
    this.#sheet.conditionalRules = rules.map((rule) => ({ ...rule.spec, ranges: rule.spec.ranges.map((r) => ({ ...r })) }));
  }

  /** The sheet's own protection: the existing one when the sheet is already protected. */
  protect(): FakeProtection {
    this.#enter('protect');
    const existing = this.#sheet.protections.find((p) => p.type === 'SHEET');
    if (existing !== undefined) return new FakeProtection(this.#state, this.#sheet, existing);
    return createProtection(this.#state, this.#sheet, 'SHEET', wholeSheet(this.#sheet));
  }

  getProtections(type: unknown): FakeProtection[] {
    this.#enter('getProtections');
    const name = enumName(type);
    if (name !== 'SHEET' && name !== 'RANGE') throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Sheet.getProtections', [type]);
    return realmArray(
      this.#state.realm,
      this.#sheet.protections.filter((p) => p.type === name).map((p) => new FakeProtection(this.#state, this.#sheet, p)),
    );
  }

  addDeveloperMetadata(key: unknown, second?: unknown, third?: unknown): FakeSheet {
    this.#enter('addDeveloperMetadata');
    const { key: k, value, visibility } = metadataArgs(this.#state, 'SpreadsheetApp.Sheet.addDeveloperMetadata', [key, second, third]);
    addMetadata(this.#state, { type: 'SHEET', sheetId: this.#sheet.sheetId }, k, value, visibility);
    return this;
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.#enter('getDeveloperMetadata');
    const found = this.#state.spreadsheet.metadata.filter((entry) => entry.location.type === 'SHEET' && entry.location.sheetId === this.#sheet.sheetId);
    return realmArray(this.#state.realm, found.map((entry) => new FakeDeveloperMetadata(this.#state, entry.id)));
  }

  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.#enter('createDeveloperMetadataFinder');
    return new FakeDeveloperMetadataFinder(this.#state, { kind: 'sheet', sheetId: this.#sheet.sheetId });
  }

  activate(): FakeSheet {
    this.#enter('activate');
    this.#state.spreadsheet.active = { sheetId: this.#sheet.sheetId, rect: { row: 1, column: 1, numRows: 1, numColumns: 1 } };
    return this;
  }

  toString(): string {
    return 'Sheet';
  }
}

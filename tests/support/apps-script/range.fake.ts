// SpreadsheetApp Range: a fixed rectangle of one sheet (it does not move when rows are inserted
// later, as in Apps Script). 1-based, bounds-checked, 2-D arrays in and out.
import type { AppsScriptState } from './apps-script-state.ts';
import { rectA1 } from './a1-range.ts';
import { computedValue, displayValue, scriptValue, type ScriptCellValue } from './cell-read.ts';
import { scriptWriteCells, assertEditable } from './cell-writes.ts';
import { FakeDataValidation } from './data-validation.fake.ts';
import { addMetadata, FakeDeveloperMetadata, FakeDeveloperMetadataFinder, metadataArgs } from './developer-metadata.fake.ts';
import { FakeFilter } from './filter.fake.ts';
import { FakeProtection, createProtection } from './protection.fake.ts';
import { realmArray, scriptException, signatureMismatch } from './realm.ts';
import { FakeSheet } from './sheet.fake.ts';
import { cellAt, cellFor, hasContent, type GridRect, type SheetState } from './spreadsheet-model.ts';
import { guard, SCOPES } from './service-guard.ts';

type RangeReads = Pick<
  GoogleAppsScript.Spreadsheet.Range,
  | 'getValues'
  | 'getValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'getFormula'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getFontWeight'
  | 'getBackground'
  | 'isBlank'
>;

/** Apps Script's own default for a cell with no explicit number format. */
export const AUTOMATIC_FORMAT = '0.###############';

export function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** Validates getRange(row, column, numRows?, numColumns?) as Apps Script does. */
export function checkedRect(state: AppsScriptState, sheet: SheetState, method: string, args: readonly unknown[]): GridRect {
  if (args.length < 2 || args.length > 4 || !args.every(isInt)) throw signatureMismatch(state.realm, method, args);
  const [row = 1, column = 1, numRows = 1, numColumns = 1] = args as number[];
  const fail = (message: string): Error => scriptException(state.realm, message);
  if (row < 1) throw fail('The starting row of the range is too small.');
  if (column < 1) throw fail('The starting column of the range is too small.');
  if (numRows < 1) throw fail('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw fail('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw fail('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return { row, column, numRows, numColumns };
}

export class FakeRange implements RangeReads {
  readonly #state: AppsScriptState;
  readonly #sheet: SheetState;
  readonly #rect: GridRect;
  readonly #openText: string | null;

  constructor(state: AppsScriptState, sheet: SheetState, rect: GridRect, openText: string | null = null) {
    this.#state = state;
    this.#sheet = sheet;
    this.#rect = rect;
    this.#openText = openText;
  }

  get rect(): GridRect {
    return this.#rect;
  }

  get sheetState(): SheetState {
    return this.#sheet;
  }

  #enter(method: string): void {
    guard(this.#state, `Range.${method}`, 'limited', SCOPES.spreadsheets);
  }

  #map<T>(read: (row: number, column: number) => T): T[][] {
    const out: T[][] = realmArray(this.#state.realm, []);
    for (let r = 0; r < this.#rect.numRows; r++) {
      const line: T[] = realmArray(this.#state.realm, []);
      for (let c = 0; c < this.#rect.numColumns; c++) line.push(read(this.#rect.row + r, this.#rect.column + c));
      out.push(line);
    }
    return out;
  }

  #value(row: number, column: number): ScriptCellValue {
    const doc = this.#state.spreadsheet;
    return scriptValue(computedValue(doc, this.#sheet, row, column), cellAt(this.#sheet, row, column)?.format ?? null, doc.timeZone, this.#state.realm);
  }

  getValues(): ScriptCellValue[][] {
    this.#enter('getValues');
    return this.#map((row, column) => this.#value(row, column));
  }

  getValue(): ScriptCellValue {
    this.#enter('getValue');
    return this.#value(this.#rect.row, this.#rect.column);
  }

  getDisplayValues(): string[][] {
    this.#enter('getDisplayValues');
    const doc = this.#state.spreadsheet;
    return this.#map((row, column) => displayValue(computedValue(doc, this.#sheet, row, column), cellAt(this.#sheet, row, column)?.format ?? null));
  }

  getDisplayValue(): string {
    return this.getDisplayValues()[0]?.[0] ?? '';
  }

  getFormulas(): string[][] {
    this.#enter('getFormulas');
    return this.#map((row, column) => cellAt(this.#sheet, row, column)?.formula ?? '');
  }

  getFormula(): string {
    return this.getFormulas()[0]?.[0] ?? '';
  }

  setValues(values: unknown): FakeRange {
    this.#enter('setValues');
    if (!Array.isArray(values) || values.some((line) => !Array.isArray(line))) {
      throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Range.setValues', [values]);
    }
    const rows = values as unknown[][];
    if (rows.length !== this.#rect.numRows) {
      throw scriptException(
        this.#state.realm,
        `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this.#rect.numRows}.`,
      );
    }
    for (const line of rows) {
      if (line.length !== this.#rect.numColumns) {
        throw scriptException(
          this.#state.realm,
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.#rect.numColumns}.`,
        );
      }
    }
    scriptWriteCells(this.#state, this.#sheet, this.#rect.row, this.#rect.column, rows);
    return this;
  }

  setValue(value: unknown): FakeRange {
    this.#enter('setValue');
    const rows = Array.from({ length: this.#rect.numRows }, () => Array.from({ length: this.#rect.numColumns }, () => value));
    scriptWriteCells(this.#state, this.#sheet, this.#rect.row, this.#rect.column, rows);
    return this;
  }

  setFormula(formula: string): FakeRange {
    if (typeof formula !== 'string') throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Range.setFormula', [formula]);
    return this.setValue(formula.startsWith('=') ? formula : `=${formula}`);
  }

  clearContent(): FakeRange {
    this.#enter('clearContent');
    return this.setValue(null);
  }

  clear(): FakeRange {
    this.#enter('clear');
    assertEditable(this.#state, this.#sheet, this.#rect);
    this.#each((row, column) => {
      if (this.#sheet.rows[row - 1]?.[column - 1] !== undefined) delete this.#sheet.rows[row - 1]?.[column - 1];
      this.#state.writes.push({ sheet: this.#sheet.name, row, column, value: null, formula: false });
    });
    return this;
  }

  #each(visit: (row: number, column: number) => void): void {
    for (let r = 0; r < this.#rect.numRows; r++) for (let c = 0; c < this.#rect.numColumns; c++) visit(this.#rect.row + r, this.#rect.column + c);
  }

  isBlank(): boolean {
    this.#enter('isBlank');
    let blank = true;
    this.#each((row, column) => {
      if (hasContent(cellAt(this.#sheet, row, column))) blank = false;
    });
    return blank;
  }

  getRow(): number {
    return this.#rect.row;
  }

  getRowIndex(): number {
    return this.#rect.row;
  }

  getColumn(): number {
    return this.#rect.column;
  }

  getNumRows(): number {
    return this.#rect.numRows;
  }

  getNumColumns(): number {
    return this.#rect.numColumns;
  }

  getLastRow(): number {
    return this.#rect.row + this.#rect.numRows - 1;
  }

  getLastColumn(): number {
    return this.#rect.column + this.#rect.numColumns - 1;
  }

  getA1Notation(): string {
    return this.#openText ?? rectA1(this.#rect);
  }

  getSheet(): FakeSheet {
    return new FakeSheet(this.#state, this.#sheet);
  }

  getCell(row: unknown, column: unknown): FakeRange {
    if (!isInt(row) || !isInt(column)) throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Range.getCell', [row, column]);
    if (row < 1 || column < 1 || row > this.#rect.numRows || column > this.#rect.numColumns) {
      throw scriptException(this.#state.realm, 'Cell reference out of range');
    }
    return new FakeRange(this.#state, this.#sheet, { row: this.#rect.row + row - 1, column: this.#rect.column + column - 1, numRows: 1, numColumns: 1 });
  }

  offset(rowOffset: unknown, columnOffset: unknown, numRows?: unknown, numColumns?: unknown): FakeRange {
    const args = [rowOffset, columnOffset, numRows ?? this.#rect.numRows, numColumns ?? this.#rect.numColumns];
    if (!isInt(rowOffset) || !isInt(columnOffset)) throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Range.offset', args);
    const rect = checkedRect(this.#state, this.#sheet, 'SpreadsheetApp.Range.offset', [this.#rect.row + rowOffset, this.#rect.column + columnOffset, args[2], args[3]]);
    return new FakeRange(this.#state, this.#sheet, rect);
  }

  setNumberFormat(format: unknown): FakeRange {
    this.#enter('setNumberFormat');
    if (typeof format !== 'string') throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Range.setNumberFormat', [format]);
    assertEditable(this.#state, this.#sheet, this.#rect);
    this.#each((row, column) => {
      cellFor(this.#sheet, row, column).format = format === '' ? null : format;
    });
    return this;
  }

  setNumberFormats(formats: unknown): FakeRange {
    this.#enter('setNumberFormats');
    this.#checkGrid('setNumberFormats', formats, (value) => typeof value === 'string');
    assertEditable(this.#state, this.#sheet, this.#rect);
    const grid = formats as string[][];
    this.#each((row, column) => {
      const format = grid[row - this.#rect.row]?.[column - this.#rect.column] ?? '';
      cellFor(this.#sheet, row, column).format = format === '' ? null : format;
    });
    return this;
  }

  getNumberFormats(): string[][] {
    this.#enter('getNumberFormats');
    return this.#map((row, column) => cellAt(this.#sheet, row, column)?.format ?? AUTOMATIC_FORMAT);
  }

  getNumberFormat(): string {
    return this.getNumberFormats()[0]?.[0] ?? AUTOMATIC_FORMAT;
  }

  #checkGrid(method: string, grid: unknown, valid: (value: unknown) => boolean): void {
    if (!Array.isArray(grid) || grid.some((line) => !Array.isArray(line) || !line.every(valid))) {
      throw signatureMismatch(this.#state.realm, `SpreadsheetApp.Range.${method}`, [grid]);
    }
    const rows = grid as unknown[][];
    if (rows.length !== this.#rect.numRows) {
      throw scriptException(this.#state.realm, `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this.#rect.numRows}.`);
    }
    for (const line of rows) {
      if (line.length !== this.#rect.numColumns) {
        throw scriptException(this.#state.realm, `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.#rect.numColumns}.`);
      }
    }
  }

  setFontWeight(weight: unknown): FakeRange {
    this.#enter('setFontWeight');
    if (weight !== null && weight !== 'bold' && weight !== 'normal') {
      throw scriptException(this.#state.realm, `Invalid argument: fontWeight`);
    }
    this.#each((row, column) => {
      cellFor(this.#sheet, row, column).fontWeight = weight === 'bold' ? 'bold' : null;
    });
    return this;
  }

  getFontWeight(): 'normal' | 'bold' {
    return cellAt(this.#sheet, this.#rect.row, this.#rect.column)?.fontWeight === 'bold' ? 'bold' : 'normal';
  }

  setBackground(color: unknown): FakeRange {
    this.#enter('setBackground');
    if (color !== null && typeof color !== 'string') throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Range.setBackground', [color]);
    this.#each((row, column) => {
      cellFor(this.#sheet, row, column).background = color === null || color === '' ? null : color.toLowerCase();
    });
    return this;
  }

  getBackground(): string {
    return cellAt(this.#sheet, this.#rect.row, this.#rect.column)?.background ?? '#ffffff';
  }

  setDataValidation(rule: unknown): FakeRange {
    this.#enter('setDataValidation');
    if (rule !== null && !(rule instanceof FakeDataValidation)) {
      throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Range.setDataValidation', [rule]);
    }
    const validation = rule === null ? null : rule.spec;
    this.#each((row, column) => {
      cellFor(this.#sheet, row, column).validation = validation;
    });
    return this;
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    this.#enter('getDataValidations');
    return this.#map((row, column) => {
      const spec = cellAt(this.#sheet, row, column)?.validation ?? null;
      return spec === null ? null : new FakeDataValidation(spec);
    });
  }

  getDataValidation(): FakeDataValidation | null {
    return this.getDataValidations()[0]?.[0] ?? null;
  }

  /** Only a whole single row or column may carry metadata. */
  addDeveloperMetadata(key: unknown, second?: unknown, third?: unknown): FakeRange {
    this.#enter('addDeveloperMetadata');
    const { key: k, value, visibility } = metadataArgs(this.#state, 'SpreadsheetApp.Range.addDeveloperMetadata', [key, second, third]);
    const location = this.#metadataLocation();
    if (location === null) {
      throw scriptException(
        this.#state.realm,
        'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
      );
    }
    addMetadata(this.#state, location, k, value, visibility);
    return this;
  }

  #metadataLocation(): { type: 'ROW' | 'COLUMN'; sheetId: number; index: number } | null {
    const { row, column, numRows, numColumns } = this.#rect;
    if (numColumns === 1 && row === 1 && numRows === this.#sheet.maxRows) return { type: 'COLUMN', sheetId: this.#sheet.sheetId, index: column };
    if (numRows === 1 && column === 1 && numColumns === this.#sheet.maxColumns) return { type: 'ROW', sheetId: this.#sheet.sheetId, index: row };
    return null;
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.#enter('getDeveloperMetadata');
    const location = this.#metadataLocation();
    const found =
      location === null
        ? []
        : this.#state.spreadsheet.metadata.filter(
            (entry) => entry.location.type === location.type && entry.location.sheetId === location.sheetId && entry.location.index === location.index,
          );
    return realmArray(this.#state.realm, found.map((entry) => new FakeDeveloperMetadata(this.#state, entry.id)));
  }

  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.#enter('createDeveloperMetadataFinder');
    return new FakeDeveloperMetadataFinder(this.#state, { kind: 'range', sheetId: this.#sheet.sheetId, rect: this.#rect });
  }

  createFilter(): FakeFilter {
    this.#enter('createFilter');
    if (this.#sheet.filter !== null) throw scriptException(this.#state.realm, "You can't create a filter in a sheet that already has a filter.");
    this.#sheet.filter = { rect: { ...this.#rect }, criteria: new Map() };
    return new FakeFilter(this.#state, this.#sheet);
  }

  protect(): FakeProtection {
    this.#enter('protect');
    return createProtection(this.#state, this.#sheet, 'RANGE', { ...this.#rect });
  }

  activate(): FakeRange {
    this.#enter('activate');
    this.#state.spreadsheet.active = { sheetId: this.#sheet.sheetId, rect: { ...this.#rect } };
    return this;
  }

  toString(): string {
    return 'Range';
  }
}

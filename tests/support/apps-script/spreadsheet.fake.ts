// SpreadsheetApp Spreadsheet: the one document the add-on is bound to.
import type { AppsScriptState } from './apps-script-state.ts';
import { resolveA1 } from './a1-range.ts';
import { addMetadata, FakeDeveloperMetadata, FakeDeveloperMetadataFinder, metadataArgs } from './developer-metadata.fake.ts';
import { FakeRange } from './range.fake.ts';
import { realmArray, scriptException, signatureMismatch } from './realm.ts';
import { guard, SCOPES } from './service-guard.ts';
import { FakeSheet } from './sheet.fake.ts';
import { findSheet, findSheetByName, newSheet, nextId, type SheetState } from './spreadsheet-model.ts';

type SpreadsheetReads = Pick<GoogleAppsScript.Spreadsheet.Spreadsheet, 'getId' | 'getName' | 'getUrl' | 'getSpreadsheetTimeZone' | 'getSpreadsheetLocale'>;

export class FakeSpreadsheet implements SpreadsheetReads {
  readonly #state: AppsScriptState;

  constructor(state: AppsScriptState) {
    this.#state = state;
  }

  #enter(method: string): void {
    guard(this.#state, `Spreadsheet.${method}`, 'limited', SCOPES.spreadsheets);
  }

  #activeSheet(): SheetState {
    const doc = this.#state.spreadsheet;
    const sheet = findSheet(doc, doc.active.sheetId) ?? doc.sheets[0];
    if (sheet === undefined) throw scriptException(this.#state.realm, 'The spreadsheet has no sheets.');
    return sheet;
  }

  getId(): string {
    return this.#state.spreadsheet.id;
  }

  getName(): string {
    return this.#state.spreadsheet.name;
  }

  rename(name: string): void {
    this.#enter('rename');
    this.#state.spreadsheet.name = String(name);
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.#state.spreadsheet.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    return this.#state.spreadsheet.timeZone;
  }

  getSpreadsheetLocale(): string {
    return this.#state.spreadsheet.locale;
  }

  getSheets(): FakeSheet[] {
    this.#enter('getSheets');
    return realmArray(this.#state.realm, this.#state.spreadsheet.sheets.map((sheet) => new FakeSheet(this.#state, sheet)));
  }

  getNumSheets(): number {
    return this.#state.spreadsheet.sheets.length;
  }

  getSheetByName(name: unknown): FakeSheet | null {
    this.#enter('getSheetByName');
    if (typeof name !== 'string') throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Spreadsheet.getSheetByName', [name]);
    const sheet = findSheetByName(this.#state.spreadsheet, name);
    return sheet === undefined ? null : new FakeSheet(this.#state, sheet);
  }

  getSheetById(id: unknown): FakeSheet | null {
    this.#enter('getSheetById');
    const sheet = typeof id === 'number' ? findSheet(this.#state.spreadsheet, id) : undefined;
    return sheet === undefined ? null : new FakeSheet(this.#state, sheet);
  }

  /** insertSheet(), insertSheet(name), insertSheet(name, index); the new sheet becomes active. */
  insertSheet(name?: unknown, index?: unknown): FakeSheet {
    this.#enter('insertSheet');
    const doc = this.#state.spreadsheet;
    if (name !== undefined && typeof name !== 'string') throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Spreadsheet.insertSheet', [name, index]);
    let title = name;
    if (title === undefined) {
      const stem = doc.locale.startsWith('ja') ? 'シート' : 'Sheet';
      let n = doc.sheets.length + 1;
      while (doc.sheets.some((s) => s.name === `${stem}${n}`)) n++;
      title = `${stem}${n}`;
    }
    const wanted = title;
    if (doc.sheets.some((s) => s.name.toLowerCase() === wanted.toLowerCase())) {
      throw scriptException(this.#state.realm, `A sheet with the name "${wanted}" already exists. Please enter another name.`);
    }
    const sheet = newSheet(nextId(doc) * 7 + 100_000, wanted);
    const position = typeof index === 'number' ? Math.max(0, Math.min(index, doc.sheets.length)) : doc.sheets.length;
    doc.sheets.splice(position, 0, sheet);
    doc.active = { sheetId: sheet.sheetId, rect: { row: 1, column: 1, numRows: 1, numColumns: 1 } };
    return new FakeSheet(this.#state, sheet);
  }

  deleteSheet(sheet: unknown): void {
    this.#enter('deleteSheet');
    if (!(sheet instanceof FakeSheet)) throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Spreadsheet.deleteSheet', [sheet]);
    const doc = this.#state.spreadsheet;
    if (doc.sheets.length === 1) throw scriptException(this.#state.realm, "You can't remove all the sheets in a document.");
    const gone = sheet.sheetState;
    doc.sheets = doc.sheets.filter((s) => s !== gone);
    doc.metadata = doc.metadata.filter((entry) => entry.location.type === 'SPREADSHEET' || entry.location.sheetId !== gone.sheetId);
    if (doc.active.sheetId === gone.sheetId) doc.active = { sheetId: doc.sheets[0]?.sheetId ?? 0, rect: { row: 1, column: 1, numRows: 1, numColumns: 1 } };
  }

  getActiveSheet(): FakeSheet {
    this.#enter('getActiveSheet');
    return new FakeSheet(this.#state, this.#activeSheet());
  }

  setActiveSheet(sheet: unknown): FakeSheet {
    if (!(sheet instanceof FakeSheet)) throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Spreadsheet.setActiveSheet', [sheet]);
    return sheet.activate();
  }

  getActiveRange(): FakeRange {
    this.#enter('getActiveRange');
    return new FakeRange(this.#state, this.#activeSheet(), { ...this.#state.spreadsheet.active.rect });
  }

  getActiveCell(): FakeRange {
    this.#enter('getActiveCell');
    const { row, column } = this.#state.spreadsheet.active.rect;
    return new FakeRange(this.#state, this.#activeSheet(), { row, column, numRows: 1, numColumns: 1 });
  }

  getCurrentCell(): FakeRange {
    return this.getActiveCell();
  }

  getRange(a1Notation: unknown): FakeRange {
    this.#enter('getRange');
    if (typeof a1Notation !== 'string') throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.Spreadsheet.getRange', [a1Notation]);
    const resolved = resolveA1(this.#state.spreadsheet, this.#activeSheet(), a1Notation);
    if (resolved === null) throw scriptException(this.#state.realm, 'Range not found');
    return new FakeRange(this.#state, resolved.sheet, resolved.rect, resolved.openText);
  }

  toast(message: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.#enter('toast');
    this.#state.ui.toasts.push({
      message: String(message),
      title: title === undefined || title === null ? null : String(title),
      seconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : null,
    });
  }

  addDeveloperMetadata(key: unknown, second?: unknown, third?: unknown): FakeSpreadsheet {
    this.#enter('addDeveloperMetadata');
    const { key: k, value, visibility } = metadataArgs(this.#state, 'SpreadsheetApp.Spreadsheet.addDeveloperMetadata', [key, second, third]);
    addMetadata(this.#state, { type: 'SPREADSHEET' }, k, value, visibility);
    return this;
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.#enter('getDeveloperMetadata');
    const found = this.#state.spreadsheet.metadata.filter((entry) => entry.location.type === 'SPREADSHEET');
    return realmArray(this.#state.realm, found.map((entry) => new FakeDeveloperMetadata(this.#state, entry.id)));
  }

  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.#enter('createDeveloperMetadataFinder');
    return new FakeDeveloperMetadataFinder(this.#state, { kind: 'spreadsheet' });
  }

  toString(): string {
    return 'Spreadsheet';
  }
}

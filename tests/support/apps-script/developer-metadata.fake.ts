// Developer metadata: key/value pairs on the spreadsheet, a sheet, or one whole row or column.
// Row and column metadata move with insertions and deletions (see sheet-dimensions.ts) and are
// removed with their row or column.
import type { AppsScriptState } from './apps-script-state.ts';
import { enumName, makeEnum } from './enum-value.ts';
import { FakeRange } from './range.fake.ts';
import { realmArray, scriptException, signatureMismatch } from './realm.ts';
import { FakeSheet } from './sheet.fake.ts';
import { FakeSpreadsheet } from './spreadsheet.fake.ts';
import { findSheet, nextId, rectContains, type GridRect, type MetadataLocation, type MetadataState, type MetadataVisibility } from './spreadsheet-model.ts';

export const DeveloperMetadataVisibility = makeEnum(['DOCUMENT', 'PROJECT']);
export const DeveloperMetadataLocationType = makeEnum(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN']);

/** Both the spreadsheet and each sheet hold at most this many characters of developer metadata. */
export const METADATA_CHAR_LIMIT = 30_000;

function visibilityOf(value: unknown): MetadataVisibility | null {
  const name = enumName(value);
  return name === 'DOCUMENT' || name === 'PROJECT' ? name : null;
}

function isVisibility(value: unknown): boolean {
  return typeof value === 'object' && value !== null && visibilityOf(value) !== null;
}

/** addDeveloperMetadata(key), (key, visibility), (key, value), (key, value, visibility). */
export function metadataArgs(state: AppsScriptState, method: string, args: readonly unknown[]): { key: string; value: string | null; visibility: MetadataVisibility } {
  const given = args.filter((arg) => arg !== undefined);
  const [key, second, third] = given;
  if (typeof key !== 'string' || given.length > 3) throw signatureMismatch(state.realm, method, given);
  if (given.length === 1) return { key, value: null, visibility: 'DOCUMENT' };
  if (given.length === 2) {
    if (isVisibility(second)) return { key, value: null, visibility: visibilityOf(second) ?? 'DOCUMENT' };
    if (typeof second === 'string') return { key, value: second, visibility: 'DOCUMENT' };
    throw signatureMismatch(state.realm, method, given);
  }
  const visibility = visibilityOf(third);
  if (typeof second !== 'string' || visibility === null) throw signatureMismatch(state.realm, method, given);
  return { key, value: second, visibility };
}

function size(entry: { key: string; value: string | null }): number {
  return entry.key.length + (entry.value?.length ?? 0);
}

function sheetIdOf(location: MetadataLocation): number | null {
  return location.type === 'SPREADSHEET' ? null : location.sheetId;
}

function checkLimits(state: AppsScriptState, location: MetadataLocation, extra: number): void {
  const all = state.spreadsheet.metadata;
  const total = all.reduce((sum, entry) => sum + size(entry), 0) + extra;
  const sheetId = sheetIdOf(location);
  const onSheet = sheetId === null ? 0 : all.filter((entry) => sheetIdOf(entry.location) === sheetId).reduce((sum, entry) => sum + size(entry), 0) + extra;
  if (total > METADATA_CHAR_LIMIT || onSheet > METADATA_CHAR_LIMIT) {
    throw scriptException(state.realm, `Developer metadata exceeds the ${METADATA_CHAR_LIMIT}-character limit of the ${onSheet > METADATA_CHAR_LIMIT ? 'sheet' : 'spreadsheet'}.`);
  }
}

export function addMetadata(state: AppsScriptState, location: MetadataLocation, key: string, value: string | null, visibility: MetadataVisibility): MetadataState {
  if (key === '') throw scriptException(state.realm, 'Invalid argument: key');
  checkLimits(state, location, size({ key, value }));
  const entry: MetadataState = { id: nextId(state.spreadsheet), key, value, visibility, location: { ...location } };
  state.spreadsheet.metadata.push(entry);
  return entry;
}

export class FakeDeveloperMetadataLocation {
  readonly #state: AppsScriptState;
  readonly #location: MetadataLocation;

  constructor(state: AppsScriptState, location: MetadataLocation) {
    this.#state = state;
    this.#location = location;
  }

  getLocationType(): (typeof DeveloperMetadataLocationType)[keyof typeof DeveloperMetadataLocationType] {
    return DeveloperMetadataLocationType[this.#location.type];
  }

  #sheet() {
    return this.#location.type === 'SPREADSHEET' ? undefined : findSheet(this.#state.spreadsheet, this.#location.sheetId);
  }

  getSheet(): FakeSheet | null {
    const sheet = this.#sheet();
    return this.#location.type === 'SHEET' && sheet !== undefined ? new FakeSheet(this.#state, sheet) : null;
  }

  getSpreadsheet(): FakeSpreadsheet | null {
    return this.#location.type === 'SPREADSHEET' ? new FakeSpreadsheet(this.#state) : null;
  }

  getColumn(): FakeRange | null {
    const sheet = this.#sheet();
    if (this.#location.type !== 'COLUMN' || sheet === undefined) return null;
    return new FakeRange(this.#state, sheet, { row: 1, column: this.#location.index, numRows: sheet.maxRows, numColumns: 1 });
  }

  getRow(): FakeRange | null {
    const sheet = this.#sheet();
    if (this.#location.type !== 'ROW' || sheet === undefined) return null;
    return new FakeRange(this.#state, sheet, { row: this.#location.index, column: 1, numRows: 1, numColumns: sheet.maxColumns });
  }
}

export class FakeDeveloperMetadata {
  readonly #state: AppsScriptState;
  readonly #id: number;

  constructor(state: AppsScriptState, id: number) {
    this.#state = state;
    this.#id = id;
  }

  #entry(): MetadataState {
    const entry = this.#state.spreadsheet.metadata.find((candidate) => candidate.id === this.#id);
    if (entry === undefined) throw scriptException(this.#state.realm, `No developer metadata with ID ${this.#id} exists.`);
    return entry;
  }

  getId(): number {
    return this.#entry().id;
  }

  getKey(): string {
    return this.#entry().key;
  }

  getValue(): string | null {
    return this.#entry().value;
  }

  getVisibility(): (typeof DeveloperMetadataVisibility)[MetadataVisibility] {
    return DeveloperMetadataVisibility[this.#entry().visibility];
  }

  getLocation(): FakeDeveloperMetadataLocation {
    return new FakeDeveloperMetadataLocation(this.#state, { ...this.#entry().location });
  }

  setKey(key: unknown): FakeDeveloperMetadata {
    if (typeof key !== 'string' || key === '') throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.DeveloperMetadata.setKey', [key]);
    const entry = this.#entry();
    checkLimits(this.#state, entry.location, key.length - entry.key.length);
    entry.key = key;
    return this;
  }

  setValue(value: unknown): FakeDeveloperMetadata {
    if (typeof value !== 'string' && value !== null) throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.DeveloperMetadata.setValue', [value]);
    const entry = this.#entry();
    checkLimits(this.#state, entry.location, (value?.length ?? 0) - (entry.value?.length ?? 0));
    entry.value = value;
    return this;
  }

  setVisibility(visibility: unknown): FakeDeveloperMetadata {
    const name = visibilityOf(visibility);
    if (name === null) throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.DeveloperMetadata.setVisibility', [visibility]);
    this.#entry().visibility = name;
    return this;
  }

  moveToColumn(range: unknown): FakeDeveloperMetadata {
    return this.#moveTo(range, 'COLUMN');
  }

  moveToRow(range: unknown): FakeDeveloperMetadata {
    return this.#moveTo(range, 'ROW');
  }

  #moveTo(range: unknown, type: 'ROW' | 'COLUMN'): FakeDeveloperMetadata {
    if (!(range instanceof FakeRange)) throw signatureMismatch(this.#state.realm, `SpreadsheetApp.DeveloperMetadata.moveTo${type === 'ROW' ? 'Row' : 'Column'}`, [range]);
    const rect = range.rect;
    const single = type === 'ROW' ? rect.numRows === 1 : rect.numColumns === 1;
    if (!single) throw scriptException(this.#state.realm, `The range must be a single ${type === 'ROW' ? 'row' : 'column'}.`);
    this.#entry().location = { type, sheetId: range.sheetState.sheetId, index: type === 'ROW' ? rect.row : rect.column };
    return this;
  }

  remove(): void {
    this.#entry();
    this.#state.spreadsheet.metadata = this.#state.spreadsheet.metadata.filter((entry) => entry.id !== this.#id);
  }
}

export type FinderScope = { readonly kind: 'spreadsheet' } | { readonly kind: 'sheet'; readonly sheetId: number } | { readonly kind: 'range'; readonly sheetId: number; readonly rect: GridRect };

export class FakeDeveloperMetadataFinder {
  readonly #state: AppsScriptState;
  readonly #scope: FinderScope;
  readonly #tests: ((entry: MetadataState) => boolean)[] = [];
  #intersecting = false;

  constructor(state: AppsScriptState, scope: FinderScope) {
    this.#state = state;
    this.#scope = scope;
  }

  withId(id: unknown): FakeDeveloperMetadataFinder {
    this.#tests.push((entry) => entry.id === id);
    return this;
  }

  withKey(key: unknown): FakeDeveloperMetadataFinder {
    if (typeof key !== 'string') throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.DeveloperMetadataFinder.withKey', [key]);
    this.#tests.push((entry) => entry.key === key);
    return this;
  }

  withValue(value: unknown): FakeDeveloperMetadataFinder {
    if (typeof value !== 'string') throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.DeveloperMetadataFinder.withValue', [value]);
    this.#tests.push((entry) => entry.value === value);
    return this;
  }

  withLocationType(type: unknown): FakeDeveloperMetadataFinder {
    const name = enumName(type);
    if (name === null) throw signatureMismatch(this.#state.realm, 'SpreadsheetApp.DeveloperMetadataFinder.withLocationType', [type]);
    this.#tests.push((entry) => entry.location.type === name);
    return this;
  }

  withVisibility(visibility: unknown): FakeDeveloperMetadataFinder {
    const name = visibilityOf(visibility);
    this.#tests.push((entry) => entry.visibility === name);
    return this;
  }

  onIntersectingLocations(): FakeDeveloperMetadataFinder {
    this.#intersecting = true;
    return this;
  }

  #inScope(entry: MetadataState): boolean {
    const scope = this.#scope;
    const location = entry.location;
    if (scope.kind === 'spreadsheet') return true;
    if (location.type === 'SPREADSHEET' || location.sheetId !== scope.sheetId) return false;
    if (scope.kind === 'sheet') return true;
    if (location.type === 'SHEET') return false;
    const sheet = findSheet(this.#state.spreadsheet, scope.sheetId);
    if (sheet === undefined) return false;
    const rect: GridRect =
      location.type === 'ROW'
        ? { row: location.index, column: 1, numRows: 1, numColumns: sheet.maxColumns }
        : { row: 1, column: location.index, numRows: sheet.maxRows, numColumns: 1 };
    if (this.#intersecting) {
      return location.type === 'ROW'
        ? location.index >= scope.rect.row && location.index < scope.rect.row + scope.rect.numRows
        : location.index >= scope.rect.column && location.index < scope.rect.column + scope.rect.numColumns;
    }
    // Metadata is in a range's scope only when its row or column lies wholly inside the range.
    return rectContains(scope.rect, rect);
  }

  find(): FakeDeveloperMetadata[] {
    const found = this.#state.spreadsheet.metadata.filter((entry) => this.#inScope(entry) && this.#tests.every((test) => test(entry)));
    return realmArray(this.#state.realm, found.map((entry) => new FakeDeveloperMetadata(this.#state, entry.id)));
  }
}

// Everything the Apps Script fakes share for one add-on installation on one spreadsheet: the
// document, the property stores, triggers, locks, the person at the keyboard, the execution in
// progress, the clock, and the records tests inspect.
import type { FetchRecord, CellWriteRecord, LogRecord, MenuRecord, SidebarRecord, DialogRecord, AlertRecord, ToastRecord, TriggerEventType } from './apps-script-records.ts';
import { createClock, type FakeClock } from './clock.ts';
import { resolveA1 } from './a1-range.ts';
import { typedInput, applyWrite, scriptInput } from './cell-input.ts';
import { hostRealm, type Realm } from './realm.ts';
import { cellFor, DEFAULT_COLUMNS, DEFAULT_ROWS, newSheet, type SpreadsheetState } from './spreadsheet-model.ts';
import { isTimeZone } from './time-zone.ts';

export type InitCellValue = string | number | boolean | Date | null;

export interface FakeSheetInit {
  name: string;
  /** Stored as typed by a person: '2026/04/01' becomes a date, '1,200' a number, "'001" the text 001. */
  rows: InitCellValue[][];
  maxRows?: number;
  maxColumns?: number;
  frozenRows?: number;
  /** Number formats the team set after typing, by A1 range: { 'A1:Z1000': '@' } is a sheet formatted as plain text. */
  numberFormats?: Readonly<Record<string, string>>;
  /** Dropdowns the team set, by A1 range: strict lists (input outside them is refused), as a team's own usually are. */
  dropdowns?: Readonly<Record<string, readonly string[]>>;
}

export interface FakeSpreadsheetInit {
  id: string;
  name: string;
  timeZone: string;
  /** Sheets locale, e.g. ja_JP (default) or en_US. */
  locale?: string;
  sheets: FakeSheetInit[];
}

export interface FakeUser {
  email: string;
  idToken: string;
  oauthToken: string;
  /** Session.getActiveUserLocale(), e.g. 'ja' (default) or 'en'. */
  locale?: string;
}

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';
export type ExecutionKind = 'call' | 'simple-trigger' | 'installable-trigger';
export type LockKind = 'document' | 'user' | 'script';

export interface ExecutionState {
  readonly id: number;
  readonly user: FakeUser;
  readonly authMode: AuthMode;
  readonly kind: ExecutionKind;
  readonly startedAt: number;
  /** Apps Script's limit for this kind of execution (6 minutes; 30 s for simple triggers). */
  readonly limitMs: number;
}

export interface TriggerState {
  readonly uid: string;
  readonly handler: string;
  readonly eventType: TriggerEventType;
  readonly documentId: string;
  readonly owner: FakeUser;
  readonly everyHours: number | null;
  runs: number;
  failures: string[];
}

export type LockHolder = { readonly kind: 'external' } | { readonly kind: 'execution'; readonly id: number };

export interface UiState {
  menus: MenuRecord[];
  sidebars: SidebarRecord[];
  dialogs: DialogRecord[];
  alerts: AlertRecord[];
  toasts: ToastRecord[];
}

export interface AppsScriptState {
  /** The realm of the execution in progress (each execution gets a fresh one, as in Apps Script). */
  realm: Realm;
  readonly clock: FakeClock;
  readonly spreadsheet: SpreadsheetState;
  /** The file's owner: always an editor of protected ranges. */
  readonly ownerEmail: string;
  /** The person at the keyboard: google.script.run calls and menu items run as them. */
  user: FakeUser;
  execution: ExecutionState | null;
  /** The manifest's oauthScopes; null when the project declares none (all detected scopes granted). */
  readonly scopes: readonly string[] | null;
  /** The manifest's urlFetchWhitelist; null when it has none (then any URL may be fetched). */
  readonly urlFetchWhitelist: readonly string[] | null;
  readonly scriptTimeZone: string;
  readonly properties: {
    readonly script: Map<string, string>;
    readonly document: Map<string, string>;
    readonly users: Map<string, Map<string, string>>;
  };
  triggers: TriggerState[];
  readonly locks: Map<string, LockHolder>;
  readonly writes: CellWriteRecord[];
  readonly fetches: FetchRecord[];
  readonly logs: LogRecord[];
  readonly ui: UiState;
  nextExecutionId: number;
}

export interface StateOptions {
  spreadsheet: FakeSpreadsheetInit;
  user: FakeUser;
  scriptProperties?: Record<string, string>;
  now?: Date;
  realm?: Realm;
  scopes?: readonly string[] | null;
  urlFetchWhitelist?: readonly string[] | null;
  scriptTimeZone?: string;
}

function buildSpreadsheet(init: FakeSpreadsheetInit): SpreadsheetState {
  if (!isTimeZone(init.timeZone)) throw new Error(`Unknown time zone: ${init.timeZone}`);
  const locale = init.locale ?? 'ja_JP';
  const doc: SpreadsheetState = {
    id: init.id,
    name: init.name,
    timeZone: init.timeZone,
    locale,
    sheets: [],
    metadata: [],
    active: { sheetId: 0, rect: { row: 1, column: 1, numRows: 1, numColumns: 1 } },
    nextId: 1000,
  };
  const context = { locale, timeZone: init.timeZone };
  init.sheets.forEach((sheetInit, index) => {
    const width = Math.max(0, ...sheetInit.rows.map((row) => row.length));
    const sheet = newSheet(index === 0 ? 0 : 1000 + index * 7919, sheetInit.name, sheetInit.maxRows ?? Math.max(DEFAULT_ROWS, sheetInit.rows.length), sheetInit.maxColumns ?? Math.max(DEFAULT_COLUMNS, width));
    if (sheetInit.rows.length > sheet.maxRows || width > sheet.maxColumns) throw new Error(`Sheet ${sheetInit.name}: rows exceed maxRows/maxColumns`);
    sheet.frozenRows = sheetInit.frozenRows ?? 0;
    sheetInit.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === '') return;
        const write = typeof value === 'string' ? typedInput(value, null, context) : scriptInput(value, null, context);
        if (write !== null) applyWrite(cellFor(sheet, r + 1, c + 1), write);
      }),
    );
    const eachCell = (a1: string, visit: (cell: ReturnType<typeof cellFor>) => void): void => {
      const rect = resolveA1(doc, sheet, a1)?.rect;
      if (rect === undefined) throw new Error(`Sheet ${sheetInit.name}: no range ${a1}`);
      for (let r = rect.row; r < rect.row + rect.numRows; r++) for (let c = rect.column; c < rect.column + rect.numColumns; c++) visit(cellFor(sheet, r, c));
    };
    for (const [a1, format] of Object.entries(sheetInit.numberFormats ?? {})) eachCell(a1, (cell) => (cell.format = format));
    for (const [a1, values] of Object.entries(sheetInit.dropdowns ?? {})) {
      eachCell(a1, (cell) => (cell.validation = { criteria: 'VALUE_IN_LIST', values: [...values], showDropdown: true, allowInvalid: false, helpText: null }));
    }
    doc.sheets.push(sheet);
  });
  if (doc.sheets.length === 0) doc.sheets.push(newSheet(0, locale.startsWith('ja') ? 'シート1' : 'Sheet1'));
  doc.active.sheetId = doc.sheets[0]?.sheetId ?? 0;
  return doc;
}

export function createAppsScriptState(options: StateOptions): AppsScriptState {
  return {
    realm: options.realm ?? hostRealm,
    clock: createClock(options.now),
    spreadsheet: buildSpreadsheet(options.spreadsheet),
    ownerEmail: options.user.email,
    user: options.user,
    execution: null,
    scopes: options.scopes ?? null,
    urlFetchWhitelist: options.urlFetchWhitelist ?? null,
    scriptTimeZone: options.scriptTimeZone ?? 'Asia/Tokyo',
    properties: { script: new Map(Object.entries(options.scriptProperties ?? {})), document: new Map(), users: new Map() },
    triggers: [],
    locks: new Map(),
    writes: [],
    fetches: [],
    logs: [],
    ui: { menus: [], sidebars: [], dialogs: [], alerts: [], toasts: [] },
    nextExecutionId: 1,
  };
}

/** The user the running code acts as: the trigger's owner inside a trigger, else the person at the keyboard. */
export function currentUser(state: AppsScriptState): FakeUser {
  return state.execution?.user ?? state.user;
}

export function lockKey(state: AppsScriptState, kind: LockKind): string {
  return kind === 'user' ? `user:${currentUser(state).email}` : kind;
}

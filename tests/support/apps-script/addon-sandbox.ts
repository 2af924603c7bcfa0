// The built add-on (<bundleDir>/Code.js) running in-process on the Apps Script fakes. Each call is
// one execution in a fresh vm context, as Apps Script runs every server call; the document,
// properties, triggers and locks persist in the shared state. No network unless a synchronous
// transport is given (addon-runtime.ts gives one that reaches real servers).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { runExecution, ScriptFunctionNotFound, type ExecutionContext } from './addon-execution.ts';
import type { CellWriteRecord, FetchRecord, LogRecord, SpreadsheetSnapshot, TriggerRecord, UiRecord } from './apps-script-records.ts';
import { createAppsScriptState, type AppsScriptState, type AuthMode, type FakeSpreadsheetInit, type FakeUser, type LockKind, type TriggerState } from './apps-script-state.ts';
import { holdLockExternally } from './lock-service.fake.ts';
import { propertyStore, type PropertyStoreKind } from './properties-service.fake.ts';
import { FakeRange } from './range.fake.ts';
import { AuthMode as AuthModes } from './script-app.fake.ts';
import { FakeSpreadsheet } from './spreadsheet.fake.ts';
import { snapshotSpreadsheet } from './spreadsheet-snapshot.ts';
import type { SyncTransport } from './sync-transport.ts';
import { FakeUserObject } from './protection.fake.ts';
import { deleteRowsAsUser, editCells, insertColumnsAsUser, insertRowsAsUser, setActiveCell, sortRows, type ChangeType } from './user-actions.ts';
import { wireClone, WireError } from './wire-clone.ts';

export type { FakeSheetInit, FakeSpreadsheetInit, FakeUser, InitCellValue, LockKind, AuthMode } from './apps-script-state.ts';
export type { SyncTransport, TransportRequest, TransportResult } from './sync-transport.ts';
export type { PropertyStoreKind } from './properties-service.fake.ts';
export type { ChangeType } from './user-actions.ts';

export interface AddonSandboxOptions {
  /** Holds Code.js, the .html files and, optionally, appsscript.json (its oauthScopes are enforced). */
  bundleDir: string;
  spreadsheet: FakeSpreadsheetInit;
  /** The person at the keyboard; also the file's owner. */
  user: FakeUser;
  scriptProperties?: Record<string, string>;
  /** Fixes the clock (it then moves only by Utilities.sleep and lock waits); real time without it. */
  now?: Date;
  transport?: SyncTransport;
  /** Echo the add-on's Logger/console output to stderr. */
  echoLogs?: boolean;
}

export interface AddonSandbox {
  readonly state: AppsScriptState;
  /** google.script.run / a menu item: one execution as the current user, JSON-safe values in and out. */
  call<T = unknown>(fn: string, ...args: unknown[]): T;
  /** The simple onOpen trigger (LIMITED when the add-on is in use in the document, NONE when not). */
  runOnOpen(authMode?: AuthMode): void;
  runOnInstall(): void;
  /** Fires every time-driven trigger of this document once (as the hour passing would); returns how many ran. */
  runTimeDrivenTriggers(): number;
  setUser(user: FakeUser): void;
  setNow(now: Date): void;
  setActiveCell(sheet: string, row: number, column: number): void;
  /** A person's own edit (typed values), which fires installed change/edit triggers as Sheets would. */
  editCells(sheet: string, row: number, column: number, values: (string | number | boolean | null)[][]): void;
  sortRows(sheet: string, fromRow: number, byColumn: number, ascending?: boolean): void;
  insertRows(sheet: string, afterRow: number, count: number): void;
  insertColumns(sheet: string, afterColumn: number, count: number): void;
  deleteRows(sheet: string, row: number, count: number): void;
  snapshot(): SpreadsheetSnapshot;
  writes(): readonly CellWriteRecord[];
  ui(): UiRecord;
  triggers(): readonly TriggerRecord[];
  fetches(): readonly FetchRecord[];
  logs(): readonly LogRecord[];
  /** Forgets the writes, fetches, logs and UI records so far. */
  clearRecords(): void;
  /** The user store is the current user's. */
  properties(store: PropertyStoreKind): Record<string, string>;
  holdLock(kind: LockKind, held: boolean): void;
}

function readManifest(bundleDir: string): { scopes: readonly string[] | null; urlFetchWhitelist: readonly string[] | null; timeZone: string | undefined } {
  const path = join(bundleDir, 'appsscript.json');
  if (!existsSync(path)) return { scopes: null, urlFetchWhitelist: null, timeZone: undefined };
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { oauthScopes?: unknown; urlFetchWhitelist?: unknown; timeZone?: unknown };
  const strings = (value: unknown): readonly string[] | null => (Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : null);
  return { scopes: strings(manifest.oauthScopes), urlFetchWhitelist: strings(manifest.urlFetchWhitelist), timeZone: typeof manifest.timeZone === 'string' ? manifest.timeZone : undefined };
}

function hostError(error: unknown): Error {
  const message = error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error) ? String((error as Error).message) : String(error);
  const out = new Error(message);
  if (typeof error === 'object' && error !== null && typeof (error as Error).stack === 'string') out.stack = (error as Error).stack;
  return out;
}

function triggerRecord(trigger: TriggerState): TriggerRecord {
  return {
    uid: trigger.uid,
    handlerFunction: trigger.handler,
    eventType: trigger.eventType,
    source: trigger.eventType === 'CLOCK' ? 'CLOCK' : 'SPREADSHEETS',
    documentId: trigger.documentId,
    owner: trigger.owner.email,
    everyHours: trigger.everyHours,
    runs: trigger.runs,
    failures: [...trigger.failures],
  };
}

export function createAddonSandbox(options: AddonSandboxOptions): AddonSandbox {
  const codePath = join(options.bundleDir, 'Code.js');
  if (!existsSync(codePath)) throw new Error(`No add-on bundle at ${codePath}`);
  const bundle = new vm.Script(readFileSync(codePath, 'utf8'), { filename: codePath });
  const manifest = readManifest(options.bundleDir);
  const state = createAppsScriptState({
    spreadsheet: options.spreadsheet,
    user: options.user,
    scopes: manifest.scopes,
    urlFetchWhitelist: manifest.urlFetchWhitelist,
    ...(manifest.timeZone === undefined ? {} : { scriptTimeZone: manifest.timeZone }),
    ...(options.scriptProperties === undefined ? {} : { scriptProperties: options.scriptProperties }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const globalsOptions = {
    bundleDir: options.bundleDir,
    ...(options.transport === undefined ? {} : { transport: options.transport }),
    echoLogs: options.echoLogs === true,
  };

  const fire = (trigger: TriggerState, event: (ctx: ExecutionContext) => Record<string, unknown>): void => {
    trigger.runs += 1;
    try {
      runExecution(state, bundle, globalsOptions, {
        kind: 'installable-trigger',
        authMode: 'FULL',
        user: trigger.owner,
        functionName: trigger.handler,
        args: (ctx) => [{ ...event(ctx), authMode: AuthModes.FULL, triggerUid: trigger.uid }],
      });
    } catch (error) {
      trigger.failures.push(hostError(error).message);
    }
  };

  const documentTriggers = (type: TriggerState['eventType']): TriggerState[] =>
    state.triggers.filter((t) => t.documentId === state.spreadsheet.id && t.eventType === type);

  const changed = (changeType: ChangeType, edited: { sheet: string; rect: FakeRange['rect'] } | null): void => {
    const editor = new FakeUserObject(state.user.email);
    for (const trigger of documentTriggers('ON_CHANGE')) {
      fire(trigger, () => ({ changeType, source: new FakeSpreadsheet(state), user: editor }));
    }
    if (changeType !== 'EDIT' || edited === null) return;
    const sheet = state.spreadsheet.sheets.find((s) => s.name === edited.sheet);
    if (sheet === undefined) return;
    const range = (): FakeRange => new FakeRange(state, sheet, { ...edited.rect });
    for (const trigger of documentTriggers('ON_EDIT')) fire(trigger, () => ({ range: range(), source: new FakeSpreadsheet(state), user: editor }));
    // The simple onEdit trigger, if the project has one.
    try {
      runExecution(state, bundle, globalsOptions, {
        kind: 'simple-trigger',
        authMode: 'LIMITED',
        user: state.user,
        functionName: 'onEdit',
        args: () => [{ authMode: AuthModes.LIMITED, range: range(), source: new FakeSpreadsheet(state), user: editor }],
      });
    } catch (error) {
      if (!(error instanceof ScriptFunctionNotFound)) state.logs.push({ level: 'error', message: `onEdit: ${hostError(error).message}` });
    }
  };

  const sandbox: AddonSandbox = {
    state,
    call<T>(fn: string, ...args: unknown[]): T {
      if (fn.endsWith('_')) throw new Error(`Script function not found: ${fn}`);
      let json: string[];
      try {
        json = args.map((arg, i) => JSON.stringify(wireClone(arg, `argument ${i + 1}`) ?? null));
      } catch (error) {
        throw error instanceof WireError ? new Error(error.message) : error;
      }
      let result: unknown;
      try {
        result = runExecution(state, bundle, globalsOptions, {
          kind: 'call',
          authMode: 'FULL',
          user: state.user,
          functionName: fn,
          args: (ctx) => json.map((text) => ctx.parse(text)),
        });
      } catch (error) {
        throw hostError(error);
      }
      try {
        return wireClone(result, `the result of ${fn}`) as T;
      } catch (error) {
        throw error instanceof WireError ? new Error(error.message) : error;
      }
    },
    runOnOpen(authMode = 'LIMITED') {
      try {
        runExecution(state, bundle, globalsOptions, {
          kind: 'simple-trigger',
          authMode,
          user: state.user,
          functionName: 'onOpen',
          args: () => [
            authMode === 'NONE'
              ? { authMode: AuthModes.NONE }
              : { authMode: AuthModes[authMode], source: new FakeSpreadsheet(state), user: new FakeUserObject(state.user.email) },
          ],
        });
      } catch (error) {
        throw hostError(error);
      }
    },
    runOnInstall() {
      try {
        runExecution(state, bundle, globalsOptions, {
          kind: 'simple-trigger',
          authMode: 'FULL',
          user: state.user,
          functionName: 'onInstall',
          args: () => [{ authMode: AuthModes.FULL, source: new FakeSpreadsheet(state), user: new FakeUserObject(state.user.email) }],
        });
      } catch (error) {
        throw hostError(error);
      }
    },
    runTimeDrivenTriggers() {
      const due = documentTriggers('CLOCK');
      for (const trigger of due) {
        fire(trigger, () => {
          const d = new Date(state.clock.now());
          return {
            year: d.getUTCFullYear(),
            month: d.getUTCMonth() + 1,
            'day-of-month': d.getUTCDate(),
            'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
            'week-of-year': Math.ceil(((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7),
            hour: d.getUTCHours(),
            minute: d.getUTCMinutes(),
            second: d.getUTCSeconds(),
            timezone: 'UTC',
          };
        });
      }
      return due.length;
    },
    setUser(user) {
      state.user = user;
    },
    setNow(now) {
      state.clock.set(now);
    },
    setActiveCell(sheet, row, column) {
      setActiveCell(state, sheet, row, column);
    },
    editCells(sheet, row, column, values) {
      const rect = editCells(state, sheet, row, column, values);
      changed('EDIT', { sheet, rect });
    },
    sortRows(sheet, fromRow, byColumn, ascending = true) {
      sortRows(state, sheet, fromRow, byColumn, ascending);
      changed('OTHER', null);
    },
    insertRows(sheet, afterRow, count) {
      insertRowsAsUser(state, sheet, afterRow, count);
      changed('INSERT_ROW', null);
    },
    insertColumns(sheet, afterColumn, count) {
      insertColumnsAsUser(state, sheet, afterColumn, count);
      changed('INSERT_COLUMN', null);
    },
    deleteRows(sheet, row, count) {
      deleteRowsAsUser(state, sheet, row, count);
      changed('REMOVE_ROW', null);
    },
    snapshot: () => snapshotSpreadsheet(state.spreadsheet),
    writes: () => [...state.writes],
    ui: () => ({
      menus: structuredClone(state.ui.menus),
      sidebars: [...state.ui.sidebars],
      dialogs: [...state.ui.dialogs],
      alerts: [...state.ui.alerts],
      toasts: [...state.ui.toasts],
    }),
    triggers: () => state.triggers.map(triggerRecord),
    fetches: () => structuredClone(state.fetches),
    logs: () => [...state.logs],
    clearRecords() {
      state.writes.length = 0;
      state.fetches.length = 0;
      state.logs.length = 0;
      state.ui.sidebars = [];
      state.ui.dialogs = [];
      state.ui.alerts = [];
      state.ui.toasts = [];
    },
    properties: (store) => Object.fromEntries(propertyStore(state, store, state.user.email)),
    holdLock(kind, held) {
      holdLockExternally(state, kind, held);
    },
  };
  return sandbox;
}

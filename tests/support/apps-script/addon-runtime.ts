// The add-on bundle on the Apps Script fakes in a worker thread, so its synchronous UrlFetchApp can
// reach a real service in this process (see fetch-bridge.ts). Everything is async from the test's
// side; an unreachable service surfaces inside the add-on as UrlFetchApp's exception.
import { MessageChannel, Worker } from 'node:worker_threads';
import type { AddonSandboxOptions, AuthMode, ChangeType, FakeUser, LockKind, PropertyStoreKind } from './addon-sandbox.ts';
import type { RuntimeOp, RuntimeReply, RuntimeRequest, RuntimeWorkerData } from './addon-runtime.worker.ts';
import type { CellWriteRecord, FetchRecord, LogRecord, SpreadsheetSnapshot, TriggerRecord, UiRecord } from './apps-script-records.ts';
import { serveFetches } from './fetch-bridge.ts';

export type { ChangeType };
export type AddonRuntimeOptions = Omit<AddonSandboxOptions, 'transport'>;

export interface AddonRuntime {
  call<T = unknown>(fn: string, ...args: unknown[]): Promise<T>;
  setUser(user: FakeUser): Promise<void>;
  setNow(now: Date): Promise<void>;
  setActiveCell(sheet: string, row: number, column: number): Promise<void>;
  /** A user's own edit (typed values), which fires installed change triggers as Sheets would. */
  editCells(sheet: string, row: number, column: number, values: (string | number | boolean | null)[][]): Promise<void>;
  /** A user's sort of the data rows. */
  sortRows(sheet: string, fromRow: number, byColumn: number, ascending?: boolean): Promise<void>;
  insertRows(sheet: string, afterRow: number, count: number): Promise<void>;
  snapshot(): Promise<SpreadsheetSnapshot>;
  /** Every cell any add-on code wrote. */
  writes(): Promise<readonly CellWriteRecord[]>;
  ui(): Promise<UiRecord>;
  triggers(): Promise<readonly TriggerRecord[]>;
  fetches(): Promise<readonly FetchRecord[]>;
  properties(store: 'document' | 'user' | 'script'): Promise<Record<string, string>>;
  holdLock(kind: 'document' | 'user' | 'script', held: boolean): Promise<void>;
  close(): Promise<void>;
  // Beyond the pinned surface:
  /** The simple onOpen trigger, LIMITED by default (NONE: installed but not in use in this document). */
  runOnOpen(authMode?: AuthMode): Promise<void>;
  runOnInstall(): Promise<void>;
  /** Fires every time-driven trigger of the document once; resolves to how many ran. */
  runTimeDrivenTriggers(): Promise<number>;
  insertColumns(sheet: string, afterColumn: number, count: number): Promise<void>;
  deleteRows(sheet: string, row: number, count: number): Promise<void>;
  logs(): Promise<readonly LogRecord[]>;
  /** Forgets the writes, fetches, logs and UI records so far. */
  clearRecords(): Promise<void>;
}

export async function startAddonRuntime(options: AddonRuntimeOptions): Promise<AddonRuntime> {
  const signal = new SharedArrayBuffer(4);
  const channel = new MessageChannel();
  const data: RuntimeWorkerData = { options, signal, fetchPort: channel.port2 };
  const worker = new Worker(new URL('./addon-runtime.worker.ts', import.meta.url), { workerData: data, transferList: [channel.port2] });
  serveFetches(channel.port1, new Int32Array(signal));

  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let dead: Error | null = null;
  const failAll = (error: Error): void => {
    dead ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  await new Promise<void>((resolve, reject) => {
    const onReady = (message: { ready?: boolean; message?: string }): void => {
      if (message.ready === undefined) return;
      worker.off('message', onReady);
      if (message.ready) resolve();
      else reject(new Error(message.message ?? 'the add-on runtime failed to start'));
    };
    worker.on('message', onReady);
    worker.once('error', reject);
  });

  worker.on('message', (reply: RuntimeReply) => {
    const waiting = pending.get(reply.id);
    if (waiting === undefined) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else {
      const error = new Error(reply.message);
      if (reply.stack !== null) error.stack = reply.stack;
      waiting.reject(error);
    }
  });
  worker.on('error', (error) => failAll(error instanceof Error ? error : new Error(String(error))));
  worker.on('exit', (code) => failAll(new Error(`The add-on runtime stopped (exit code ${code}).`)));

  const send = <T>(op: RuntimeOp, ...args: unknown[]): Promise<T> => {
    if (dead !== null) return Promise.reject(dead);
    const id = nextId++;
    const request: RuntimeRequest = { id, op, args };
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage(request);
    });
  };

  return {
    call: <T>(fn: string, ...args: unknown[]) => send<T>('call', fn, ...args),
    setUser: (user) => send('setUser', user),
    setNow: (now) => send('setNow', now),
    setActiveCell: (sheet, row, column) => send('setActiveCell', sheet, row, column),
    editCells: (sheet, row, column, values) => send('editCells', sheet, row, column, values),
    sortRows: (sheet, fromRow, byColumn, ascending = true) => send('sortRows', sheet, fromRow, byColumn, ascending),
    insertRows: (sheet, afterRow, count) => send('insertRows', sheet, afterRow, count),
    snapshot: () => send('snapshot'),
    writes: () => send('writes'),
    ui: () => send('ui'),
    triggers: () => send('triggers'),
    fetches: () => send('fetches'),
    properties: (store: PropertyStoreKind) => send('properties', store),
    holdLock: (kind: LockKind, held) => send('holdLock', kind, held),
    runOnOpen: (authMode) => send('runOnOpen', ...(authMode === undefined ? [] : [authMode])),
    runOnInstall: () => send('runOnInstall'),
    runTimeDrivenTriggers: () => send('runTimeDrivenTriggers'),
    insertColumns: (sheet, afterColumn, count) => send('insertColumns', sheet, afterColumn, count),
    deleteRows: (sheet, row, count) => send('deleteRows', sheet, row, count),
    logs: () => send('logs'),
    clearRecords: () => send('clearRecords'),
    async close() {
      if (dead === null) dead = new Error('The add-on runtime is closed.');
      channel.port1.close();
      await worker.terminate();
    },
  };
}

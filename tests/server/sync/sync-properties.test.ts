// Random edit sequences between syncs, checked against a model of what the team did to its sheet.
//
// The "user" edits the real grid the way a person edits a spreadsheet (whole rows move with their
// service cells, whole columns move with their header) and the model records the same edits by
// meaning (rows of column → value, columns in sheet order). Besides typing, sorting, pasting and
// deleting rows and moving columns, the user clears id cells by hand, types stage labels the sync
// cannot read (and fixes them later), scribbles notes right of every header, and deletes whole
// service columns. After every sync the real sheet, Postgres and the model must agree. fast-check
// prints the seed and path of a failure; replay one with
//   SYNC_PROPERTY_SEED=<seed> SYNC_PROPERTY_PATH=<path> npx vitest run tests/server/sync/sync-properties.test.ts
// and soak with SYNC_PROPERTY_RUNS=<runs>.

import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, serialFromIsoDate, type IsoDate } from '../../../shared/calendar/iso-date.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { DEFAULT_STAGES, type StageCode } from '../../../shared/stages/stage.ts';
import { serviceColumnOfHeader } from '../../../shared/write-plan/service-columns.ts';
import type { Db } from '../../../server/db/database.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import { syncSpreadsheet } from '../../../server/sync/sync-engine.ts';
import type { SyncReport } from '../../../server/sync/sync-report.ts';
import { PGLITE, POSTGRES, dealsOf, historyOf, type DatabaseBackend, type SyncDatabase } from './test-databases.ts';
import { DEAL_COLUMN_ORDER, DEAL_HEADERS, DEAL_SERVICE_HEADERS, HEADER_ROW, SHEET_TITLE, dealGrid, gridSource, headersOf, serviceHeaderOf, snapshot } from './test-sheet.ts';

const START: IsoDate = '2026-12-01';
const STAGE_LABELS: readonly string[] = DEFAULT_STAGES.map((s) => s.label);
const CODE_OF_LABEL: ReadonlyMap<string, StageCode> = new Map(DEFAULT_STAGES.map((s) => [s.label, s.code]));
const LABEL_OF_CODE: ReadonlyMap<StageCode, string> = new Map(DEFAULT_STAGES.map((s) => [s.code, s.label]));
/** Labels a person might type that map onto no stage (a typo, a status the team never defined). */
const UNREADABLE_LABELS: readonly string[] = ['提案x', '保留', '見積?', '受注予定'];
const TEAM_HEADERS: readonly string[] = DEAL_COLUMN_ORDER.map((c) => DEAL_HEADERS[c]);
const TITLE = DEAL_HEADERS.title;
const STAGE = DEAL_HEADERS.stage;
const ACCOUNT = DEAL_HEADERS.account;
const BLANKABLE: readonly string[] = TEAM_HEADERS.filter((h) => h !== TITLE);
const ID_HEADER = serviceHeaderOf('id');
const NOTES: readonly CellValue[] = ['要確認', '電話済', 'メモ: 来期', 42, 'x'];

// ---------------------------------------------------------------------------------------------
// Generated input

/** A deal's team cells except its title, which is made unique when the row is placed. */
interface RowSeed {
  readonly titleStem: string;
  readonly account: CellValue;
  readonly owner: CellValue;
  readonly stage: CellValue;
  readonly amount: CellValue;
  readonly ball: CellValue;
  readonly quoteSentOn: CellValue;
  readonly nextActionOn: CellValue;
  readonly stageChangedOn: CellValue;
}

// Indexes are taken modulo what exists when the edit is applied, so any sequence is valid.
type Edit =
  | { readonly kind: 'add'; readonly at: number; readonly row: RowSeed }
  | { readonly kind: 'remove'; readonly pick: number; readonly clearOnly: boolean }
  | { readonly kind: 'sort'; readonly column: number; readonly descending: boolean }
  | { readonly kind: 'moveColumn'; readonly from: number; readonly to: number }
  | { readonly kind: 'editStage'; readonly pick: number; readonly stage: number }
  | { readonly kind: 'duplicate'; readonly pick: number; readonly at: number }
  | { readonly kind: 'blank'; readonly pick: number; readonly column: number }
  /** The id cell emptied by hand. */
  | { readonly kind: 'clearId'; readonly pick: number }
  /** A stage label no stage is known by, typed over the stage cell. */
  | { readonly kind: 'typoStage'; readonly pick: number; readonly label: number }
  /** A row whose stage is unreadable gets a real label: the one it had before (`back`) or any. */
  | { readonly kind: 'fixStage'; readonly pick: number; readonly back: boolean; readonly stage: number }
  /** A note typed right of the last header, service headers included (`gap` columns further), on any data row. */
  | { readonly kind: 'scribble'; readonly pick: number; readonly gap: number; readonly note: number }
  /** A whole service column other than the id column deleted, the columns right of it shifting left. */
  | { readonly kind: 'deleteServiceColumn'; readonly pick: number };

const serialBetween = (from: IsoDate, to: IsoDate) => fc.integer({ min: serialFromIsoDate(from), max: serialFromIsoDate(to) });

const rowSeedArb: fc.Arbitrary<RowSeed> = fc.record({
  titleStem: fc.constantFrom('基幹更改', 'クラウド移行', '保守更新', 'Alpha', 'beta', '物流改善'),
  account: fc.constantFrom<CellValue>('山田製作所', '東西物産', '北海商事', 'South Co', null),
  owner: fc.constantFrom<CellValue>('佐藤', '鈴木', '高橋', null),
  stage: fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom<CellValue>(...STAGE_LABELS) },
    { weight: 1, arbitrary: fc.constant<CellValue>(null) },
    { weight: 1, arbitrary: fc.constantFrom<CellValue>(...UNREADABLE_LABELS) },
  ),
  amount: fc.oneof(fc.integer({ min: 0, max: 50_000_000 }), fc.constantFrom<CellValue>('350万円', 'abc', null)),
  ball: fc.constantFrom<CellValue>('自社', '顧客', null),
  quoteSentOn: fc.option(serialBetween('2026-10-01', '2026-12-10'), { nil: null }),
  nextActionOn: fc.option(serialBetween('2026-11-15', '2026-12-31'), { nil: null }),
  stageChangedOn: fc.option(serialBetween('2026-09-01', '2026-12-05'), { nil: null }),
});

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), row: rowSeedArb }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat(), clearOnly: fc.boolean() }),
  fc.record({ kind: fc.constant('sort' as const), column: fc.nat(), descending: fc.boolean() }),
  fc.record({ kind: fc.constant('moveColumn' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('editStage' as const), pick: fc.nat(), stage: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('blank' as const), pick: fc.nat(), column: fc.nat() }),
  fc.record({ kind: fc.constant('clearId' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('typoStage' as const), pick: fc.nat(), label: fc.nat() }),
  fc.record({ kind: fc.constant('fixStage' as const), pick: fc.nat(), back: fc.boolean(), stage: fc.nat() }),
  fc.record({ kind: fc.constant('scribble' as const), pick: fc.nat(), gap: fc.nat({ max: 2 }), note: fc.nat() }),
  fc.record({ kind: fc.constant('deleteServiceColumn' as const), pick: fc.nat() }),
);

const scenarioArb = fc.record({
  rows: fc.array(rowSeedArb, { minLength: 3, maxLength: 15 }),
  steps: fc.array(fc.array(editArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

// ---------------------------------------------------------------------------------------------
// The model: what the team's cells should be, by column, whatever order the columns are in

interface ModelRow {
  /** The team's cells by column key: the deal fields' headers and any note columns. */
  readonly team: Map<string, CellValue>;
  /** The id the row carries on the sheet: last read after a sync, copied with a pasted row. */
  id: string | null;
  /** The readable stage label the row showed before an unreadable one was typed over it. */
  beforeTypo: string | null;
}

interface Model {
  /**
   * Every column in sheet order, by key: a header (the team's or a service's) or, for a column
   * without a header that holds the team's notes, a `~note` key.
   */
  readonly columns: string[];
  /** Rows 1 to HEADER_ROW - 1 (the title and the blank row), by column key. */
  readonly above: Map<string, CellValue>[];
  readonly rows: ModelRow[];
  nextTitle: number;
  nextNote: number;
}

const NOTE_PREFIX = '~note-';
const isEmpty = (v: CellValue | undefined): boolean => v === null || v === undefined || v === '';
/** A row the sync reads no deal from: every deal field empty (notes beside it do not count). */
const isBlankRow = (row: ModelRow): boolean => TEAM_HEADERS.every((h) => isEmpty(row.team.get(h)));
const isService = (key: string): boolean => serviceColumnOfHeader(key) !== null;
const headerText = (key: string): string => (key.startsWith(NOTE_PREFIX) ? '' : key);

function seedCells(seed: RowSeed, title: string): Map<string, CellValue> {
  return new Map<string, CellValue>([
    [DEAL_HEADERS.account, seed.account],
    [DEAL_HEADERS.title, title],
    [DEAL_HEADERS.owner, seed.owner],
    [DEAL_HEADERS.stage, seed.stage],
    [DEAL_HEADERS.amount, seed.amount],
    [DEAL_HEADERS.ball, seed.ball],
    [DEAL_HEADERS.quoteSentOn, seed.quoteSentOn],
    [DEAL_HEADERS.nextActionOn, seed.nextActionOn],
    [DEAL_HEADERS.stageChangedOn, seed.stageChangedOn],
  ]);
}

/** Empty cells last whichever the direction, numbers before text, as spreadsheet sorts do. */
function compareCells(a: CellValue | undefined, b: CellValue | undefined, descending: boolean): number {
  const ea = isEmpty(a);
  const eb = isEmpty(b);
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
  const sign = descending ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
  if (typeof a === 'number') return -sign;
  if (typeof b === 'number') return sign;
  const sa = String(a);
  const sb = String(b);
  return sign * (sa < sb ? -1 : sa > sb ? 1 : 0);
}

/** The deal fields alike: what the sync's row hash compares (notes beside the row are not read). */
function sameDealCells(a: ReadonlyMap<string, CellValue>, b: ReadonlyMap<string, CellValue> | undefined): boolean {
  return b !== undefined && TEAM_HEADERS.every((h) => (a.get(h) ?? null) === (b.get(h) ?? null));
}

/** Account and title, as a person would call the deal (case, width and spaces aside). */
function naturalKey(cells: ReadonlyMap<string, CellValue>): string {
  const norm = (v: CellValue | undefined) => (isEmpty(v) ? '' : String(v)).normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return `${norm(cells.get(ACCOUNT))}|${norm(cells.get(TITLE))}`;
}

/** A stage as the sync can read it: a canonical stage, none, or a label it cannot read. */
type ReadStage = StageCode | null | 'unreadable';

function stageOf(cells: ReadonlyMap<string, CellValue>): ReadStage {
  const label = cells.get(STAGE);
  if (isEmpty(label)) return null;
  return CODE_OF_LABEL.get(String(label)) ?? 'unreadable';
}

// ---------------------------------------------------------------------------------------------
// One edit, applied to the real grid (positionally, as a user would) and to the model (by meaning)

interface World {
  readonly grid: MutableGrid;
  readonly model: Model;
}

const dataStart = HEADER_ROW; // 0-based index of the first data row in grid.rows

function realColumn(grid: MutableGrid, header: string): number {
  const at = headersOf(grid).indexOf(header);
  if (at < 0) throw new Error(`no column ${header}`);
  return at;
}

/** Sets a cell as typing would, the row growing to reach it. */
function setAt(cells: CellValue[], column: number, value: CellValue): void {
  while (cells.length <= column) cells.push(null);
  cells[column] = value;
}

function liveIndexes(model: Model): number[] {
  return model.rows.flatMap((r, i) => (isBlankRow(r) ? [] : [i]));
}

function applyEdit(world: World, edit: Edit): void {
  const { grid, model } = world;
  const live = liveIndexes(model);
  const picked = live.length === 0 ? undefined : live[('pick' in edit ? edit.pick : 0) % live.length];
  const gridRow = (i: number) => grid.rows[dataStart + i] as CellValue[];
  switch (edit.kind) {
    case 'add': {
      const at = edit.at % (model.rows.length + 1);
      const title = `${edit.row.titleStem}-${++model.nextTitle}`;
      const row: ModelRow = { team: seedCells(edit.row, title), id: null, beforeTypo: null };
      model.rows.splice(at, 0, row);
      grid.rows.splice(dataStart + at, 0, model.columns.map((k) => row.team.get(k) ?? null));
      return;
    }
    case 'remove': {
      if (picked === undefined) return;
      if (edit.clearOnly) {
        // Cleared by hand: the deal's cells go; the row, its notes and its service cells stay.
        const row = model.rows[picked] as ModelRow;
        for (const h of TEAM_HEADERS) row.team.set(h, null);
        const cells = gridRow(picked);
        for (const h of TEAM_HEADERS) {
          const column = realColumn(grid, h);
          if (column < cells.length) cells[column] = null;
        }
      } else {
        model.rows.splice(picked, 1);
        grid.rows.splice(dataStart + picked, 1);
      }
      return;
    }
    case 'sort': {
      const header = TEAM_HEADERS[edit.column % TEAM_HEADERS.length] as string;
      model.rows.sort((a, b) => compareCells(a.team.get(header), b.team.get(header), edit.descending));
      const column = realColumn(grid, header);
      const sorted = grid.rows.slice(dataStart).sort((a, b) => compareCells(a[column], b[column], edit.descending));
      grid.rows.splice(dataStart, sorted.length, ...sorted);
      return;
    }
    case 'moveColumn': {
      // Any column, notes included: a note column may end up between headed ones.
      const width = model.columns.length;
      const from = edit.from % width;
      const to = edit.to % width;
      const [key] = model.columns.splice(from, 1);
      model.columns.splice(to, 0, key as string);
      for (const cells of grid.rows) {
        while (cells.length < width) cells.push(null);
        const [cell] = cells.splice(from, 1);
        cells.splice(to, 0, cell ?? null);
      }
      return;
    }
    case 'editStage': {
      if (picked === undefined) return;
      const row = model.rows[picked] as ModelRow;
      const current = CODE_OF_LABEL.get(String(row.team.get(STAGE)));
      const others = STAGE_LABELS.filter((l) => CODE_OF_LABEL.get(l) !== current);
      const label = others[edit.stage % others.length] as string;
      row.team.set(STAGE, label);
      setAt(gridRow(picked), realColumn(grid, STAGE), label);
      return;
    }
    case 'duplicate': {
      if (picked === undefined) return;
      const at = edit.at % (model.rows.length + 1);
      const source = model.rows[picked] as ModelRow;
      model.rows.splice(at, 0, { team: new Map(source.team), id: source.id, beforeTypo: source.beforeTypo });
      // The whole row, its id cell and notes included, as copy and paste does.
      grid.rows.splice(dataStart + at, 0, [...gridRow(picked)]);
      return;
    }
    case 'blank': {
      if (picked === undefined) return;
      const header = BLANKABLE[edit.column % BLANKABLE.length] as string;
      (model.rows[picked] as ModelRow).team.set(header, null);
      const cells = gridRow(picked);
      const column = realColumn(grid, header);
      if (column < cells.length) cells[column] = null;
      return;
    }
    case 'clearId': {
      if (picked === undefined) return;
      (model.rows[picked] as ModelRow).id = null;
      const cells = gridRow(picked);
      const column = realColumn(grid, ID_HEADER);
      if (column < cells.length) cells[column] = null;
      return;
    }
    case 'typoStage': {
      if (picked === undefined) return;
      const row = model.rows[picked] as ModelRow;
      const current = row.team.get(STAGE) ?? null;
      if (stageOf(row.team) !== 'unreadable') row.beforeTypo = typeof current === 'string' && !isEmpty(current) ? current : null;
      const label = UNREADABLE_LABELS[edit.label % UNREADABLE_LABELS.length] as string;
      row.team.set(STAGE, label);
      setAt(gridRow(picked), realColumn(grid, STAGE), label);
      return;
    }
    case 'fixStage': {
      const typos = live.filter((i) => stageOf((model.rows[i] as ModelRow).team) === 'unreadable');
      const at = typos[edit.pick % Math.max(typos.length, 1)];
      if (at === undefined) return;
      const row = model.rows[at] as ModelRow;
      const label = edit.back && row.beforeTypo !== null ? row.beforeTypo : (STAGE_LABELS[edit.stage % STAGE_LABELS.length] as string);
      row.team.set(STAGE, label);
      setAt(gridRow(at), realColumn(grid, STAGE), label);
      return;
    }
    case 'scribble': {
      if (model.rows.length === 0) return;
      const at = edit.pick % model.rows.length;
      // Right of the last header, service headers included: every column there holds notes only.
      const lastHeader = model.columns.reduce((last, k, c) => (k.startsWith(NOTE_PREFIX) ? last : c), -1);
      const column = lastHeader + 1 + edit.gap;
      while (model.columns.length <= column) model.columns.push(`${NOTE_PREFIX}${++model.nextNote}`);
      const note = NOTES[edit.note % NOTES.length] ?? null;
      (model.rows[at] as ModelRow).team.set(model.columns[column] as string, note);
      setAt(gridRow(at), column, note);
      return;
    }
    case 'deleteServiceColumn': {
      const service = model.columns.flatMap((k, c) => (isService(k) && k !== ID_HEADER ? [c] : []));
      const column = service[edit.pick % Math.max(service.length, 1)];
      if (column === undefined) return;
      model.columns.splice(column, 1);
      for (const cells of grid.rows) if (column < cells.length) cells.splice(column, 1);
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// What is checked after every sync

interface Tracker {
  /** Every id ever seen on the sheet. */
  readonly everSeen: Set<string>;
  /** Ids seen before and no longer on the sheet: tombstones. */
  readonly removed: Set<string>;
  /** Per id, its team cells at the last sync it was on the sheet. */
  readonly content: Map<string, Map<string, CellValue>>;
  /**
   * Per id, the distinct consecutive stages seen on the sheet at each sync. An unreadable label
   * leaves the deal in the stage it had (none, for a deal first seen with one).
   */
  readonly observed: Map<string, (StageCode | null)[]>;
}

const sameShown = (a: CellValue | undefined, b: CellValue | undefined): boolean => (isEmpty(a) && isEmpty(b)) || a === b;

/** The last column (1-based) holding anything in any row; 0 for an empty grid. */
function lastUsedColumn(rows: readonly CellValue[][]): number {
  let last = 0;
  for (const cells of rows) for (let c = cells.length - 1; c >= last; c--) if (!isEmpty(cells[c])) last = c + 1;
  return last;
}

/**
 * The service columns the sync created (all of them at the first sync, one the team deleted
 * since): after every column in use, so never over a note, then taken into the model.
 */
function placeNewColumns(world: World, before: readonly CellValue[][], report: SyncReport): void {
  const { model } = world;
  const lastUsed = lastUsedColumn(before);
  for (const tab of report.plan.tabs) {
    for (const { column, header } of tab.newColumns) {
      expect({ header, column, afterEveryUsedColumn: column > lastUsed }).toEqual({ header, column, afterEveryUsedColumn: true });
      const at = column - 1;
      while (model.columns.length <= at) model.columns.push(`${NOTE_PREFIX}${++model.nextNote}`);
      // Only an empty column without a header can be there: one that held notes since deleted.
      const key = model.columns[at] as string;
      const holds = [...model.above, ...model.rows.map((r) => r.team)].some((cells) => !isEmpty(cells.get(key)));
      expect({ column, key, isNote: key.startsWith(NOTE_PREFIX), holds }).toEqual({ column, key, isNote: true, holds: false });
      model.columns[at] = header;
    }
  }
}

/**
 * Service writes only ever touch service columns (the id column among them): below the header
 * row under a service header, or the header cell of a column the sync just created.
 */
function expectOnlyServiceCellsWritten(world: World, before: readonly CellValue[][], report: SyncReport): void {
  const { grid } = world;
  const headers = headersOf(grid);
  const created = new Set(report.plan.tabs.flatMap((t) => t.newColumns.map((c) => c.column - 1)));
  expect(grid.rows.length).toBe(before.length);
  grid.rows.forEach((cells, r) => {
    const was = before[r] ?? [];
    for (let c = 0; c < Math.max(cells.length, was.length); c++) {
      if (sameShown(was[c], cells[c])) continue;
      const header = headers[c] ?? '';
      const serviceCell = r === HEADER_ROW - 1 ? created.has(c) && isService(header) : r >= HEADER_ROW && isService(header);
      expect({ row: r + 1, column: c + 1, header, was: was[c] ?? null, serviceCell }).toEqual({ row: r + 1, column: c + 1, header, was: was[c] ?? null, serviceCell: true });
    }
  });
  for (const tab of report.plan.tabs) {
    const service = new Set(Object.values(tab.columns));
    for (const w of tab.writes) expect({ ...w, serviceColumn: service.has(w.column) && w.row > tab.headerRow }).toMatchObject({ serviceColumn: true });
  }
}

/**
 * (e) Every team cell, notes beyond the headers included, is what the model says; the header
 * row is the model's, with every service column exactly once; nothing lives beyond the model's
 * columns.
 */
function expectTeamCells(world: World): void {
  const { grid, model } = world;
  const trimmed = (headers: readonly string[]) => headers.slice(0, headers.findLastIndex((h) => h !== '') + 1);
  expect(trimmed(headersOf(grid))).toEqual(trimmed(model.columns.map(headerText)));
  expect(model.columns.filter(isService).sort()).toEqual([...DEAL_SERVICE_HEADERS].sort());
  expect(grid.rows.length).toBe(HEADER_ROW + model.rows.length);
  const expectedRow = (r: number): Map<string, CellValue> =>
    r < HEADER_ROW - 1 ? (model.above[r] as Map<string, CellValue>) : (model.rows[r - HEADER_ROW] as ModelRow).team;
  grid.rows.forEach((cells, r) => {
    if (r === HEADER_ROW - 1) return;
    const want = expectedRow(r);
    model.columns.forEach((k, c) => {
      if (isService(k)) return;
      expect({ row: r + 1, column: k, value: cells[c] ?? null }).toEqual({ row: r + 1, column: k, value: want.get(k) ?? null });
    });
    expect({ row: r + 1, beyond: cells.slice(model.columns.length).filter((v) => !isEmpty(v)) }).toEqual({ row: r + 1, beyond: [] });
  });
}

/** Reads the ids the sync left on the sheet into the model, checking (a) and id stability. */
function readIds(world: World, tracker: Tracker, report: SyncReport): void {
  const { grid, model } = world;
  const idColumn = realColumn(grid, ID_HEADER);
  const serviceColumns = model.columns.flatMap((k, c) => (isService(k) ? [c] : []));
  const before = model.rows.map((r) => r.id);
  const holders = new Map<string, number[]>();
  model.rows.forEach((row, i) => {
    if (isBlankRow(row) || row.id === null) return;
    holders.set(row.id, [...(holders.get(row.id) ?? []), i]);
  });
  const liveBefore = [...tracker.everSeen].filter((id) => !tracker.removed.has(id));

  // A row without an id (typed in, or its id cell cleared by hand) may take over a live deal no
  // id cell names: one whose deal cells it still has, else one with its account and title. Where
  // that deal is certain (the only one with its cells, or with no such deal the only one with its
  // account and title) and no other row without an id fits it, the row must get its id: a cleared
  // id comes back rather than turning into a new deal plus a tombstone.
  const unclaimed = liveBefore.filter((id) => !holders.has(id));
  const idless = model.rows.flatMap((row, i) => (isBlankRow(row) || row.id !== null ? [] : [i]));
  const fits = new Map<number, { byCells: string[]; byKey: string[] }>(
    idless.map((i) => {
      const team = (model.rows[i] as ModelRow).team;
      const known = (id: string) => tracker.content.get(id) ?? new Map<string, CellValue>();
      return [i, { byCells: unclaimed.filter((id) => sameDealCells(team, known(id))), byKey: unclaimed.filter((id) => naturalKey(team) === naturalKey(known(id))) }];
    }),
  );
  const fitting = (i: number): string[] => [...new Set([...(fits.get(i)?.byCells ?? []), ...(fits.get(i)?.byKey ?? [])])];
  const contested = (i: number, id: string): boolean => idless.some((j) => j !== i && fitting(j).includes(id));

  const after: (string | null)[] = model.rows.map((row, i) => {
    const cells = grid.rows[dataStart + i] as CellValue[];
    if (isBlankRow(row)) {
      // A row the team emptied keeps no service values.
      expect({ row: i, service: serviceColumns.map((c) => cells[c] ?? null).filter((v) => !isEmpty(v)) }).toEqual({ row: i, service: [] });
      return null;
    }
    const id = cells[idColumn] ?? null;
    expect({ row: i, title: row.team.get(TITLE), hasId: typeof id === 'string' && id !== '' }).toEqual({ row: i, title: row.team.get(TITLE), hasId: true });
    return id as string;
  });
  const liveIds = after.filter((id): id is string => id !== null);
  // (a) every id on the sheet exactly once.
  expect(new Set(liveIds).size).toBe(liveIds.length);

  // A row keeps the id it carried unless another row carried it too (a pasted copy): then exactly
  // one of them keeps it and the others get ids never seen before, as rows typed in do.
  let fresh = 0;
  let updated = 0;
  let reissued = 0;
  model.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const was = before[i] ?? null;
    const now = after[i] as string;
    if (was !== null) {
      const group = holders.get(was) ?? [];
      if (group.length === 1) expect(now).toBe(was);
      if (now !== was) expect({ row: i, id: now, new: !tracker.everSeen.has(now) }, 'a pasted copy gets a new id').toEqual({ row: i, id: now, new: true });
    } else {
      const { byCells, byKey } = fits.get(i) ?? { byCells: [], byKey: [] };
      const certain = byCells.length > 0 ? byCells : byKey.length === 1 ? byKey : [];
      if (certain.length > 0 && !certain.some((id) => contested(i, id))) {
        // Rows alike in every deal cell can only be told apart by their id: either may come back.
        expect({ row: i, id: now, takesItsDealBack: certain.includes(now) }, 'a row whose id cell was cleared takes its deal back').toEqual({ row: i, id: now, takesItsDealBack: true });
        if (certain.length === 1) expect(now).toBe(certain[0]);
      } else {
        expect({ row: i, id: now, newOrFitting: !tracker.everSeen.has(now) || fitting(i).includes(now) }).toEqual({ row: i, id: now, newOrFitting: true });
      }
    }
    if (!tracker.everSeen.has(now)) fresh++;
    else if (tracker.removed.has(now) || !sameDealCells(row.team, tracker.content.get(now))) updated++;
  });
  for (const [id, group] of holders) {
    reissued += group.length - 1;
    if (group.length > 1) expect(group.filter((i) => after[i] === id)).toHaveLength(1);
  }
  const removed = liveBefore.filter((id) => !liveIds.includes(id));

  const deals = report.tabs.find((t) => t.kind === 'deals');
  expect(deals).toMatchObject({ read: liveIds.length, inserted: fresh, updated, removed: removed.length, reissued });

  model.rows.forEach((row, i) => {
    row.id = after[i] ?? null;
    if (row.id !== null) tracker.content.set(row.id, new Map(row.team));
  });
  for (const id of removed) tracker.removed.add(id);
  for (const id of liveIds) {
    tracker.everSeen.add(id);
    tracker.removed.delete(id);
  }
}

function observeStages(model: Model, tracker: Tracker): void {
  for (const row of model.rows) {
    if (isBlankRow(row) || row.id === null) continue;
    const stages = tracker.observed.get(row.id) ?? [];
    const read = stageOf(row.team);
    const last = stages.length === 0 ? null : (stages[stages.length - 1] ?? null);
    const stage = read === 'unreadable' ? last : read;
    if (stages.length === 0 || last !== stage) stages.push(stage);
    tracker.observed.set(row.id, stages);
  }
}

/** (b), (c), (d): Postgres against the sheet and the model. */
async function expectDatabase(db: Db, spreadsheetId: string, world: World, tracker: Tracker): Promise<void> {
  const sheetIds = world.model.rows.flatMap((r) => (isBlankRow(r) || r.id === null ? [] : [r.id]));
  const deals = await dealsOf(db, spreadsheetId);
  const live = deals.filter((d) => d.removed_at === null).map((d) => d.id);
  // (b) each sheet row once, and only those are live.
  expect(live.sort()).toEqual([...sheetIds].sort());
  // (c) nothing ever seen is deleted; what left the sheet is a tombstone; nothing else exists.
  expect(deals.map((d) => d.id).sort()).toEqual([...tracker.everSeen].sort());
  for (const d of deals) if (!sheetIds.includes(d.id)) expect(d.removed_at).not.toBeNull();

  // Each deal is in the last stage the sheet showed readably: a typo leaves it where it was.
  const lastStage = (id: string) => tracker.observed.get(id)?.at(-1) ?? null;
  expect(deals.map((d) => ({ id: d.id, stage: d.stage }))).toEqual(deals.map((d) => ({ id: d.id, stage: lastStage(d.id) })));

  // (d) one history entry per observed change of the readable stage, in order, from the stage
  // before it and with the label that named it (an unreadable label, and fixing it back to the
  // same stage, record nothing); a deal first seen without a stage has none.
  const entry = (from: string | null, to: string | null, label: string | null) => `${from ?? '-'} → ${to ?? '-'} (${label ?? ''})`;
  const history = await historyOf(db, spreadsheetId);
  const actual = new Map<string, string[]>();
  for (const h of history) actual.set(h.deal_id, [...(actual.get(h.deal_id) ?? []), entry(h.from_stage, h.to_stage, h.to_label)]);
  const expected = new Map<string, string[]>();
  for (const [id, stages] of tracker.observed) {
    const entries = stages.flatMap((to, k) => {
      const from = k === 0 ? null : (stages[k - 1] ?? null);
      return k === 0 && to === null ? [] : [entry(from, to, to === null ? null : (LABEL_OF_CODE.get(to) ?? null))];
    });
    if (entries.length > 0) expected.set(id, entries);
  }
  expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
}

// ---------------------------------------------------------------------------------------------

async function runScenario(db: Db, scenario: Scenario): Promise<void> {
  const spreadsheetId = `prop-${randomUUID()}`;
  let issued = 0;
  const newId = () => `${spreadsheetId.slice(5, 13)}-${++issued}`;
  const seeds = scenario.rows;
  const model: Model = {
    columns: [...TEAM_HEADERS],
    above: [new Map([[TEAM_HEADERS[0] as string, SHEET_TITLE]]), new Map()],
    rows: seeds.map((seed, i) => ({ team: seedCells(seed, `${seed.titleStem}-${i + 1}`), id: null, beforeTypo: null })),
    nextTitle: seeds.length,
    nextNote: 0,
  };
  const grid = dealGrid(
    seeds.map((s, i) => ({
      title: `${s.titleStem}-${i + 1}`,
      account: s.account,
      owner: s.owner,
      stage: s.stage,
      amount: s.amount,
      ball: s.ball,
      quoteSentOn: s.quoteSentOn,
      nextActionOn: s.nextActionOn,
      stageChangedOn: s.stageChangedOn,
    })),
  );
  const world: World = { grid, model };
  const source = gridSource(spreadsheetId, grid);
  const tracker: Tracker = { everSeen: new Set(), observed: new Map(), removed: new Set(), content: new Map() };

  const syncAndCheck = async (now: IsoDate): Promise<void> => {
    const before = snapshot(grid);
    const report = await syncSpreadsheet(db, source, { now, newId });
    placeNewColumns(world, before, report);
    expectOnlyServiceCellsWritten(world, before, report);
    expectTeamCells(world);
    readIds(world, tracker, report);
    observeStages(model, tracker);
    await expectDatabase(db, spreadsheetId, world, tracker);

    // (f) nothing left to do: no cells, no row changes, and the sheet and history stay put.
    const sheet = snapshot(grid);
    const historyLength = (await historyOf(db, spreadsheetId)).length;
    const again = await syncSpreadsheet(db, source, { now, newId });
    expect(again.cellsWritten).toBe(0);
    expect(again.plan.tabs.flatMap((t) => t.writes)).toEqual([]);
    for (const tab of again.tabs) expect({ tab: tab.kind, inserted: tab.inserted, updated: tab.updated, removed: tab.removed }).toEqual({ tab: tab.kind, inserted: 0, updated: 0, removed: 0 });
    expect(grid.rows).toEqual(sheet);
    expect((await historyOf(db, spreadsheetId)).length).toBe(historyLength);

    // (g) rows skipped as unchanged show exactly what a full recompute would write.
    const full = await syncSpreadsheet(db, source, { now, newId, dryRun: true, fullRecompute: true });
    expect(full.plan.tabs.flatMap((t) => t.writes)).toEqual([]);
    expect(full.flagCounts).toEqual(again.flagCounts);
    expect(full.stalest).toEqual(again.stalest);
  };

  await syncAndCheck(START);
  for (const [i, edits] of scenario.steps.entries()) {
    for (const edit of edits) applyEdit(world, edit);
    // Every other step stays on the same day, so same-day re-syncs (which skip unchanged rows)
    // meet every kind of edit too.
    await syncAndCheck(addDays(START, Math.floor((i + 1) / 2)));
  }
}

const RENEWAL: RowSeed = {
  titleStem: '保守更新',
  account: '山田製作所',
  owner: '佐藤',
  stage: '受注',
  amount: 1_000_000,
  ball: null,
  quoteSentOn: null,
  nextActionOn: null,
  stageChangedOn: null,
};

// Found by this property (then written out by hand): two deals share account and title (a row
// pasted earlier and edited since); the team deletes one and pastes a copy of the other. The
// copy must get a new id, not take over the deleted deal (and append to its stage history).
const PASTED_COPY_BESIDE_DELETED_NAMESAKE: Scenario = {
  rows: [RENEWAL, { ...RENEWAL, titleStem: 'Alpha', stage: 'リード' }, { ...RENEWAL, titleStem: 'beta', stage: '提案' }],
  steps: [
    [{ kind: 'duplicate', pick: 0, at: 1 }],
    [{ kind: 'editStage', pick: 1, stage: 2 }],
    [
      { kind: 'duplicate', pick: 1, at: 2 },
      { kind: 'remove', pick: 0, clearOnly: false },
    ],
  ],
};

// The same with the two rows identical: the copy must still get a new id rather than the
// deleted row's, which it could only have been matched to by content.
const PASTED_COPY_BESIDE_DELETED_TWIN: Scenario = {
  rows: [RENEWAL, { ...RENEWAL, titleStem: 'Alpha', stage: 'リード' }, { ...RENEWAL, titleStem: 'beta', stage: '提案' }],
  steps: [
    [{ kind: 'duplicate', pick: 0, at: 1 }],
    [
      { kind: 'duplicate', pick: 1, at: 2 },
      { kind: 'remove', pick: 0, clearOnly: false },
    ],
  ],
};

// Id cells cleared by hand on a same-day re-sync (step 0), once with the row untouched (back by
// content) and once with its stage edited too (back by account and title).
const CLEARED_IDS: Scenario = {
  rows: [RENEWAL, { ...RENEWAL, titleStem: 'Alpha', stage: 'リード' }, { ...RENEWAL, titleStem: 'beta', stage: '提案' }],
  steps: [
    [{ kind: 'clearId', pick: 0 }],
    [
      { kind: 'clearId', pick: 1 },
      { kind: 'editStage', pick: 1, stage: 0 },
    ],
  ],
};

// A typo keeps the deal in its stage; fixed back to the same stage records nothing, fixed to
// another records one change.
const UNREADABLE_STAGE: Scenario = {
  rows: [{ ...RENEWAL, stage: '提案' }, { ...RENEWAL, titleStem: 'Alpha', stage: 'リード' }, { ...RENEWAL, titleStem: 'beta', stage: '保留' }],
  steps: [
    [{ kind: 'typoStage', pick: 0, label: 0 }],
    [{ kind: 'fixStage', pick: 0, back: true, stage: 0 }],
    [{ kind: 'typoStage', pick: 0, label: 1 }],
    [{ kind: 'fixStage', pick: 0, back: false, stage: 3 }],
  ],
};

// A note right of the service columns, then a service column deleted: it comes back after the
// note, not over it; then the note's row is cleared (its note stays, its service cells go) and
// another service column is deleted.
const NOTE_BESIDE_DELETED_SERVICE_COLUMN: Scenario = {
  rows: [RENEWAL, { ...RENEWAL, titleStem: 'Alpha', stage: 'リード' }, { ...RENEWAL, titleStem: 'beta', stage: '提案' }],
  steps: [
    [{ kind: 'scribble', pick: 1, gap: 1, note: 0 }],
    [{ kind: 'deleteServiceColumn', pick: 2 }],
    [
      { kind: 'remove', pick: 1, clearOnly: true },
      { kind: 'deleteServiceColumn', pick: 0 },
    ],
  ],
};

// The note's row is deleted with the last service column: the column comes back where the note
// was, which nothing uses any more.
const SERVICE_COLUMN_WHERE_A_NOTE_WAS: Scenario = {
  rows: [RENEWAL, { ...RENEWAL, titleStem: 'Alpha', stage: 'リード' }, { ...RENEWAL, titleStem: 'beta', stage: '提案' }],
  steps: [
    [{ kind: 'scribble', pick: 1, gap: 0, note: 1 }],
    [
      { kind: 'remove', pick: 1, clearOnly: false },
      { kind: 'deleteServiceColumn', pick: 4 },
    ],
  ],
};

function assertParameters(numRuns: number): fc.Parameters<[Scenario]> {
  const seed = process.env['SYNC_PROPERTY_SEED'];
  const path = process.env['SYNC_PROPERTY_PATH'];
  const runs = process.env['SYNC_PROPERTY_RUNS'];
  return {
    numRuns: runs === undefined ? numRuns : Number(runs),
    examples: [
      [PASTED_COPY_BESIDE_DELETED_NAMESAKE],
      [PASTED_COPY_BESIDE_DELETED_TWIN],
      [CLEARED_IDS],
      [UNREADABLE_STAGE],
      [NOTE_BESIDE_DELETED_SERVICE_COLUMN],
      [SERVICE_COLUMN_WHERE_A_NOTE_WAS],
    ],
    ...(seed === undefined ? {} : { seed: Number(seed) }),
    ...(path === undefined ? {} : { path }),
  };
}

function propertySuite(backend: DatabaseBackend, numRuns: number): void {
  backend.describe(`syncSpreadsheet under random edits on ${backend.name}`, () => {
    let database: SyncDatabase;
    beforeAll(async () => {
      database = await backend.open('sync_properties');
    });
    afterAll(async () => {
      await database?.close();
    });

    it(
      'keeps ids, rows, tombstones, history and team cells consistent when the sheet is edited between syncs',
      async () => {
        await fc.assert(
          fc.asyncProperty(scenarioArb, (scenario) => runScenario(database.db, scenario)),
          assertParameters(numRuns),
        );
      },
      180_000,
    );
  });
}

// The fixed examples above count towards these runs: each backend also meets 43 and 13 random scenarios.
describe('syncSpreadsheet', () => {
  propertySuite(PGLITE, 50);
  propertySuite(POSTGRES, 20);
});

import type { TabKind } from '../records/tab-kind.ts';
import type { ServiceColumnKey } from './service-columns.ts';

/**
 * A value the service writes. Text is always written as a raw value, never parsed as a formula;
 * dates go out as spreadsheet serial numbers with a date format set up once on their column.
 */
export type PlanValue = string | number | null;

/** One cell to write; row and column are 1-based sheet coordinates. */
export interface CellWrite {
  readonly row: number;
  readonly column: number;
  readonly value: PlanValue;
}

/** A cell of an appended row at the sheet row it lands on. */
export interface AppendedWrite extends CellWrite {
  readonly format?: 'date';
}

/** A service column to create: its header goes into the header row at `column`. */
export interface NewServiceColumn {
  readonly key: ServiceColumnKey;
  readonly column: number;
  readonly header: string;
}

/** Formatting applied once, when the service's columns are first created on a tab. */
export type SetupStep =
  | { readonly kind: 'hideColumn'; readonly column: number }
  | { readonly kind: 'dateFormat'; readonly column: number; readonly pattern: string }
  | {
      /** Highlight a row's service cells when its flags column contains the text. */
      readonly kind: 'highlight';
      readonly columns: readonly [first: number, last: number];
      readonly flagsColumn: number;
      readonly containsText: string;
      readonly tone: 'stale' | 'warning';
    }
  | { readonly kind: 'protectColumns'; readonly columns: readonly number[]; readonly description: string }
  | {
      /** A saved filter for managers: rows whose flags column contains the text. */
      readonly kind: 'filterView';
      readonly title: string;
      readonly flagsColumn: number;
      readonly containsText: string;
    }
  | { readonly kind: 'dropdown'; readonly column: number; readonly values: readonly string[] };

/** One cell of an appended row; column is 1-based. Text is written raw, never as a formula. */
export interface AppendedCell {
  readonly column: number;
  readonly value: PlanValue;
  /** A serial date: the cell gets a date format where the source can set one. */
  readonly format?: 'date';
}

/**
 * A row the service adds below the tab's last row: a record born in the API (a visit logged, a
 * request filed) that the sheet has not shown yet. Its cells are the mapped team columns filled
 * from what the API received, and the id column with the row's id.
 */
export interface AppendedRow {
  readonly id: string;
  readonly cells: readonly AppendedCell[];
}

export interface TabPlan {
  readonly sheet: string;
  readonly kind: TabKind;
  readonly headerRow: number;
  /** The last sheet row holding data when the sheet was read; setup ranges reach this far. */
  readonly lastRow: number;
  /** Where every service column of the tab sits after this plan (existing and new). */
  readonly columns: Readonly<Partial<Record<ServiceColumnKey, number>>>;
  readonly newColumns: readonly NewServiceColumn[];
  /** Only cells whose value differs from what the sheet holds; empty when nothing changed. */
  readonly writes: readonly CellWrite[];
  readonly setup: readonly SetupStep[];
  /**
   * Rows to add below the last row holding data, in order. A source skips a row whose id the
   * tab already shows (the add-on and a recompute may both have been told to add it).
   */
  readonly appends?: readonly AppendedRow[];
}

/** Exactly what a source must apply to the sheet after a sync: service cells and ids only. */
export interface WritePlan {
  readonly spreadsheetId: string;
  readonly tabs: readonly TabPlan[];
}

export function isEmptyPlan(plan: WritePlan): boolean {
  return plan.tabs.every((t) => t.newColumns.length === 0 && t.writes.length === 0 && t.setup.length === 0 && (t.appends?.length ?? 0) === 0);
}

/** How many cells a tab's appended rows fill, ids included. */
export function appendedCellCount(tab: Pick<TabPlan, 'appends'>): number {
  return (tab.appends ?? []).reduce((n, row) => n + row.cells.length, 0);
}

/**
 * The appended rows as cell writes from `firstRow` down, leaving out rows whose id `shown`
 * already holds. Sources that write to fixed rows (a grid, a worksheet, a values range) use it.
 */
export function appendedWrites(tab: Pick<TabPlan, 'appends'>, firstRow: number, shown: ReadonlySet<string> = new Set()): AppendedWrite[] {
  const writes: AppendedWrite[] = [];
  let row = firstRow;
  for (const appended of tab.appends ?? []) {
    if (shown.has(appended.id)) continue;
    for (const c of appended.cells) writes.push(c.format === undefined ? { row, column: c.column, value: c.value } : { row, column: c.column, value: c.value, format: c.format });
    row++;
  }
  return writes;
}

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
}

/** Exactly what a source must apply to the sheet after a sync: service cells and ids only. */
export interface WritePlan {
  readonly spreadsheetId: string;
  readonly tabs: readonly TabPlan[];
}

export function isEmptyPlan(plan: WritePlan): boolean {
  return plan.tabs.every((t) => t.newColumns.length === 0 && t.writes.length === 0 && t.setup.length === 0);
}

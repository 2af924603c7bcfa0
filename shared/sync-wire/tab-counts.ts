import type { TabKind } from '../records/tab-kind.ts';

/** How one synced tab's rows compared with the database: the CLI's report and the service's answer. */
export interface TabCounts {
  readonly kind: TabKind;
  readonly sheet: string;
  readonly read: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly removed: number;
  /** Rows that carried another row's id (pasted copies) and got a new one. */
  readonly reissued: number;
}

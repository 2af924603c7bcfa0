import type { ColumnType, Generated } from 'kysely';
import type { DateColumn, Timestamp } from '../db/column-types.ts';

/** How a history entry's date is known. */
export type StageHistorySource =
  /** A change the sync saw between two runs. */
  | 'observed'
  /** Taken from the sheet's own stage-date (or quote-sent) column on the first sync. */
  | 'seeded'
  /** The deal's first sync, with no date in the sheet: the day it was first seen. */
  | 'first_seen';

export interface StageHistoryTable {
  id: Generated<string>;
  spreadsheet_id: string;
  deal_id: string;
  from_stage: string | null;
  to_stage: string | null;
  to_label: string | null;
  entered_on: DateColumn;
  source: StageHistorySource;
  sync_run_id: ColumnType<string | null, string | number | null, never>;
  observed_at: Timestamp;
}

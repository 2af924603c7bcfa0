import type { ColumnType, Generated } from 'kysely';
import type { DateColumn, JsonColumn, Timestamp } from '../db/column-types.ts';
import type { SourceKind } from '../spreadsheets/spreadsheet.table.ts';

export type SyncOutcome = 'succeeded' | 'failed' | 'dry_run';

/** What started a run: the add-on's push, the daily recompute, a manual recompute or the CLI. */
export type SyncTrigger = 'cli' | 'push' | 'recompute' | 'manual';

export interface SyncRunTable {
  id: Generated<string>;
  spreadsheet_id: string;
  source_kind: SourceKind;
  as_of: DateColumn;
  started_at: Timestamp;
  finished_at: Timestamp;
  duration_ms: number;
  outcome: SyncOutcome;
  counts: JsonColumn<unknown>;
  flag_counts: JsonColumn<unknown>;
  issue_count: number;
  error: string | null;
  trigger: ColumnType<SyncTrigger, SyncTrigger | undefined, SyncTrigger>;
  requested_by: string | null;
}

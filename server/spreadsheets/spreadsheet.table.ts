import type { ColumnType } from 'kysely';
import type { JsonColumn, Timestamp } from '../db/column-types.ts';

export type SourceKind = 'xlsx' | 'google' | 'values';

export interface SpreadsheetTable {
  id: string;
  source_kind: SourceKind;
  title: string;
  time_zone: string;
  mapping: JsonColumn<unknown> | null;
  settings: JsonColumn<unknown> | null;
  status_settings_hash: string | null;
  created_at: ColumnType<Date, never, never>;
  last_synced_at: Timestamp | null;
}

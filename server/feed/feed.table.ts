import type { ColumnType, Generated } from 'kysely';
import type { JsonColumn } from '../db/column-types.ts';

/** What moved: the kinds of feed entry. */
export type FeedKind = 'stage_changed' | 'visit_logged' | 'request_event' | 'flag_raised';

export interface FeedEntryTable {
  id: Generated<string>;
  spreadsheet_id: string;
  deal_id: string | null;
  account: string | null;
  kind: FeedKind;
  at: ColumnType<Date, Date | string | undefined, never>;
  actor: string | null;
  payload: JsonColumn<unknown>;
}

export interface FollowTable {
  spreadsheet_id: string;
  email: string;
  target_kind: 'deal' | 'account';
  target: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

import type { ColumnType, Generated } from 'kysely';
import type { FeedKind } from '../../shared/feed/feed-kind.ts';
import type { JsonColumn } from '../db/column-types.ts';

export type { FeedKind };

export interface FeedEntryTable {
  id: Generated<string>;
  spreadsheet_id: string;
  deal_id: string | null;
  account: string | null;
  /** The account folded for matching: see shared/feed/account-key.ts. */
  account_key: string | null;
  kind: FeedKind;
  at: ColumnType<Date, Date | string | undefined, never>;
  actor: string | null;
  payload: JsonColumn<unknown>;
}

export interface FollowTable {
  spreadsheet_id: string;
  email: string;
  target_kind: 'deal' | 'account';
  /** A deal id, or an account's folded key. */
  target: string;
  /** The account's name as given, to show back; null for deals. */
  label: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

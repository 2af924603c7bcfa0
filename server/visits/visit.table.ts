import type { ColumnType } from 'kysely';
import type { NullableDateColumn } from '../db/column-types.ts';
import type { TrackedRowColumns } from '../deals/deal.table.ts';

export interface VisitTable extends TrackedRowColumns {
  visited_on: NullableDateColumn;
  account: string | null;
  deal_title: string | null;
  deal_id: string | null;
  owner: string | null;
  met: string | null;
  attendees: string | null;
  discussed: string | null;
  customer_asked: string | null;
  next_action: string | null;
  next_action_on: NullableDateColumn;
  ball_after: string | null;
  /** Logged through the API and not yet shown by the sheet: appended, never tombstoned. */
  pending_append: ColumnType<boolean, boolean | undefined, boolean>;
  /** Who logged it through the API; null for a visit typed into the sheet. */
  logged_by: string | null;
}

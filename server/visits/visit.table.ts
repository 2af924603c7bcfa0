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
}

import type { BigintColumn, NullableDateColumn } from '../db/column-types.ts';
import type { TrackedRowColumns } from '../deals/deal.table.ts';

export interface RequestTable extends TrackedRowColumns {
  requested_on: NullableDateColumn;
  type: string | null;
  type_label: string | null;
  account: string | null;
  deal_title: string | null;
  deal_id: string | null;
  requester: string | null;
  background: string | null;
  description: string | null;
  alternative: string | null;
  estimated_cost: BigintColumn;
  status: string | null;
}

import type { ColumnType } from 'kysely';
import type { Role } from '../../shared/access/role.ts';
import type { RequestState } from '../../shared/requests/request-state.ts';
import type { BigintColumn, JsonColumn, NullableDateColumn, Timestamp } from '../db/column-types.ts';
import type { TrackedRowColumns } from '../deals/deal.table.ts';

/** Where a request row was born: the requests tab, or the API (the sidebar). */
export type RequestOrigin = 'sheet' | 'api';

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
  /** Status as the sheet shows it; the workflow's own state is `state`. */
  status: string | null;
  origin: ColumnType<RequestOrigin, RequestOrigin | undefined, RequestOrigin>;
  requester_email: string | null;
  /** The CostInput the estimate was computed from (API-filed requests). */
  cost_input: JsonColumn<unknown> | null;
  cost_total: BigintColumn;
  /** Null for a sheet row nobody filed through the API. */
  state: RequestState | null;
  /** The roles deciding the request, in order, fixed at (re)submission. */
  route: JsonColumn<Role[]> | null;
  step: number | null;
  /** Bumped by every workflow event: a decision made on an older version is a conflict. */
  version: ColumnType<number, number | undefined, number>;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision_comment: string | null;
  /** Filed through the API and not yet shown by the sheet: the sync appends it rather than tombstone it. */
  pending_append: ColumnType<boolean, boolean | undefined, boolean>;
}

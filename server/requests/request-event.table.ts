import type { ColumnType, Generated } from 'kysely';
import type { RequestEventAction, RequestState } from '../../shared/requests/request-state.ts';
import type { JsonColumn } from '../db/column-types.ts';

/** The audit trail of a request: append-only, the database refuses UPDATE, DELETE and TRUNCATE. */
export interface RequestEventTable {
  id: Generated<string>;
  spreadsheet_id: string;
  request_id: string;
  /** 1, 2, 3… per request, in the order the events happened. */
  seq: number;
  actor: string;
  at: ColumnType<Date, Date | string, never>;
  from_state: RequestState | null;
  to_state: RequestState;
  step: number | null;
  action: RequestEventAction;
  comment: string | null;
  cost_snapshot: JsonColumn<unknown> | null;
  /** The content judged (submit, resubmit and the decisions); null for the other events. */
  content_snapshot: JsonColumn<unknown> | null;
}

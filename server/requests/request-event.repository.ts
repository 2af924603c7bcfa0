import { sql, type Selectable } from 'kysely';
import type { RequestEventAction, RequestState } from '../../shared/requests/request-state.ts';
import type { Db } from '../db/database.ts';
import type { RequestEventTable } from './request-event.table.ts';

export type RequestEventRow = Selectable<RequestEventTable>;

export interface NewRequestEvent {
  readonly spreadsheetId: string;
  readonly requestId: string;
  readonly action: RequestEventAction;
  readonly actor: string;
  readonly at: Date;
  readonly fromState: RequestState | null;
  readonly toState: RequestState;
  readonly step: number | null;
  readonly comment: string | null;
  readonly costSnapshot: unknown;
  /** What was judged (ContentSnapshot), or null. */
  readonly contentSnapshot: unknown;
}

/**
 * Appends an event with the next sequence number of its request. Callers hold the request's row
 * lock, so numbers never collide; the unique key would refuse it if they did.
 */
export async function appendRequestEvent(db: Db, e: NewRequestEvent): Promise<number> {
  const row = await db
    .insertInto('request_events')
    .columns(['spreadsheet_id', 'request_id', 'seq', 'actor', 'at', 'from_state', 'to_state', 'step', 'action', 'comment', 'cost_snapshot', 'content_snapshot'])
    .expression(
      db
        .selectFrom('request_events')
        .select([
          sql.val(e.spreadsheetId).as('spreadsheet_id'),
          sql.val(e.requestId).as('request_id'),
          sql<number>`coalesce(max(seq), 0) + 1`.as('seq'),
          sql.val(e.actor).as('actor'),
          sql`${e.at}::timestamptz`.as('at'),
          sql`${e.fromState}::text`.as('from_state'),
          sql.val(e.toState).as('to_state'),
          sql`${e.step}::integer`.as('step'),
          sql.val(e.action).as('action'),
          sql`${e.comment}::text`.as('comment'),
          sql`${e.costSnapshot === null ? null : JSON.stringify(e.costSnapshot)}::jsonb`.as('cost_snapshot'),
          sql`${e.contentSnapshot === null ? null : JSON.stringify(e.contentSnapshot)}::jsonb`.as('content_snapshot'),
        ])
        .where('spreadsheet_id', '=', e.spreadsheetId)
        .where('request_id', '=', e.requestId),
    )
    .returning('seq')
    .executeTakeFirstOrThrow();
  return row.seq;
}

/** A request's audit trail, oldest first. */
export async function eventsOf(db: Db, spreadsheetId: string, requestId: string): Promise<RequestEventRow[]> {
  return db
    .selectFrom('request_events')
    .selectAll()
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('request_id', '=', requestId)
    .orderBy('seq')
    .execute();
}

/** Who approved steps of the current round (since the last submission), in order. */
export async function approversOfRound(db: Db, spreadsheetId: string, requestId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('request_events')
    .select('actor')
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('request_id', '=', requestId)
    .where('action', '=', 'approve')
    .where(
      'seq',
      '>',
      db
        .selectFrom('request_events')
        .select(sql<number>`coalesce(max(seq), 0)`.as('m'))
        .where('spreadsheet_id', '=', spreadsheetId)
        .where('request_id', '=', requestId)
        .where('action', 'in', ['submit', 'resubmit']),
    )
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.actor);
}

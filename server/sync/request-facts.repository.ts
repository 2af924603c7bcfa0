import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import type { RequestState } from '../../shared/requests/request-state.ts';
import type { Db } from '../db/database.ts';
import { wonOnOf } from '../deals/won-on.ts';
import type { RequestRow } from '../requests/request.repository.ts';

/** Every request of the spreadsheet as Postgres holds it before this sync writes: one query. */
export async function loadStoredRequests(db: Db, spreadsheetId: string): Promise<Map<string, RequestRow>> {
  const rows = await db.selectFrom('requests').selectAll().where('spreadsheet_id', '=', spreadsheetId).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** What Postgres knows of each deal it last stored at stage won: the day it was won. */
export async function storedWonOn(db: Db, spreadsheetId: string): Promise<Map<string, IsoDate | null>> {
  const rows = await db
    .selectFrom('deals as d')
    .select([
      'd.id',
      wonOnOf,
    ])
    .where('d.spreadsheet_id', '=', spreadsheetId)
    .where('d.removed_at', 'is', null)
    .where('d.stage', '=', 'won')
    .execute();
  return new Map(rows.map((r) => [r.id, r.won_on as IsoDate | null]));
}

/**
 * Each request's workflow state as of the last successful sync, for the requests that had one
 * then: the status label that sync wrote into the sheet. A cell still showing it is stale, not
 * typed by hand. Empty before the spreadsheet's first sync.
 */
export async function statesAtLastSync(db: Db, spreadsheetId: string): Promise<Map<string, RequestState>> {
  const last = await db
    .selectFrom('sync_runs')
    .select((eb) => eb.fn.max('finished_at').as('at'))
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('outcome', '=', 'succeeded')
    .executeTakeFirst();
  const at = last?.at ?? null;
  if (at === null) return new Map();
  const rows = await db
    .selectFrom('request_events')
    .select(['request_id', 'to_state'])
    .distinctOn('request_id')
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('at', '<=', at)
    .orderBy('request_id')
    .orderBy('seq', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.request_id, r.to_state]));
}

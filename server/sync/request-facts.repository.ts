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

/** A live deal as the last sync stored it: what the request side reads of the sheet's deal rows. */
export interface StoredDealFacts {
  readonly id: string;
  readonly account: string | null;
  readonly title: string | null;
  readonly stageLabel: string | null;
  readonly stageChangedOn: IsoDate | null;
  readonly amount: number | null;
  readonly grossMargin: number | null;
}

const asNumber = (value: string | null): number | null => (value === null ? null : Number(value));

/** Every deal still on the sheet, as the last sync read it: one query. */
export async function storedDealFacts(db: Db, spreadsheetId: string): Promise<StoredDealFacts[]> {
  const rows = await db
    .selectFrom('deals')
    .select(['id', 'account', 'title', 'stage_label', 'stage_changed_on', 'amount', 'gross_margin'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('removed_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    account: r.account,
    title: r.title,
    stageLabel: r.stage_label,
    stageChangedOn: r.stage_changed_on,
    amount: asNumber(r.amount),
    grossMargin: asNumber(r.gross_margin),
  }));
}

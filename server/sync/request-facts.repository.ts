import { sql } from 'kysely';
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

/** What links a live request to its deal and its account, without its text. */
export type RequestLink = Pick<RequestRow, 'id' | 'account' | 'deal_title' | 'deal_id' | 'pending_append'>;

/** Every live request's link columns: one narrow query. */
export async function liveRequestLinks(db: Db, spreadsheetId: string): Promise<RequestLink[]> {
  return db
    .selectFrom('requests')
    .select(['id', 'account', 'deal_title', 'deal_id', 'pending_append'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('removed_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** The live requests with these ids, whole. */
export async function liveRequestsByIds(db: Db, spreadsheetId: string, ids: readonly string[]): Promise<RequestRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('requests')
    .selectAll()
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('id', '=', sql<string>`any(${ids}::text[])`)
    .where('removed_at', 'is', null)
    .orderBy('id')
    .execute();
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

/**
 * Every deal still on the sheet, as the last sync read it, in the order of the deals tab's rows
 * then (those the stored layout does not place) by id: one query. The order is the sheet's because
 * linking is: of two rows with the same account and title, the sync links to the lower one.
 */
export async function storedDealFacts(db: Db, spreadsheetId: string): Promise<StoredDealFacts[]> {
  const { rows } = await sql<{
    id: string;
    account: string | null;
    title: string | null;
    stage_label: string | null;
    stage_changed_on: string | null;
    amount: string | null;
    gross_margin: string | null;
  }>`
    select d.id, d.account, d.title, d.stage_label, d.stage_changed_on::text as stage_changed_on, d.amount::text as amount, d.gross_margin::text as gross_margin
    from deals d
    left join (
      select o.id, o.position from sheet_layouts l, unnest(string_to_array(l.row_ids, E'\n')) with ordinality as o(id, position)
      where l.spreadsheet_id = ${spreadsheetId} and l.kind = 'deals'
    ) o on o.id = d.id
    where d.spreadsheet_id = ${spreadsheetId} and d.removed_at is null
    order by o.position nulls last, d.id`.execute(db);
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

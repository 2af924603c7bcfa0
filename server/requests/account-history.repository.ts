import { sql } from 'kysely';
import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import type { Db } from '../db/database.ts';
import { wonOnOf } from '../deals/won-on.ts';
import { accountKeySql } from './account-key.ts';
import type { RequestRow } from './request.repository.ts';

/**
 * The account's requests filed between two dates, inclusive, newest first: those still on the
 * sheet, and decided ones even after their row left it (what was approved was spent).
 */
export async function accountRequests(db: Db, spreadsheetId: string, account: string, from: IsoDate, to: IsoDate): Promise<RequestRow[]> {
  return db
    .selectFrom('requests')
    .selectAll()
    .where('spreadsheet_id', '=', spreadsheetId)
    .where((eb) => eb.or([eb('removed_at', 'is', null), eb('state', 'in', ['approved', 'rejected'])]))
    .where('requested_on', '>=', from)
    .where('requested_on', '<=', to)
    .where(accountKeySql(sql.ref('account')), '=', accountKeySql(account))
    .orderBy('requested_on', 'desc')
    .orderBy('first_seen_at', 'desc')
    .orderBy('id')
    .execute();
}

export interface WonDeal {
  readonly id: string;
  readonly title: string | null;
  /** Null when nothing says when it was won. */
  readonly wonOn: IsoDate | null;
  readonly amount: number | null;
  readonly grossMargin: number | null;
}

/**
 * The account's deals at stage won, still on the sheet, with the day each was won: the last time
 * the stage history saw it enter won, else the sheet's own stage date, else the day the sync
 * first knew it at that stage.
 */
export async function wonDealsOf(db: Db, spreadsheetId: string, account: string): Promise<WonDeal[]> {
  const rows = await db
    .selectFrom('deals as d')
    .select([
      'd.id',
      'd.title',
      'd.amount',
      'd.gross_margin',
      wonOnOf,
    ])
    .where('d.spreadsheet_id', '=', spreadsheetId)
    .where('d.removed_at', 'is', null)
    .where('d.stage', '=', 'won')
    .where(accountKeySql(sql.ref('d.account')), '=', accountKeySql(account))
    .orderBy('won_on', 'desc')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    wonOn: r.won_on,
    amount: r.amount === null ? null : Number(r.amount),
    grossMargin: r.gross_margin === null ? null : Number(r.gross_margin),
  }));
}

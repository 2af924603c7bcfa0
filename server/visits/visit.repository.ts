import { sql } from 'kysely';
import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import type { VisitFact } from '../../shared/flags/flag.ts';
import type { Visit } from '../../shared/records/visit.ts';
import type { Db } from '../db/database.ts';
import { asBall } from '../deals/deal-record.ts';
import { accountKeySql } from '../requests/account-key.ts';
import type { LinkedIdentity } from '../sync/assign-row-ids.ts';
import { visitKey } from '../sync/natural-key.ts';
import type { VisitCursor } from './visit-cursor.ts';

export async function loadVisitStates(db: Db, spreadsheetId: string): Promise<Map<string, LinkedIdentity>> {
  const rows = await db
    .selectFrom('visits')
    .select(['id', 'row_hash', sql<boolean>`removed_at is not null`.as('removed'), 'deal_id', 'visited_on', 'account', 'deal_title', 'owner'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { hash: r.row_hash, removed: r.removed, dealId: r.deal_id, naturalKey: () => visitKey(r.visited_on, r.account, r.deal_title, r.owner) },
    ]),
  );
}

/** A visit as stored, with what the API adds to the sheet's record. */
export interface StoredVisit {
  readonly id: string;
  readonly visit: Visit;
  readonly dealId: string | null;
  readonly loggedBy: string | null;
  /** False while a visit logged through the API waits for the sheet to show it. */
  readonly onSheet: boolean;
  readonly loggedAt: Date;
  /** Where the row sits in newest-first order, for the next page's cursor. */
  readonly cursor: VisitCursor;
}

// The sort key of newest first: the visit's day, then when the service first saw it, then id.
const SORT_DAY = sql<string>`coalesce(visited_on, '0001-01-01'::date)::text`;
// Microseconds kept: a cursor must name the exact instant Postgres compares.
const SEEN_AT = sql<string>`to_char(first_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A stored visit row's columns as the sheet's record. */
export function visitOf(r: {
  visited_on: string | null;
  account: string | null;
  deal_title: string | null;
  owner: string | null;
  met: string | null;
  attendees: string | null;
  discussed: string | null;
  customer_asked: string | null;
  next_action: string | null;
  next_action_on: string | null;
  ball_after: string | null;
}): Visit {
  return {
    visitedOn: r.visited_on,
    account: r.account,
    dealTitle: r.deal_title,
    owner: r.owner,
    met: r.met,
    attendees: r.attendees,
    discussed: r.discussed,
    customerAsked: r.customer_asked,
    nextAction: r.next_action,
    nextActionOn: r.next_action_on,
    ballAfter: asBall(r.ball_after),
  };
}

function selectVisits(db: Db, spreadsheetId: string) {
  return db
    .selectFrom('visits')
    .select([
      'id',
      'visited_on',
      'account',
      'deal_title',
      'deal_id',
      'owner',
      'met',
      'attendees',
      'discussed',
      'customer_asked',
      'next_action',
      'next_action_on',
      'ball_after',
      'logged_by',
      'pending_append',
      'first_seen_at',
      SORT_DAY.as('sort_day'),
      SEEN_AT.as('seen_at'),
    ])
    .where('spreadsheet_id', '=', spreadsheetId);
}

type VisitRow = Awaited<ReturnType<ReturnType<typeof selectVisits>['execute']>>[number];

function storedVisit(r: VisitRow): StoredVisit {
  return {
    id: r.id,
    visit: visitOf(r),
    dealId: r.deal_id,
    loggedBy: r.logged_by,
    onSheet: !r.pending_append,
    loggedAt: r.first_seen_at,
    cursor: { day: r.sort_day, seenAt: r.seen_at, id: r.id },
  };
}

/** Live visits by id: the pending rows a sync appends. */
export async function visitsByIds(db: Db, spreadsheetId: string, ids: readonly string[]): Promise<StoredVisit[]> {
  if (ids.length === 0) return [];
  const rows = await selectVisits(db, spreadsheetId)
    .where('id', '=', sql<string>`any(${ids}::text[])`)
    .where('removed_at', 'is', null)
    .execute();
  return rows.map(storedVisit);
}

/** A visit logged through the API: the sheet has not shown it yet. */
export interface NewApiVisit {
  readonly spreadsheetId: string;
  readonly id: string;
  readonly visit: Visit;
  readonly dealId: string | null;
  /** The hash the sheet's copy will read back with, or '' when no visits tab is known. */
  readonly rowHash: string;
  readonly loggedBy: string;
  readonly at: Date;
}

export async function insertApiVisit(db: Db, v: NewApiVisit): Promise<StoredVisit> {
  await db
    .insertInto('visits')
    .values({
      spreadsheet_id: v.spreadsheetId,
      id: v.id,
      row_hash: v.rowHash,
      cell_issue_count: 0,
      first_seen_at: v.at,
      updated_at: v.at,
      visited_on: v.visit.visitedOn,
      account: v.visit.account,
      deal_title: v.visit.dealTitle,
      deal_id: v.dealId,
      owner: v.visit.owner,
      met: v.visit.met,
      attendees: v.visit.attendees,
      discussed: v.visit.discussed,
      customer_asked: v.visit.customerAsked,
      next_action: v.visit.nextAction,
      next_action_on: v.visit.nextActionOn,
      ball_after: v.visit.ballAfter,
      pending_append: true,
      logged_by: v.loggedBy,
    })
    .execute();
  const [stored] = await visitsByIds(db, v.spreadsheetId, [v.id]);
  if (stored === undefined) throw new Error(`visit ${v.id} vanished after its insert`);
  return stored;
}

/** The visits the flag rules count for one deal, as the sync loads them. */
export async function visitFactsOfDeal(db: Db, spreadsheetId: string, dealId: string): Promise<VisitFact[]> {
  const rows = await db
    .selectFrom('visits')
    .select(['visited_on', 'ball_after', 'next_action', 'next_action_on'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('deal_id', '=', dealId)
    .where('removed_at', 'is', null)
    .where('visited_on', 'is not', null)
    .execute();
  return rows.flatMap((r) =>
    r.visited_on === null ? [] : [{ visitedOn: r.visited_on as IsoDate, ballAfter: asBall(r.ball_after), nextAction: r.next_action, nextActionOn: r.next_action_on }],
  );
}

export interface VisitFilter {
  readonly dealId?: string;
  /** Matched as the sync matches accounts: width, case and spaces do not count. */
  readonly account?: string;
  /** Only visits whose customer-asked text contains this (NFKC, case-insensitive). */
  readonly asked?: string;
  /** Only visits where the customer asked for something. */
  readonly askedOnly?: boolean;
}

/** Live visits, newest first (visit day, then when logged), one more than `limit` to tell there is more. */
export async function listVisits(db: Db, spreadsheetId: string, filter: VisitFilter, limit: number, before: VisitCursor | null): Promise<StoredVisit[]> {
  let q = selectVisits(db, spreadsheetId).where('removed_at', 'is', null);
  if (filter.dealId !== undefined) q = q.where('deal_id', '=', filter.dealId);
  if (filter.account !== undefined) q = q.where(accountKeySql(sql.ref('account')), '=', accountKeySql(filter.account));
  if (filter.askedOnly === true) q = q.where(sql<boolean>`btrim(coalesce(customer_asked, '')) <> ''`);
  if (filter.asked !== undefined && filter.asked !== '') {
    q = q.where(sql<boolean>`strpos(lower(normalize(coalesce(customer_asked, ''), NFKC)), lower(normalize(${filter.asked}, NFKC))) > 0`);
  }
  if (before !== null) {
    q = q.where(sql<boolean>`(${SORT_DAY}, first_seen_at, id) < (${before.day}, ${before.seenAt}::timestamptz, ${before.id})`);
  }
  const rows = await q
    .orderBy(sql`coalesce(visited_on, '0001-01-01'::date)`, 'desc')
    .orderBy('first_seen_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return rows.map(storedVisit);
}

import { sql } from 'kysely';
import { accountKey, accountName } from '../../shared/feed/account-key.ts';
import type { Db } from '../db/database.ts';
import type { FeedKind } from './feed.table.ts';

export interface FeedEntryInput {
  readonly spreadsheetId: string;
  readonly dealId: string | null;
  /** The account's name as the record gives it; folded here, so callers need not. */
  readonly account: string | null;
  readonly kind: FeedKind;
  readonly at: Date;
  /** Email of who did it; null for what the sync or the calendar did. */
  readonly actor: string | null;
  /** What the entry says, as data (codes, not sentences): rendered per reader's language. */
  readonly payload: Readonly<Record<string, unknown>>;
}

// 8 parameters a row: well under Postgres' 65,535 per statement.
const INSERT_CHUNK = 2_000;

/** Appends entries in the caller's transaction, so an entry exists exactly when its cause does. */
export async function appendFeedEntries(db: Db, entries: readonly FeedEntryInput[]): Promise<void> {
  for (let start = 0; start < entries.length; start += INSERT_CHUNK) {
    await db
      .insertInto('feed_entries')
      .values(
        entries.slice(start, start + INSERT_CHUNK).map((e) => ({
          spreadsheet_id: e.spreadsheetId,
          deal_id: e.dealId,
          account: accountName(e.account),
          account_key: accountKey(e.account),
          kind: e.kind,
          at: e.at,
          actor: e.actor,
          payload: JSON.stringify(e.payload),
        })),
      )
      .execute();
  }
}

/** Whose feed to read: what a person follows, or one deal's, or one account's. */
export type FeedScope =
  | { readonly kind: 'following'; readonly email: string }
  | { readonly kind: 'deal'; readonly dealId: string }
  | { readonly kind: 'account'; readonly accountKey: string };

export interface FeedRow {
  readonly id: string;
  readonly kind: FeedKind;
  readonly at: Date;
  readonly actor: string | null;
  readonly dealId: string | null;
  /** The deal's title now, when the entry has a deal that is still stored. */
  readonly dealTitle: string | null;
  readonly account: string | null;
  readonly payload: unknown;
}

/** A page of a feed, newest first: entries with ids below `before` (all when null). */
export async function feedPage(
  db: Db,
  spreadsheetId: string,
  scope: FeedScope,
  page: { readonly before: string | null; readonly limit: number },
): Promise<FeedRow[]> {
  let query = db
    .selectFrom('feed_entries as f')
    .leftJoin('deals as d', (j) => j.onRef('d.spreadsheet_id', '=', 'f.spreadsheet_id').onRef('d.id', '=', 'f.deal_id'))
    .select(['f.id', 'f.kind', 'f.at', 'f.actor', 'f.deal_id', 'f.account', 'f.payload', 'd.title as deal_title'])
    .where('f.spreadsheet_id', '=', spreadsheetId);
  if (scope.kind === 'deal') query = query.where('f.deal_id', '=', scope.dealId);
  else if (scope.kind === 'account') query = query.where('f.account_key', '=', scope.accountKey);
  else {
    const followed = (targetKind: 'deal' | 'account') =>
      db
        .selectFrom('follows')
        .select('target')
        .where('spreadsheet_id', '=', spreadsheetId)
        .where('email', '=', scope.email)
        .where('target_kind', '=', targetKind);
    query = query.where((eb) => eb.or([eb('f.deal_id', 'in', followed('deal')), eb('f.account_key', 'in', followed('account'))]));
  }
  if (page.before !== null) query = query.where('f.id', '<', page.before);
  const rows = await query.orderBy('f.id', 'desc').limit(page.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    at: r.at,
    actor: r.actor,
    dealId: r.deal_id,
    dealTitle: r.deal_title,
    account: r.account,
    payload: r.payload,
  }));
}

export interface FollowRow {
  readonly targetKind: 'deal' | 'account';
  readonly target: string;
  /** The account's name, or the deal's title now. */
  readonly label: string | null;
  readonly account: string | null;
  readonly createdAt: Date;
}

/** Follows a deal or an account; following twice changes nothing. Returns whether it was new. */
export async function addFollow(
  db: Db,
  follow: { spreadsheetId: string; email: string; targetKind: 'deal' | 'account'; target: string; label: string | null },
): Promise<boolean> {
  const result = await db
    .insertInto('follows')
    .values({ spreadsheet_id: follow.spreadsheetId, email: follow.email, target_kind: follow.targetKind, target: follow.target, label: follow.label })
    .onConflict((oc) => oc.columns(['spreadsheet_id', 'email', 'target_kind', 'target']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Stops following; returns whether there was a follow to remove. */
export async function removeFollow(db: Db, follow: { spreadsheetId: string; email: string; targetKind: 'deal' | 'account'; target: string }): Promise<boolean> {
  const result = await db
    .deleteFrom('follows')
    .where('spreadsheet_id', '=', follow.spreadsheetId)
    .where('email', '=', follow.email)
    .where('target_kind', '=', follow.targetKind)
    .where('target', '=', follow.target)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** What one person follows on a spreadsheet, most recent first. */
export async function followsOf(db: Db, spreadsheetId: string, email: string): Promise<FollowRow[]> {
  const rows = await db
    .selectFrom('follows as w')
    .leftJoin('deals as d', (j) =>
      j.onRef('d.spreadsheet_id', '=', 'w.spreadsheet_id').onRef('d.id', '=', 'w.target').on('w.target_kind', '=', 'deal'),
    )
    .select(['w.target_kind', 'w.target', 'w.label', 'w.created_at', 'd.title', 'd.account'])
    .where('w.spreadsheet_id', '=', spreadsheetId)
    .where('w.email', '=', email)
    .orderBy('w.created_at', 'desc')
    .orderBy('w.target')
    .execute();
  return rows.map((r) => ({
    targetKind: r.target_kind,
    target: r.target,
    label: r.target_kind === 'deal' ? r.title : r.label,
    account: r.target_kind === 'deal' ? r.account : r.label,
    createdAt: r.created_at,
  }));
}

/** A live deal's title and account, or null when the spreadsheet has no such deal (or it was removed). */
export async function liveDeal(db: Db, spreadsheetId: string, dealId: string): Promise<{ title: string | null; account: string | null } | null> {
  const row = await db
    .selectFrom('deals')
    .select(['title', 'account'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('id', '=', dealId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

/** Whether the spreadsheet has ever stored this deal (removed ones included: their feed stays readable). */
export async function dealKnown(db: Db, spreadsheetId: string, dealId: string): Promise<boolean> {
  const row = await db
    .selectFrom('deals')
    .select(sql<number>`1`.as('one'))
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('id', '=', dealId)
    .executeTakeFirst();
  return row !== undefined;
}

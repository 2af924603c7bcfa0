import type { Db } from '../db/database.ts';
import type { FeedKind } from './feed.table.ts';

export interface FeedEntryInput {
  readonly spreadsheetId: string;
  readonly dealId: string | null;
  readonly account: string | null;
  readonly kind: FeedKind;
  readonly at: Date;
  /** Email of who did it; null for what the sync or the calendar did. */
  readonly actor: string | null;
  /** What the entry says, as data (codes, not sentences): rendered per reader's language. */
  readonly payload: Readonly<Record<string, unknown>>;
}

/** Appends entries in the caller's transaction, so an entry exists exactly when its cause does. */
export async function appendFeedEntries(db: Db, entries: readonly FeedEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('feed_entries')
    .values(
      entries.map((e) => ({
        spreadsheet_id: e.spreadsheetId,
        deal_id: e.dealId,
        account: e.account,
        kind: e.kind,
        at: e.at,
        actor: e.actor,
        payload: JSON.stringify(e.payload),
      })),
    )
    .execute();
}

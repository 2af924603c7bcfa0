import type { Locale } from '../../shared/i18n/locale.ts';
import { renderFeedEntry, type FlagCatalogue } from '../../shared/feed/render-feed-entry.ts';
import { FLAG_MESSAGES } from '../../shared/flags/flag-messages.ts';
import type { Db } from '../db/database.ts';
import type { FeedKind } from './feed.table.ts';
import { feedPage, type FeedRow, type FeedScope } from './feed.repository.ts';

/** One feed entry as the API answers it: the sentence in the reader's language, and the data. */
export interface FeedEntryOut {
  readonly id: string;
  readonly kind: FeedKind;
  readonly at: string;
  readonly actor: string | null;
  readonly dealId: string | null;
  readonly dealTitle: string | null;
  readonly account: string | null;
  readonly text: string;
  readonly payload: unknown;
}

export interface FeedPageOut {
  readonly entries: readonly FeedEntryOut[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  readonly nextBefore: string | null;
}

export function feedEntryOut(row: FeedRow, locale: Locale, catalogue: FlagCatalogue = FLAG_MESSAGES): FeedEntryOut {
  return {
    id: row.id,
    kind: row.kind,
    at: row.at.toISOString(),
    actor: row.actor,
    dealId: row.dealId,
    dealTitle: row.dealTitle,
    account: row.account,
    text: renderFeedEntry({ kind: row.kind, actor: row.actor, dealTitle: row.dealTitle, account: row.account, payload: row.payload }, locale, catalogue),
    payload: row.payload,
  };
}

/** One page of a feed, newest first, rendered for the reader. */
export async function readFeed(
  db: Db,
  spreadsheetId: string,
  scope: FeedScope,
  page: { readonly before: string | null; readonly limit: number },
  locale: Locale,
): Promise<FeedPageOut> {
  // One more than asked tells whether an older page exists without a count.
  const rows = await feedPage(db, spreadsheetId, scope, { before: page.before, limit: page.limit + 1 });
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    entries: shown.map((r) => feedEntryOut(r, locale)),
    nextBefore: rows.length > page.limit && last !== undefined ? last.id : null,
  };
}

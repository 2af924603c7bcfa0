import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import type { FlagRaisedPayload } from '../../shared/feed/feed-payloads.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { SheetGrid } from '../../shared/mapping/sheet-grid.ts';
import type { ResolvedTab } from '../../shared/mapping/tab-mapping.ts';
import type { Deal } from '../../shared/records/deal.ts';
import type { RequestState } from '../../shared/requests/request-state.ts';
import type { Db } from '../db/database.ts';
import { appendFeedEntries, type FeedEntryInput } from '../feed/feed.repository.ts';
import { policyFor } from '../requests/request-settings.service.ts';
import type { RequestRow } from '../requests/request.repository.ts';
import { storedRequestRecord } from '../requests/stored-request-record.ts';
import type { TabDiff } from './diff-tab.ts';
import { loadStoredRequests, statesAtLastSync, storedWonOn } from './request-facts.repository.ts';
import { matchKey } from '../../shared/feed/account-key.ts';
import type { WonDeal } from '../requests/account-history.repository.ts';
import type { DealLinker } from './request-deal-link.ts';
import { requestStatuses, unknownWho, type RequestFact, type RequestStatuses } from './request-statuses.ts';

/** What the request side reads of a deal row. */
export type RequestSideDeal = Pick<Deal, 'account' | 'title' | 'stage' | 'stageChangedOn' | 'amount' | 'grossMargin'>;

export interface RequestSyncInput {
  readonly spreadsheetId: string;
  readonly tab: ResolvedTab<'requests'> | null;
  readonly grid: SheetGrid | null;
  readonly diff: TabDiff<'requests'> | null;
  readonly dealOf: DealLinker;
  /**
   * Every deal row of the sheet, as read now. A function: reading a row's record parses its cells,
   * which a spreadsheet without requests must not pay for on every sync.
   */
  readonly deals: () => readonly { readonly id: string; readonly deal: RequestSideDeal }[];
  readonly locale: Locale;
  readonly timeZone: string;
  readonly now: IsoDate;
}

const EMPTY: RequestStatuses = { outcomes: [], costReviews: new Map() };

/**
 * Every live request of the spreadsheet, read before this sync writes: the sheet's rows with what
 * Postgres holds for them, and the requests the sheet does not show (filed through the API and not
 * appended yet, or every one when the spreadsheet has no requests tab). A handful of queries per
 * sync, whatever the number of rows.
 */
export async function requestSyncStatuses(db: Db, input: RequestSyncInput): Promise<RequestStatuses> {
  const stored = await loadStoredRequests(db, input.spreadsheetId);
  if (stored.size === 0 && (input.diff === null || input.diff.rows.length === 0)) return EMPTY;
  const facts: RequestFact[] = [];
  const shown = new Set<string>();
  for (const d of input.diff?.rows ?? []) {
    shown.add(d.id);
    const record = d.row.record;
    facts.push({ id: d.id, sheetRow: d.row.sheetRow, record, stored: stored.get(d.id) ?? null, dealId: input.dealOf(record.account, record.dealTitle) });
  }
  const removed = new Set(input.diff?.removedIds ?? []);
  for (const r of stored.values()) {
    if (shown.has(r.id) || removed.has(r.id) || r.removed_at !== null) continue;
    if (input.tab !== null && !r.pending_append) continue;
    facts.push(unshownFact(r, input.dealOf));
  }
  return statusesOf(db, input.spreadsheetId, facts, input.deals(), { tab: input.tab, grid: input.grid, locale: input.locale, timeZone: input.timeZone, now: input.now });
}

/** A live request the sheet does not show: Postgres's copy, linked as the sheet would link it. */
function unshownFact(r: RequestRow, dealOf: DealLinker): RequestFact {
  return { id: r.id, sheetRow: null, record: storedRequestRecord(r), stored: r, dealId: storedRequestDeal(r, dealOf, false) };
}

/**
 * The deal a stored request is linked to: by the account and deal title it gives, as the sheet's
 * row is linked; one the sheet does not show falls back on the deal it was filed for.
 */
export function storedRequestDeal(r: Pick<RequestRow, 'account' | 'deal_title' | 'deal_id'>, dealOf: DealLinker, onSheet: boolean): string | null {
  const linked = dealOf(r.account, r.deal_title);
  return onSheet ? linked : (linked ?? r.deal_id);
}

/** The statuses of these requests: what their rows show, and the deals whose cost needs a review. */
export async function statusesOf(
  db: Db,
  spreadsheetId: string,
  facts: readonly RequestFact[],
  deals: readonly { readonly id: string; readonly deal: RequestSideDeal }[],
  ctx: { tab: ResolvedTab<'requests'> | null; grid: SheetGrid | null; locale: Locale; timeZone: string; now: IsoDate },
): Promise<RequestStatuses> {
  // The states as of the last sync tell a stale status cell from a typed one: without the tab's cells, nothing to tell.
  const previousStates = ctx.tab === null || ctx.grid === null ? new Map<string, RequestState>() : await statesAtLastSync(db, spreadsheetId);
  const [policy, wonOn] = [await policyFor(db, spreadsheetId), await storedWonOn(db, spreadsheetId)];
  return requestStatuses(facts, {
    ...ctx,
    policy,
    dealMargins: new Map(deals.map((d) => [d.id, d.deal.grossMargin])),
    wonDeals: wonDealsOfSheet(deals, wonOn, ctx.now),
    previousStates,
  });
}

/**
 * A feed entry on the request's deal and account for each status typed by hand: kind flag_raised,
 * with the request's id, what was typed and who typed it (the sheet does not say).
 */
export async function appendTamperingFeed(db: Db, spreadsheetId: string, statuses: RequestStatuses, at: Date): Promise<void> {
  const entries: FeedEntryInput[] = [];
  for (const o of statuses.outcomes) {
    const tamper = o.tampering[0];
    if (tamper === undefined) continue;
    const payload: FlagRaisedPayload = {
      title: o.fact.record.dealTitle,
      owner: o.fact.record.requester,
      raised: [{ code: 'status_tampered', params: { typed: tamper.typed, who: unknownWho('ja') } }],
      current: ['status_tampered', ...o.flags.map((f) => f.code)],
      requestId: o.fact.id,
    };
    entries.push({ spreadsheetId, dealId: o.fact.dealId, account: o.fact.record.account, kind: 'flag_raised', at, actor: null, payload: { ...payload } });
  }
  await appendFeedEntries(db, entries);
}

/**
 * The sheet's won deals per account key, as this sync is about to store them: the day a deal was
 * won is Postgres's when it knew it won, else the sheet's stage date, else today (the day the sync
 * first sees it won), so the first sync and the next one judge the win-win balance alike.
 */
function wonDealsOfSheet(deals: readonly { readonly id: string; readonly deal: RequestSideDeal }[], storedWon: ReadonlyMap<string, IsoDate | null>, now: IsoDate): Map<string, WonDeal[]> {
  const byAccount = new Map<string, WonDeal[]>();
  for (const { id, deal } of deals) {
    const key = matchKey(deal.account);
    if (deal.stage !== 'won' || key === null) continue;
    const wonOn = storedWon.has(id) ? (storedWon.get(id) ?? null) : (deal.stageChangedOn ?? now);
    const list = byAccount.get(key) ?? [];
    list.push({ id, title: deal.title, wonOn, amount: deal.amount, grossMargin: deal.grossMargin });
    byAccount.set(key, list);
  }
  return byAccount;
}

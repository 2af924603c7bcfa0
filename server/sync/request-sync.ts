import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import { parseStage } from '../../shared/cells/parse-stage.ts';
import type { FlagRaisedPayload } from '../../shared/feed/feed-payloads.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { SheetGrid } from '../../shared/mapping/sheet-grid.ts';
import type { ResolvedTab } from '../../shared/mapping/tab-mapping.ts';
import type { Deal } from '../../shared/records/deal.ts';
import { stageLabelMap } from '../../shared/settings/stage-label-map.ts';
import type { SyncSettings } from '../../shared/settings/sync-settings.ts';
import type { Db } from '../db/database.ts';
import { appendFeedEntries, type FeedEntryInput } from '../feed/feed.repository.ts';
import { policyFor } from '../requests/request-settings.service.ts';
import type { RequestRow } from '../requests/request.repository.ts';
import { storedRequestRecord } from '../requests/stored-request-record.ts';
import type { TabDiff } from './diff-tab.ts';
import { loadStoredRequests, statesAtLastSync, storedDealFacts, storedWonOn } from './request-facts.repository.ts';
import { matchKey } from '../../shared/feed/account-key.ts';
import type { WonDeal } from '../requests/account-history.repository.ts';
import { dealLinkerOf, type DealLinker } from './request-deal-link.ts';
import { requestStatuses, unknownWho, type CostReview, type RequestFact, type RequestStatuses } from './request-statuses.ts';

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
  const record = storedRequestRecord(r);
  return { id: r.id, sheetRow: null, record, stored: r, dealId: dealOf(record.account, record.dealTitle) ?? r.deal_id };
}

async function statusesOf(
  db: Db,
  spreadsheetId: string,
  facts: readonly RequestFact[],
  deals: readonly { readonly id: string; readonly deal: RequestSideDeal }[],
  ctx: { tab: ResolvedTab<'requests'> | null; grid: SheetGrid | null; locale: Locale; timeZone: string; now: IsoDate },
): Promise<RequestStatuses> {
  const [policy, wonOn, previousStates] = [await policyFor(db, spreadsheetId), await storedWonOn(db, spreadsheetId), await statesAtLastSync(db, spreadsheetId)];
  return requestStatuses(facts, {
    ...ctx,
    policy,
    dealMargins: new Map(deals.map((d) => [d.id, d.deal.grossMargin])),
    wonDeals: wonDealsOfSheet(deals, wonOn, ctx.now),
    previousStates,
  });
}

export interface StoredCostReviewInput {
  readonly spreadsheetId: string;
  /** Whether the spreadsheet has a requests tab (its stored layout): its rows there are linked from their own cells. */
  readonly requestsTab: boolean;
  /** The settings the sync reads the deals tab with (its stage labels decide which deals are won). */
  readonly settings: SyncSettings;
  readonly locale: Locale;
  readonly now: IsoDate;
}

/**
 * The cost reviews the next sync would compute, from Postgres alone: every live request and deal
 * as the last sync stored them, linked, priced and weighed by the sync's own functions. For a
 * sheet unchanged since that sync this is exactly what the sync computes, so a deal status built
 * on it (a visit logged through the API) is one the next sync finds already written.
 */
export async function storedCostReviews(db: Db, input: StoredCostReviewInput): Promise<ReadonlyMap<string, CostReview>> {
  const stored = await loadStoredRequests(db, input.spreadsheetId);
  const live = [...stored.values()].filter((r) => r.removed_at === null);
  if (live.length === 0) return EMPTY.costReviews;
  const labels = stageLabelMap(input.settings);
  const deals = (await storedDealFacts(db, input.spreadsheetId)).map((d) => {
    // Re-read from the label, as the sheet's cell reads: an unreadable label is stored under the
    // deal's last known stage, yet the sync reads no stage from it.
    const stage = d.stageLabel === null ? null : parseStage(d.stageLabel, labels);
    return { id: d.id, deal: { ...d, stage: stage !== null && stage.ok ? stage.value : null } };
  });
  const dealOf = dealLinkerOf(() => deals.map((d) => ({ id: d.id, account: d.deal.account, title: d.deal.title })));
  const facts = live.map((r): RequestFact => {
    // A row the sheet shows is linked from its cells alone; one it lacks falls back on its stored deal.
    if (!input.requestsTab || r.pending_append) return unshownFact(r, dealOf);
    const record = storedRequestRecord(r);
    return { id: r.id, sheetRow: null, record, stored: r, dealId: dealOf(record.account, record.dealTitle) };
  });
  const statuses = await statusesOf(db, input.spreadsheetId, facts, deals, { tab: null, grid: null, locale: input.locale, timeZone: input.settings.timeZone, now: input.now });
  return statuses.costReviews;
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

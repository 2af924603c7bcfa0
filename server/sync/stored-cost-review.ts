import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import { matchKey } from '../../shared/feed/account-key.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { stageLabelMap } from '../../shared/settings/stage-label-map.ts';
import type { SyncSettings } from '../../shared/settings/sync-settings.ts';
import type { Db } from '../db/database.ts';
import { storedStage } from '../deals/deal-record.ts';
import { storedRequestRecord } from '../requests/stored-request-record.ts';
import { dealKey } from './natural-key.ts';
import { liveRequestLinks, liveRequestsByIds, storedDealFacts, type RequestLink } from './request-facts.repository.ts';
import { dealLinkerOf, type LinkableDeal } from './request-deal-link.ts';
import type { CostReview, RequestFact } from './request-statuses.ts';
import { statusesOf, storedRequestDeal } from './request-sync.ts';

export interface StoredCostReviewInput {
  readonly spreadsheetId: string;
  /** The deal, with the account and title the last sync stored for it. */
  readonly deal: LinkableDeal;
  /** Whether the spreadsheet has a requests tab (its stored layout): its rows there are linked from their own cells. */
  readonly requestsTab: boolean;
  /** The settings the sync reads the deals tab with (its stage labels decide which deals are won). */
  readonly settings: SyncSettings;
  readonly locale: Locale;
  readonly now: IsoDate;
}

/**
 * The deal's cost review as the next sync would compute it, from Postgres alone: its live
 * requests and the deals as the last sync stored them, linked, priced and weighed by the sync's
 * own functions. For a sheet unchanged since that sync this is exactly what the sync computes, so
 * a deal status built on it (a visit logged through the API, the deal card) is the one the flags
 * cell shows. Undefined: no review.
 *
 * Only what bears on this deal is read. Most deals have no request, and for them one narrow query
 * of the requests says so; the deals (to link with) and the requests of the same accounts (whose
 * win-win balance each request's flags weigh) are read only for a deal some request may name.
 */
export async function storedCostReviewOf(db: Db, input: StoredCostReviewInput): Promise<CostReview | undefined> {
  const { spreadsheetId: sid, deal, requestsTab, settings } = input;
  const links = await liveRequestLinks(db, sid);
  if (!links.some((r) => mayName(r, deal))) return undefined;

  const labels = stageLabelMap(settings);
  const deals = (await storedDealFacts(db, sid)).map((d) => ({ id: d.id, deal: { ...d, stage: storedStage(d.stageLabel, labels) } }));
  const dealOf = dealLinkerOf(() => deals.map((d) => ({ id: d.id, account: d.deal.account, title: d.deal.title })));
  // A row the sheet shows is linked from its cells alone; one it lacks falls back on its stored deal.
  const dealIdOf = (r: RequestLink): string | null => storedRequestDeal(r, dealOf, requestsTab && !r.pending_append);
  const linked = links.filter((r) => mayName(r, deal) && dealIdOf(r) === deal.id);
  if (linked.length === 0) return undefined;

  const accounts = new Set(linked.map((r) => matchKey(r.account)));
  const weighed = links.filter((r) => linked.includes(r) || (matchKey(r.account) !== null && accounts.has(matchKey(r.account))));
  const rows = await liveRequestsByIds(db, sid, weighed.map((r) => r.id));
  const facts = rows.map((r): RequestFact => ({ id: r.id, sheetRow: null, record: storedRequestRecord(r), stored: r, dealId: dealIdOf(r) }));
  const statuses = await statusesOf(db, sid, facts, deals, { tab: null, grid: null, locale: input.locale, timeZone: settings.timeZone, now: input.now });
  return statuses.costReviews.get(deal.id);
}

/**
 * Whether the request could be linked to the deal: the linker matches a request's account and
 * title, or its title alone, against the deal's; else it was filed for the deal.
 */
function mayName(r: RequestLink, deal: LinkableDeal): boolean {
  if (r.deal_id === deal.id) return true;
  if (r.deal_title === null) return false;
  return dealKey(r.account, r.deal_title) === dealKey(deal.account, deal.title) || dealKey(null, r.deal_title) === dealKey(null, deal.title);
}

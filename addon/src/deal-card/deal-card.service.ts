import { localize } from '../bootstrap/localize.ts';
import { fail, failWith, ok } from '../bootstrap/rpc-results.ts';
import type { DealCard, RpcResult } from '../rpc/sidebar-rpc.ts';
import { callService, spreadsheetPath } from '../service/service-client.ts';
import { activeDealRow } from './active-deal-row.ts';
import { DEAL_CARD_MESSAGES } from './deal-card-messages.ts';
import { dealCardOf, type DealJson, type FeedEntryJson, type VisitJson } from './deal-card-view.ts';

const RECENT_VISITS = 5;
const FEED_ENTRIES = 10;

/** The card of one deal, shown as sitting at `where`: three calls to the service. */
export function loadDealCard(dealId: string, where: { readonly sheet: string; readonly row: number }): RpcResult<DealCard> {
  const deal = callService<DealJson>({ method: 'get', path: spreadsheetPath(`/deals/${encodeURIComponent(dealId)}`) });
  if (!deal.ok) {
    if (deal.error.code === 'not_found') return fail('not_found', localize(DEAL_CARD_MESSAGES.unknownDeal));
    return failWith(deal.error);
  }
  const visits = callService<{ visits: VisitJson[] }>({ method: 'get', path: spreadsheetPath('/visits'), query: { dealId, limit: RECENT_VISITS } });
  if (!visits.ok) return failWith(visits.error);
  const feed = callService<{ entries: FeedEntryJson[] }>({ method: 'get', path: spreadsheetPath('/feed'), query: { deal: dealId, limit: FEED_ENTRIES } });
  if (!feed.ok) return failWith(feed.error);
  return ok(dealCardOf(deal.body, visits.body.visits, feed.body.entries, where));
}

/** The card of the deal on the active row. */
export function activeDealCard(): RpcResult<DealCard> {
  const active = activeDealRow();
  if (!active.ok) return active;
  const { dealId, sheet, row } = active.value;
  if (dealId === null) return fail('not_found', localize(DEAL_CARD_MESSAGES.notSynced));
  return loadDealCard(dealId, { sheet, row });
}

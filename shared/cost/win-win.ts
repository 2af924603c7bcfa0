import type { IsoDate } from '../calendar/iso-date.ts';
import { inWindow, lookBackWindow } from './month-window.ts';
import type { RequestPolicy } from './request-policy.ts';

/** Request states whose cost has been incurred: the company said yes. */
export const INCURRED_REQUEST_STATES: readonly string[] = Object.freeze(['approved']);
/** Request states awaiting a decision: their cost is exposure, not yet incurred. */
export const PENDING_REQUEST_STATES: readonly string[] = Object.freeze(['submitted', 'resubmitted']);
// Drafts were never filed; they are not the account's requests yet.
const UNFILED_STATES: readonly string[] = ['draft'];

export interface WinWinInput {
  readonly now: IsoDate;
  /** The account's requests: their cost and when filed, with their outcome. Only approved ones count as cost incurred; submitted/pending ones are shown separately as exposure. */
  readonly requests: readonly { readonly filedOn: IsoDate; readonly cost: number; readonly state: string }[];
  /** The account's won deals with the day they were won and the amount (and gross margin when known). */
  readonly wonDeals: readonly { readonly wonOn: IsoDate; readonly amount: number; readonly grossMargin: number | null }[];
}

export interface WinWinBalance {
  /** First day of the window, inclusive: the day after `now` minus `winWinMonths` months. */
  readonly from: IsoDate;
  /** Last day of the window, inclusive: `now`. */
  readonly to: IsoDate;
  /** Cost of the approved requests filed in the window. */
  readonly specialCost: number;
  /** Cost of the requests filed in the window that still await a decision. */
  readonly pendingCost: number;
  /** Amount of the deals won in the window. */
  readonly wonRevenue: number;
  /** specialCost / wonRevenue; null when nothing was won. */
  readonly ratio: number | null;
  /** specialCost above winWinShare of wonRevenue, or any special cost with nothing won. */
  readonly overShare: boolean;
  /** Requests filed in the window (drafts excluded), whatever their outcome. */
  readonly requestCount: number;
  readonly approvedCount: number;
  readonly pendingCount: number;
  readonly wonDealCount: number;
  /** Sum of the known gross margins of the deals won in the window; null when none is known. */
  readonly wonGrossMargin: number | null;
  /** (specialCost + pendingCost) / wonRevenue: the ratio if everything pending were approved. */
  readonly projectedRatio: number | null;
  /** Whether approving everything pending would put the account over the share. */
  readonly overShareIfApproved: boolean;
  /** The policy share the balance was judged against. */
  readonly share: number;
  /** The months the window looks back over. */
  readonly months: number;
}

const stateKey = (state: string): string => state.trim().toLowerCase();

/**
 * The account's win-win balance over `(now - winWinMonths months, now]`: what saying yes to its
 * special requests cost against what it brought in. Requests count by the day they were filed,
 * wins by the day they were won; anything dated after `now` is outside the window.
 */
export function winWinBalance(input: WinWinInput, policy: RequestPolicy): WinWinBalance {
  const window = lookBackWindow(input.now, policy.winWinMonths);
  let specialCost = 0;
  let pendingCost = 0;
  let requestCount = 0;
  let approvedCount = 0;
  let pendingCount = 0;
  for (const request of input.requests) {
    const state = stateKey(request.state);
    if (!inWindow(request.filedOn, window) || UNFILED_STATES.includes(state)) continue;
    requestCount += 1;
    if (INCURRED_REQUEST_STATES.includes(state)) {
      specialCost += request.cost;
      approvedCount += 1;
    } else if (PENDING_REQUEST_STATES.includes(state)) {
      pendingCost += request.cost;
      pendingCount += 1;
    }
  }

  const won = input.wonDeals.filter((deal) => inWindow(deal.wonOn, window));
  const wonRevenue = won.reduce((sum, deal) => sum + deal.amount, 0);
  const margins = won.flatMap((deal) => (deal.grossMargin === null ? [] : [deal.grossMargin]));
  const wonGrossMargin = margins.length === 0 ? null : margins.reduce((sum, m) => sum + m, 0);

  const share = policy.winWinShare;
  const ratioOf = (cost: number): number | null => (wonRevenue > 0 ? cost / wonRevenue : null);
  // Division, not cost > share × revenue: x / y rounds to the same double as the share's literal
  // when the true ratio equals it, so exactly 5% is never "over" by a rounding error.
  const over = (cost: number): boolean => (wonRevenue > 0 ? cost / wonRevenue > share : cost > 0);
  const projected = specialCost + pendingCost;

  return {
    from: window.from,
    to: window.to,
    specialCost,
    pendingCost,
    wonRevenue,
    ratio: ratioOf(specialCost),
    overShare: over(specialCost),
    requestCount,
    approvedCount,
    pendingCount,
    wonDealCount: won.length,
    wonGrossMargin,
    projectedRatio: ratioOf(projected),
    overShareIfApproved: over(projected),
    share,
    months: policy.winWinMonths,
  };
}

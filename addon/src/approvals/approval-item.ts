import { REQUEST_TYPES, type RequestType } from '../../../shared/records/request.ts';
import { flagViews } from '../deal-card/flag-tone.ts';
import type { RequestDetailJson } from '../requests/request-detail-json.ts';
import type { ApprovalItem, WinWinView } from '../rpc/sidebar-rpc.ts';

function typeOf(type: string | null): RequestType {
  return REQUEST_TYPES.find((t) => t === type) ?? 'other';
}

// The figures as they would stand if this request (and the others pending) were approved: that
// is the question in front of the approver.
function winWinOf(account: RequestDetailJson['account']): WinWinView | null {
  if (account === null) return null;
  const w = account.winWin;
  return {
    months: w.months,
    specialCost: w.specialCost + w.pendingCost,
    wonRevenue: w.wonRevenue,
    share: w.projectedRatio,
    threshold: w.share,
    over: w.overShareIfApproved,
  };
}

/** One entry of the approval queue from the approver's view of the request. */
export function approvalItemOf(detail: RequestDetailJson): ApprovalItem {
  const { request, cost } = detail;
  return {
    requestId: request.id,
    version: request.version,
    type: typeOf(request.type),
    typeLabel: request.typeLabel ?? request.type ?? '',
    state: request.state ?? 'submitted',
    account: request.account,
    dealTitle: request.dealTitle,
    requester: request.requester ?? request.requesterEmail,
    submittedAt: request.requestedOn,
    background: request.background,
    description: request.description,
    alternative: request.alternative,
    costLines: cost.lines.map((l) => ({ label: l.label, detail: l.detail, amount: l.amount })),
    total: cost.total ?? 0,
    step: request.awaitingRole,
    steps: request.route ?? detail.route.map((r) => r.role),
    winWin: winWinOf(detail.account),
    flags: flagViews(detail.flags),
  };
}

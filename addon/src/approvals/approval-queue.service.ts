import { failWith, ok } from '../bootstrap/rpc-results.ts';
import type { RequestDetailJson, RequestListJson } from '../requests/request-detail-json.ts';
import type { ApprovalItem, RpcResult } from '../rpc/sidebar-rpc.ts';
import { callService, spreadsheetPath } from '../service/service-client.ts';
import { approvalItemOf } from './approval-item.ts';

// Each item costs one more fetch; a queue longer than this is worked from the top.
const MAX_ITEMS = 20;

/** The requests awaiting the caller's decision, each with the approver's view behind it. */
export function approvalQueue(): RpcResult<readonly ApprovalItem[]> {
  const list = callService<RequestListJson>({ method: 'get', path: spreadsheetPath('/requests'), query: { awaitingMe: true, limit: MAX_ITEMS } });
  if (!list.ok) return failWith(list.error);
  const items: ApprovalItem[] = [];
  for (const summary of list.body.requests.slice(0, MAX_ITEMS)) {
    const detail = callService<RequestDetailJson>({ method: 'get', path: spreadsheetPath(`/requests/${encodeURIComponent(summary.id)}`) });
    // Decided or removed between the list and now: it no longer awaits anyone.
    if (!detail.ok && detail.error.code === 'not_found') continue;
    if (!detail.ok) return failWith(detail.error);
    items.push(approvalItemOf(detail.body));
  }
  return ok(items);
}

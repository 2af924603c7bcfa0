import { approvalSteps } from '../../../shared/cost/approval-routing.ts';
import { requestPolicyOf } from '../../../shared/cost/request-policy.ts';
import type { Role } from '../../../shared/access/role.ts';
import { localize } from '../bootstrap/localize.ts';
import { fail, failWith, ok, withServiceFields } from '../bootstrap/rpc-results.ts';
import { activeDealRow } from '../deal-card/active-deal-row.ts';
import { addonLocale } from '../i18n/addon-locale.ts';
import type { RequestFiled, RequestForm, RequestPrefill, RpcResult } from '../rpc/sidebar-rpc.ts';
import { callService, spreadsheetPath } from '../service/service-client.ts';
import { runSync } from '../sync/run-sync.ts';
import type { RequestDetailJson } from './request-detail-json.ts';
import { requestBody, requestFormProblems } from './request-form.ts';
import { REQUEST_MESSAGES } from './request-messages.ts';

/** The active row's deal; a cursor off the deals tab leaves it blank. */
export function requestPrefill(): RpcResult<RequestPrefill> {
  const active = activeDealRow();
  if (!active.ok) {
    if (active.error.code === 'no_deal_row' || active.error.code === 'not_set_up') return ok({ dealId: null, dealTitle: null, account: null });
    return active;
  }
  const { dealId, title, account } = active.value;
  return ok({ dealId, dealTitle: title, account });
}

// A draft has no route yet: the steps its cost would take under the policy in force now.
function draftSteps(total: number): readonly Role[] {
  const settings = callService<{ overrides: unknown }>({ method: 'get', path: spreadsheetPath('/request-settings') });
  return settings.ok ? approvalSteps(total, requestPolicyOf(settings.body.overrides).policy) : [];
}

/**
 * Files a special request (a draft, or submitted at once), then syncs so the requests tab gains
 * its row now rather than at the next sync. A sync that cannot run leaves that to the next one.
 */
export function fileRequest(form: RequestForm): RpcResult<RequestFiled> {
  const problems = requestFormProblems(form, addonLocale());
  if (Object.keys(problems).length > 0) {
    return fail('invalid', localize(REQUEST_MESSAGES.refused, { message: Object.values(problems).join(' ') }), problems);
  }
  const filed = callService<RequestDetailJson>({ method: 'post', path: spreadsheetPath('/requests'), body: requestBody(form) });
  if (!filed.ok) return failWith(withServiceFields(filed.error));
  const { request, cost } = filed.body;
  const total = cost.total ?? 0;
  const synced = runSync('sidebar');
  return ok({
    requestId: request.id,
    state: request.state ?? 'draft',
    total,
    steps: request.route ?? draftSteps(total),
    cellsWritten: synced.ok ? synced.value.cellsWritten : 0,
  });
}

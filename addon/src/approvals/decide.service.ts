import { addonLocale } from '../i18n/addon-locale.ts';
import { localize } from '../bootstrap/localize.ts';
import { fail, failWith, ok, withServiceFields } from '../bootstrap/rpc-results.ts';
import type { RequestDetailJson } from '../requests/request-detail-json.ts';
import type { DecisionDone, DecisionForm, RpcResult } from '../rpc/sidebar-rpc.ts';
import { callService, spreadsheetPath } from '../service/service-client.ts';
import { runSync } from '../sync/run-sync.ts';
import { APPROVAL_MESSAGES } from './approval-messages.ts';
import { decisionBody, decisionProblems } from './decision-form.ts';

/**
 * Approves, rejects or returns a request as the caller, against the version they saw; then syncs
 * so the requests tab's status and the deal's flags show the decision.
 */
export function decideRequest(form: DecisionForm): RpcResult<DecisionDone> {
  const problems = decisionProblems(form, addonLocale());
  if (Object.keys(problems).length > 0) return fail('invalid', Object.values(problems).join(' '), problems);
  const decided = callService<RequestDetailJson>({
    method: 'post',
    path: spreadsheetPath(`/requests/${encodeURIComponent(form.requestId)}/actions`),
    body: decisionBody(form),
  });
  if (!decided.ok) {
    if (decided.error.code === 'conflict') return fail('conflict', localize(APPROVAL_MESSAGES.conflict));
    return failWith(withServiceFields(decided.error));
  }
  const { request } = decided.body;
  // The decision stands in Postgres whatever the sync does; the next one shows it if this cannot.
  const synced = runSync('decision');
  return ok({ requestId: request.id, state: request.state ?? 'submitted', cellsWritten: synced.ok ? synced.value.cellsWritten : 0 });
}

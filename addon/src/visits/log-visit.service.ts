import type { WritePlanWire } from '../../../shared/write-plan/plan-wire.ts';
import { addonLocale } from '../i18n/addon-locale.ts';
import { localize } from '../bootstrap/localize.ts';
import { fail, failWith, ok, withServiceFields } from '../bootstrap/rpc-results.ts';
import { activeDealRow } from '../deal-card/active-deal-row.ts';
import { loadDealCard } from '../deal-card/deal-card.service.ts';
import type { DealJson } from '../deal-card/deal-card-view.ts';
import { todayInSpreadsheet } from '../platform/clock.ts';
import type { DealCard, RpcResult, VisitForm, VisitPrefill, VisitSaved } from '../rpc/sidebar-rpc.ts';
import { callService, spreadsheetPath } from '../service/service-client.ts';
import { applyUnderLock } from './apply-under-lock.ts';
import { visitBody, visitFormProblems } from './visit-form.ts';
import { VISIT_MESSAGES } from './visit-messages.ts';
import { expectedDealRow } from './plan-cells.ts';

/** `POST …/visits` as the service answers it (server/visits/visit.schemas.ts LoggedVisit). */
interface LoggedVisitJson {
  readonly visit: { readonly id: string };
  readonly deal: { readonly id: string; readonly sheetRow: number | null } | null;
  readonly plan: WritePlanWire;
}

/** Today and the active row's deal; a cursor off the deals tab leaves the deal blank. */
export function visitPrefill(): RpcResult<VisitPrefill> {
  const visitedOn = todayInSpreadsheet();
  const active = activeDealRow();
  if (!active.ok) {
    if (active.error.code === 'no_deal_row' || active.error.code === 'not_set_up') return ok({ visitedOn, dealId: null, dealTitle: null, account: null, ball: null });
    return active;
  }
  const { dealId, title, account } = active.value;
  let ball = active.value.ball;
  // Where the sheet has no ball column, the service derives it (quote sent, last visit).
  if (ball === null && dealId !== null) {
    const deal = callService<DealJson>({ method: 'get', path: spreadsheetPath(`/deals/${encodeURIComponent(dealId)}`) });
    if (deal.ok) ball = deal.body.ball;
  }
  return ok({ visitedOn, dealId, dealTitle: title, account, ball });
}

/**
 * Logs a visit through the service, applies the answer's plan (the visits tab's new row, the deal
 * row's flags, checked against the deal's id where the answer says it sits) and returns the deal's
 * fresh card, so the sidebar shows the visit's effect at once.
 */
export function logVisit(form: VisitForm): RpcResult<VisitSaved> {
  const problems = visitFormProblems(form, addonLocale());
  if (Object.keys(problems).length > 0) {
    return fail('invalid', localize(VISIT_MESSAGES.refused, { message: Object.values(problems).join(' ') }), problems);
  }
  const answer = callService<LoggedVisitJson>({ method: 'post', path: spreadsheetPath('/visits'), body: visitBody(form) });
  if (!answer.ok) return failWith(withServiceFields(answer.error));
  const { visit, deal, plan } = answer.body;
  const applied = applyUnderLock(plan, deal === null ? new Map() : expectedDealRow(plan, deal.id, deal.sheetRow));
  let card: DealCard | null = null;
  if (deal !== null) {
    // The row as of the last sync, unless the user's cursor shows the deal elsewhere now (a sort).
    const active = activeDealRow();
    const where = active.ok && active.value.dealId === deal.id ? active.value : { sheet: plan.tabs.find((t) => t.kind === 'deals')?.sheet ?? '', row: deal.sheetRow ?? 0 };
    const shown = loadDealCard(deal.id, { sheet: where.sheet, row: where.row });
    // The visit is saved whatever happens next; a card that cannot be read is only not shown.
    if (shown.ok) card = shown.value;
  }
  return ok({ visitId: visit.id, card, cellsWritten: applied.cellsWritten, deferred: applied.deferred });
}

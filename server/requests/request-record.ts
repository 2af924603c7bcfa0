import { estimateCost, type CostInput, type CostLine } from '../../shared/cost/cost-estimate.ts';
import { parseCostInput } from '../../shared/cost/parse-cost-input.ts';
import type { RequestPolicy } from '../../shared/cost/request-policy.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { FINAL_STATES, type RequestState } from '../../shared/requests/request-state.ts';
import { stateFromSheetStatus } from '../../shared/requests/sheet-status.ts';
import type { WorkflowRequest } from '../../shared/requests/request-workflow.ts';
import type { RequestRow } from './request.repository.ts';

const yen = (v: string | null): number | null => (v === null ? null : Number(v));

/** The request's cost: the API's estimate, else what the sheet says. */
export function costOf(row: RequestRow): number | null {
  return yen(row.cost_total) ?? yen(row.estimated_cost);
}

/** The workflow's state, else what the sheet's status column means for a row never filed. */
export function effectiveState(row: RequestRow): RequestState | null {
  return row.state ?? stateFromSheetStatus(row.status);
}

export function workflowOf(row: RequestRow, approvedBy: readonly string[]): WorkflowRequest {
  // A sheet row the team already decided in the sheet is not filed again; any other unfiled row
  // may be filed (submitted) through the API.
  const sheetState = row.state === null ? stateFromSheetStatus(row.status) : null;
  return {
    state: row.state ?? (sheetState !== null && FINAL_STATES.includes(sheetState) ? sheetState : null),
    requesterEmail: row.requester_email,
    background: row.background,
    costTotal: costOf(row),
    route: row.route,
    step: row.step,
    approvedBy,
    version: row.version,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    decisionComment: row.decision_comment,
  };
}

/** What an event keeps of the cost: the total, the input and the rates it was priced at. */
export interface CostSnapshot {
  readonly total: number | null;
  readonly input: CostInput | null;
  readonly hourlyRates: Readonly<Record<string, number>> | null;
}

export function costSnapshotOf(row: RequestRow, policy: RequestPolicy): CostSnapshot {
  const input = storedCostInput(row.cost_input);
  return { total: costOf(row), input, hourlyRates: input === null ? null : policy.hourlyRates };
}

export function storedCostInput(value: unknown): CostInput | null {
  if (value === null || value === undefined) return null;
  const parsed = parseCostInput(value);
  return parsed.ok ? parsed.input : null;
}

function isSnapshot(value: unknown): value is CostSnapshot {
  return typeof value === 'object' && value !== null && 'total' in value;
}

/**
 * The cost lines of a request, priced at the rates of its latest snapshot (rates changed since do
 * not reprice a request already filed) and labelled in `locale`. Empty for a sheet row's lump sum.
 */
export function costLinesOf(row: RequestRow, latestSnapshot: unknown, policy: RequestPolicy, locale: Locale): CostLine[] {
  const input = storedCostInput(row.cost_input);
  if (input === null) return [];
  const rates = isSnapshot(latestSnapshot) && latestSnapshot.hourlyRates !== null ? latestSnapshot.hourlyRates : policy.hourlyRates;
  const estimate = estimateCost(input, { ...policy, hourlyRates: rates }, locale);
  return estimate.ok ? [...estimate.lines] : [];
}

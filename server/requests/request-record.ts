import { estimateCost, type CostInput, type CostLine } from '../../shared/cost/cost-estimate.ts';
import { parseCostInput } from '../../shared/cost/parse-cost-input.ts';
import type { RequestPolicy } from '../../shared/cost/request-policy.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { RequestState } from '../../shared/requests/request-state.ts';
import type { WorkflowRequest } from '../../shared/requests/request-workflow.ts';
import type { RequestRow } from './request.repository.ts';

const yen = (v: string | null): number | null => (v === null ? null : Number(v));

// States from which the request may still be (re)submitted: its cost is not settled yet.
const OPEN_STATES: readonly (RequestState | null)[] = [null, 'draft', 'returned', 'recalled'];

/**
 * The request's cost. While it may still be (re)submitted it follows its source: the sheet's
 * current estimate for a sheet row, the latest cost input for an API request. Once submitted or
 * decided it is the total frozen at submission, whatever the sheet says since.
 */
export function costOf(row: RequestRow): number | null {
  if (OPEN_STATES.includes(row.state) && row.origin === 'sheet') return yen(row.estimated_cost);
  return yen(row.cost_total) ?? yen(row.estimated_cost);
}

export function workflowOf(row: RequestRow, approvedBy: readonly string[]): WorkflowRequest {
  // Only the workflow decides: a status typed into the sheet is not a state, so such a row may
  // still be filed (submitted) through the API.
  return {
    state: row.state,
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

/**
 * What a request event keeps of the request's content: what the requester put forward and the
 * decider judged. The cost's total and rates are in the cost snapshot beside it.
 */
export interface ContentSnapshot {
  readonly type: string | null;
  readonly typeLabel: string | null;
  readonly account: string | null;
  readonly dealTitle: string | null;
  readonly background: string | null;
  readonly description: string | null;
  readonly alternative: string | null;
  /** Null for a sheet row's lump-sum estimate. */
  readonly costInput: CostInput | null;
}

export function contentSnapshotOf(row: RequestRow): ContentSnapshot {
  return {
    type: row.type,
    typeLabel: row.type_label,
    account: row.account,
    dealTitle: row.deal_title,
    background: row.background,
    description: row.description,
    alternative: row.alternative,
    costInput: storedCostInput(row.cost_input),
  };
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** An event's stored content snapshot, or null when it has none (or not one this code wrote). */
export function storedContentSnapshot(value: unknown): ContentSnapshot | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  return {
    type: textOrNull(v.type),
    typeLabel: textOrNull(v.typeLabel),
    account: textOrNull(v.account),
    dealTitle: textOrNull(v.dealTitle),
    background: textOrNull(v.background),
    description: textOrNull(v.description),
    alternative: textOrNull(v.alternative),
    costInput: storedCostInput(v.costInput),
  };
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

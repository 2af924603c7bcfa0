import type { Role } from '../../shared/access/role.ts';
import type { CostInput, CostLine } from '../../shared/cost/cost-estimate.ts';
import type { RequestPolicy } from '../../shared/cost/request-policy.ts';
import type { RequestFlag } from '../../shared/cost/request-flags.ts';
import type { WinWinBalance } from '../../shared/cost/win-win.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { REQUEST_TYPES, type RequestType } from '../../shared/records/request.ts';
import { REQUEST_STATE_LABELS, type RequestAction, type RequestState } from '../../shared/requests/request-state.ts';
import { awaitedRole } from '../../shared/requests/request-workflow.ts';
import type { WonDeal } from './account-history.repository.ts';
import type { RequestEventRow } from './request-event.repository.ts';
import { costOf, storedContentSnapshot, storedCostInput, type ContentSnapshot } from './request-record.ts';
import type { RequestRow } from './request.repository.ts';
import type { RequestDeal } from './request-subject.repository.ts';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

const knownType = (type: string | null): RequestType | null =>
  type !== null && (REQUEST_TYPES as readonly string[]).includes(type) ? (type as RequestType) : null;

export interface RequestSummaryJson {
  readonly id: string;
  readonly origin: 'sheet' | 'api';
  readonly requestedOn: string | null;
  readonly type: string | null;
  readonly typeLabel: string | null;
  readonly account: string | null;
  readonly dealId: string | null;
  readonly dealTitle: string | null;
  readonly requester: string | null;
  readonly requesterEmail: string | null;
  readonly costTotal: number | null;
  /** The workflow state; null for a sheet row nobody filed through the API. */
  readonly state: RequestState | null;
  /** The workflow state's label; null for a row never filed. */
  readonly stateLabel: string | null;
  /** A row never filed: its sheet status as typed, unverified (never counted as a decision). */
  readonly sheetStatus: string | null;
  readonly route: readonly Role[] | null;
  readonly step: number | null;
  readonly awaitingRole: Role | null;
  readonly version: number;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly decisionComment: string | null;
  readonly removed: boolean;
}

/** One request as lists show it, labels in `locale`. */
export function requestSummary(row: RequestRow, policy: RequestPolicy, locale: Locale): RequestSummaryJson {
  const type = knownType(row.type);
  return {
    id: row.id,
    origin: row.origin,
    requestedOn: row.requested_on,
    type: row.type,
    typeLabel: type === null ? row.type_label : policy.typeLabels[type][locale],
    account: row.account,
    dealId: row.deal_id,
    dealTitle: row.deal_title,
    requester: row.requester,
    requesterEmail: row.requester_email,
    costTotal: costOf(row),
    state: row.state,
    stateLabel: row.state === null ? null : REQUEST_STATE_LABELS[row.state][locale],
    sheetStatus: row.state === null ? row.status : null,
    route: row.route,
    step: row.step,
    awaitingRole: awaitedRole(row),
    version: row.version,
    decidedAt: iso(row.decided_at),
    decidedBy: row.decided_by,
    decisionComment: row.decision_comment,
    removed: row.removed_at !== null,
  };
}

export interface RouteStepJson {
  readonly role: Role;
  readonly status: 'approved' | 'awaiting' | 'waiting' | 'rejected' | 'returned';
  readonly by: string | null;
  readonly at: string | null;
  readonly comment: string | null;
}

/** Each step of the route and where it stands in the current round (since the last submission). */
export function routeSteps(row: RequestRow, events: readonly RequestEventRow[]): RouteStepJson[] {
  if (row.route === null) return [];
  let start = 0;
  events.forEach((e, i) => {
    if (e.action === 'submit' || e.action === 'resubmit') start = i + 1;
  });
  const round = events.slice(start);
  return row.route.map((role, step) => {
    const decided = [...round].reverse().find((e) => e.step === step && (e.action === 'approve' || e.action === 'reject' || e.action === 'return'));
    if (decided !== undefined) {
      const status = decided.action === 'approve' ? 'approved' : decided.action === 'reject' ? 'rejected' : 'returned';
      return { role, status, by: decided.actor, at: decided.at.toISOString(), comment: decided.comment };
    }
    const status = row.state === 'submitted' && row.step === step ? 'awaiting' : 'waiting';
    return { role, status, by: null, at: null, comment: null };
  });
}

export interface RequestEventJson {
  readonly seq: number;
  readonly action: string;
  readonly actor: string;
  readonly at: string;
  readonly fromState: RequestState | null;
  readonly toState: RequestState;
  readonly step: number | null;
  readonly role: Role | null;
  readonly comment: string | null;
  readonly costTotal: number | null;
  /** What was put forward or judged, as it stood then (submit, resubmit, approve, reject, return). */
  readonly content: ContentSnapshot | null;
}

export function eventJson(e: RequestEventRow, route: readonly Role[] | null): RequestEventJson {
  const snapshot = e.cost_snapshot as { total?: unknown } | null;
  return {
    seq: e.seq,
    action: e.action,
    actor: e.actor,
    at: e.at.toISOString(),
    fromState: e.from_state,
    toState: e.to_state,
    step: e.step,
    // The route at the time of a decision is the one stored: routes change only at submission.
    role: e.step === null ? null : (route?.[e.step] ?? null),
    comment: e.comment,
    costTotal: typeof snapshot?.total === 'number' ? snapshot.total : null,
    content: storedContentSnapshot(e.content_snapshot),
  };
}

export interface RequestDealJson {
  readonly id: string;
  readonly title: string | null;
  readonly account: string | null;
  readonly stage: string | null;
  readonly stageLabel: string | null;
  readonly owner: string | null;
  readonly amount: number | null;
  readonly grossMargin: number | null;
  readonly removed: boolean;
}

export interface AccountYearJson {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly requests: readonly {
    readonly id: string;
    readonly requestedOn: string | null;
    readonly type: string | null;
    readonly typeLabel: string | null;
    readonly dealTitle: string | null;
    readonly costTotal: number | null;
    readonly state: RequestState | null;
    readonly stateLabel: string | null;
    readonly sheetStatus: string | null;
    readonly decidedAt: string | null;
    readonly decidedBy: string | null;
    readonly decisionComment: string | null;
  }[];
  readonly wonDeals: readonly { readonly id: string; readonly title: string | null; readonly wonOn: string | null; readonly amount: number | null; readonly grossMargin: number | null }[];
  readonly winWin: WinWinBalance;
}

export function accountYear(
  name: string,
  requests: readonly RequestRow[],
  won: readonly WonDeal[],
  winWin: WinWinBalance,
  policy: RequestPolicy,
  locale: Locale,
): AccountYearJson {
  return {
    name,
    from: winWin.from,
    to: winWin.to,
    requests: requests.map((r) => {
      const s = requestSummary(r, policy, locale);
      return {
        id: s.id,
        requestedOn: s.requestedOn,
        type: s.type,
        typeLabel: s.typeLabel,
        dealTitle: s.dealTitle,
        costTotal: s.costTotal,
        state: s.state,
        stateLabel: s.stateLabel,
        sheetStatus: s.sheetStatus,
        decidedAt: s.decidedAt,
        decidedBy: s.decidedBy,
        decisionComment: s.decisionComment,
      };
    }),
    wonDeals: won.filter((d) => d.wonOn !== null && d.wonOn >= winWin.from && d.wonOn <= winWin.to),
    winWin,
  };
}

/** The approver's view of one request: everything needed to decide it on one screen. */
export interface RequestDetailJson {
  readonly request: RequestSummaryJson & { readonly background: string | null; readonly description: string | null; readonly alternative: string | null };
  readonly cost: { readonly total: number | null; readonly lines: readonly CostLine[]; readonly input: CostInput | null };
  readonly route: readonly RouteStepJson[];
  readonly deal: RequestDealJson | null;
  readonly account: AccountYearJson | null;
  readonly flags: readonly { readonly code: string; readonly label: string; readonly reason: string }[];
  readonly allowedActions: readonly RequestAction[];
}

export function requestDetail(input: {
  row: RequestRow;
  events: readonly RequestEventRow[];
  lines: readonly CostLine[];
  deal: RequestDeal | null;
  account: AccountYearJson | null;
  flags: readonly RequestFlag[];
  allowedActions: readonly RequestAction[];
  policy: RequestPolicy;
  locale: Locale;
}): RequestDetailJson {
  const { row, deal, locale } = input;
  return {
    request: { ...requestSummary(row, input.policy, locale), background: row.background, description: row.description, alternative: row.alternative },
    cost: { total: costOf(row), lines: input.lines, input: storedCostInput(row.cost_input) },
    route: routeSteps(row, input.events),
    deal: deal === null ? null : { ...deal },
    account: input.account,
    flags: input.flags.map((f) => ({ code: f.code, label: f.label[locale], reason: f.reason[locale] })),
    allowedActions: input.allowedActions,
  };
}

import type { Role } from '../access/role.ts';
import { approvalSteps } from '../cost/approval-routing.ts';
import { backgroundChars } from '../cost/request-flags.ts';
import type { RequestPolicy } from '../cost/request-policy.ts';
import { ROLE_LABELS } from '../cost/role-labels.ts';
import type { Message } from '../i18n/locale.ts';
import { refusalMessage, type RefusalCode } from './request-refusals.ts';
import { REQUEST_ACTION_LABELS, REQUEST_ACTIONS, REQUEST_STATE_LABELS, type RequestAction, type RequestState } from './request-state.ts';

/** What the workflow needs to know of a request. */
export interface WorkflowRequest {
  /** Null: a row of the requests tab nobody has filed through the API yet. */
  readonly state: RequestState | null;
  /** Null until someone files the request; the first to submit a sheet row becomes its requester. */
  readonly requesterEmail: string | null;
  readonly background: string | null;
  /** Integer yen; null when nothing was estimated. */
  readonly costTotal: number | null;
  /** The roles deciding the request, in order, fixed at (re)submission. */
  readonly route: readonly Role[] | null;
  /** Index into `route` of the step awaiting a decision. */
  readonly step: number | null;
  /** Who approved the earlier steps of the current round, in step order. */
  readonly approvedBy: readonly string[];
  readonly version: number;
  readonly decidedAt: Date | null;
  readonly decidedBy: string | null;
  readonly decisionComment: string | null;
}

export interface WorkflowActor {
  /** Lower-cased email, as the identity and `requesterEmail` are stored. */
  readonly email: string;
  readonly roles: readonly Role[];
}

export interface ActionInput {
  readonly action: RequestAction;
  readonly comment?: string | null;
}

/** One append-only entry of the audit trail. */
export interface WorkflowEvent {
  readonly action: RequestAction;
  readonly actor: string;
  readonly at: Date;
  readonly fromState: RequestState | null;
  readonly toState: RequestState;
  /** The step decided (approve, reject, return); null for the requester's actions. */
  readonly step: number | null;
  readonly comment: string | null;
  readonly costTotal: number | null;
}

export type TransitionResult =
  | { readonly ok: true; readonly next: WorkflowRequest; readonly event: WorkflowEvent }
  | { readonly ok: false; readonly code: RefusalCode; readonly message: Message };

type Refusal = Extract<TransitionResult, { ok: false }>;

// Which states each action starts from. Recall is the requester's, before a final decision;
// a recalled request is pulled back, not destroyed: it can be revised and resubmitted.
const FROM: Readonly<Record<RequestAction, readonly (RequestState | null)[]>> = {
  submit: ['draft', null],
  resubmit: ['returned', 'recalled'],
  approve: ['submitted'],
  reject: ['submitted'],
  return: ['submitted'],
  recall: ['draft', 'submitted', 'returned'],
  revise: ['draft', 'returned', 'recalled'],
};

const REQUESTER_ACTIONS: ReadonlySet<RequestAction> = new Set(['submit', 'resubmit', 'recall', 'revise']);
const COMMENT_REQUIRED: ReadonlySet<RequestAction> = new Set(['reject', 'return']);

const NOT_FILED: Message = { ja: '未申請', en: 'Not filed' };

function refuse(code: RefusalCode, params: Record<string, string | number> = {}): Refusal {
  return { ok: false, code, message: refusalMessage(code, params) };
}

function commentOf(input: ActionInput): string | null {
  const text = input.comment?.trim() ?? '';
  return text === '' ? null : text;
}

/**
 * Whether the background is there and thick enough to judge the request on (seed 000: "the
 * background must be confirmed before a request is judged"). Counted in characters after NFKC and
 * whitespace folding; blank markers (未定, なし, TBD…) count as missing.
 */
export function backgroundProblem(
  background: string | null,
  policy: Pick<RequestPolicy, 'minBackgroundChars'>,
): { readonly code: 'background_missing' | 'background_too_thin'; readonly chars: number } | null {
  // Counted as the background_thin flag counts, so a request the sidebar flags is the one refused.
  const chars = backgroundChars(background);
  if (chars === 0) return { code: 'background_missing', chars };
  return chars < policy.minBackgroundChars ? { code: 'background_too_thin', chars } : null;
}

/**
 * Applies one action by one person to a request, or says why not. Pure: the caller locks the
 * request, checks its version, stores `next` and appends `event` in one transaction.
 *
 * Rules: the requester submits, resubmits, revises and recalls (recall only before a final
 * decision); each approval step is decided by someone holding that step's role explicitly (admin
 * does not stand in: deciding money is not administration); nobody decides their own request, not
 * even an admin; one person approves at most one step of a round; reject and return need a
 * comment; a missing or thin background blocks (re)submission; the route is fixed at
 * (re)submission from the cost then, so a returned request resubmitted with a changed cost gets a
 * new route.
 */
export function transition(
  request: WorkflowRequest,
  input: ActionInput,
  actor: WorkflowActor,
  now: Date,
  policy: RequestPolicy,
): TransitionResult {
  const { action } = input;
  if (!FROM[action].includes(request.state)) {
    const state = request.state === null ? NOT_FILED : REQUEST_STATE_LABELS[request.state];
    const label = REQUEST_ACTION_LABELS[action];
    return refuse('not_in_state', { state: state.ja, stateEn: state.en, action: label.ja, actionEn: label.en.toLowerCase() });
  }
  const comment = commentOf(input);
  const isRequester = request.requesterEmail === actor.email;

  if (REQUESTER_ACTIONS.has(action)) {
    // A sheet row nobody filed yet is filed by whoever submits it first.
    if (!isRequester && !(action === 'submit' && request.requesterEmail === null)) {
      return refuse('not_requester', { requester: request.requesterEmail ?? '', action: REQUEST_ACTION_LABELS[action].ja });
    }
  } else if (isRequester) {
    return refuse('own_request');
  }

  const event = (toState: RequestState, step: number | null): WorkflowEvent => ({
    action,
    actor: actor.email,
    at: now,
    fromState: request.state,
    toState,
    step,
    comment,
    costTotal: request.costTotal,
  });

  switch (action) {
    case 'submit':
    case 'resubmit': {
      const thin = backgroundProblem(request.background, policy);
      if (thin !== null) return refuse(thin.code, { chars: thin.chars, min: policy.minBackgroundChars });
      if (request.costTotal === null) return refuse('cost_unknown');
      const next: WorkflowRequest = {
        ...request,
        state: 'submitted',
        requesterEmail: request.requesterEmail ?? actor.email,
        route: approvalSteps(request.costTotal, policy),
        step: 0,
        approvedBy: [],
        version: request.version + 1,
        decidedAt: null,
        decidedBy: null,
        decisionComment: null,
      };
      return { ok: true, next, event: event('submitted', null) };
    }
    case 'recall':
    case 'revise': {
      const toState: RequestState = action === 'recall' ? 'recalled' : (request.state ?? 'draft');
      return { ok: true, next: { ...request, state: toState, version: request.version + 1 }, event: event(toState, null) };
    }
    case 'approve':
    case 'reject':
    case 'return': {
      const step = request.step ?? 0;
      const role = request.route?.[step];
      if (role === undefined) {
        const state = REQUEST_STATE_LABELS.submitted;
        return refuse('not_in_state', { state: state.ja, stateEn: state.en, action: REQUEST_ACTION_LABELS[action].ja, actionEn: action });
      }
      if (!actor.roles.includes(role)) return refuse('missing_role', { role: ROLE_LABELS[role].ja, roleEn: role });
      if (action === 'approve' && request.approvedBy.includes(actor.email)) return refuse('same_approver');
      if (COMMENT_REQUIRED.has(action) && comment === null) {
        const label = REQUEST_ACTION_LABELS[action];
        return refuse('comment_required', { action: label.ja, actionEn: label.en.toLowerCase() });
      }
      const last = step === (request.route?.length ?? 0) - 1;
      if (action === 'approve' && !last) {
        const next = { ...request, step: step + 1, approvedBy: [...request.approvedBy, actor.email], version: request.version + 1 };
        return { ok: true, next, event: event('submitted', step) };
      }
      const toState: RequestState = action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : 'returned';
      const next: WorkflowRequest = {
        ...request,
        state: toState,
        approvedBy: action === 'approve' ? [...request.approvedBy, actor.email] : request.approvedBy,
        version: request.version + 1,
        decidedAt: now,
        decidedBy: actor.email,
        decisionComment: comment,
      };
      return { ok: true, next, event: event(toState, step) };
    }
  }
}

/** The actions `actor` may take on the request now (what the sidebar offers as buttons). */
export function allowedActions(request: WorkflowRequest, actor: WorkflowActor, policy: RequestPolicy): RequestAction[] {
  // A placeholder comment: whether a comment will be needed is not whether the action is allowed.
  return REQUEST_ACTIONS.filter((action) => transition(request, { action, comment: '-' }, actor, new Date(0), policy).ok);
}

/** The role deciding the request now, or null when no decision is awaited. */
export function awaitedRole(request: Pick<WorkflowRequest, 'state' | 'route' | 'step'>): Role | null {
  if (request.state !== 'submitted' || request.route === null || request.step === null) return null;
  return request.route[request.step] ?? null;
}

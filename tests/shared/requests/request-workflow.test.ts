import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/access/role.ts';
import { DEFAULT_REQUEST_POLICY, requestPolicyOf } from '../../../shared/cost/request-policy.ts';
import type { RefusalCode } from '../../../shared/requests/request-refusals.ts';
import type { RequestAction, RequestState } from '../../../shared/requests/request-state.ts';
import {
  allowedActions,
  awaitedRole,
  backgroundProblem,
  transition,
  type WorkflowActor,
  type WorkflowRequest,
} from '../../../shared/requests/request-workflow.ts';

const NOW = new Date('2026-11-20T01:02:03Z');
const POLICY = DEFAULT_REQUEST_POLICY;
const BACKGROUND = '先方の物流拠点移転で、来月から納品先が変わるため契約の納品条件を見直したいとのこと';

const REP: WorkflowActor = { email: 'rep@example.co.jp', roles: ['member'] };
const APPROVER: WorkflowActor = { email: 'approver@example.co.jp', roles: ['approver'] };
const APPROVER_2: WorkflowActor = { email: 'approver2@example.co.jp', roles: ['approver'] };
const MANAGER: WorkflowActor = { email: 'manager@example.co.jp', roles: ['manager'] };
const DIRECTOR: WorkflowActor = { email: 'director@example.co.jp', roles: ['director'] };
const ADMIN: WorkflowActor = { email: 'admin@example.co.jp', roles: ['admin'] };
const OTHER_MEMBER: WorkflowActor = { email: 'other@example.co.jp', roles: ['member'] };

function request(overrides: Partial<WorkflowRequest> = {}): WorkflowRequest {
  return {
    state: 'draft',
    requesterEmail: REP.email,
    background: BACKGROUND,
    costTotal: 50_000,
    route: null,
    step: null,
    approvedBy: [],
    version: 3,
    decidedAt: null,
    decidedBy: null,
    decisionComment: null,
    ...overrides,
  };
}

/** A submitted request at `step` of `route`. */
function pending(route: Role[], step = 0, approvedBy: string[] = []): WorkflowRequest {
  return request({ state: 'submitted', route, step, approvedBy, costTotal: route.length === 1 ? 50_000 : route.length === 2 ? 200_000 : 2_000_000 });
}

function ok(result: ReturnType<typeof transition>) {
  if (!result.ok) throw new Error(`refused: ${result.code} ${result.message.en}`);
  return result;
}

describe('transition', () => {
  const allowed: [string, WorkflowRequest, RequestAction, WorkflowActor, string | null, RequestState, number | null][] = [
    ['submit a draft', request(), 'submit', REP, null, 'submitted', 0],
    ['submit a sheet row nobody filed', request({ state: null, requesterEmail: null }), 'submit', OTHER_MEMBER, null, 'submitted', 0],
    ['resubmit a returned request', request({ state: 'returned', route: ['approver'], step: 0 }), 'resubmit', REP, '背景を追記しました', 'submitted', 0],
    ['resubmit a recalled request', request({ state: 'recalled' }), 'resubmit', REP, null, 'submitted', 0],
    ['approve the only step', pending(['approver']), 'approve', APPROVER, null, 'approved', 0],
    ['approve the first of two steps', pending(['approver', 'manager']), 'approve', APPROVER, null, 'submitted', 0],
    ['approve the last of two steps', pending(['approver', 'manager'], 1, [APPROVER.email]), 'approve', MANAGER, 'OK', 'approved', 1],
    ['approve the director step', pending(['approver', 'manager', 'director'], 2, [APPROVER.email, MANAGER.email]), 'approve', DIRECTOR, null, 'approved', 2],
    ['reject', pending(['approver']), 'reject', APPROVER, '代替案で足りる', 'rejected', 0],
    ['reject at the manager step', pending(['approver', 'manager'], 1, [APPROVER.email]), 'reject', MANAGER, '粗利を超える', 'rejected', 1],
    ['return', pending(['approver']), 'return', APPROVER, '背景を確認してください', 'returned', 0],
    ['return at the director step', pending(['approver', 'manager', 'director'], 2, [APPROVER.email, MANAGER.email]), 'return', DIRECTOR, '再見積を', 'returned', 2],
    ['recall a submitted request', pending(['approver']), 'recall', REP, null, 'recalled', null],
    ['recall half-way through the route', pending(['approver', 'manager'], 1, [APPROVER.email]), 'recall', REP, null, 'recalled', null],
    ['recall a draft', request(), 'recall', REP, null, 'recalled', null],
    ['recall a returned request', request({ state: 'returned' }), 'recall', REP, null, 'recalled', null],
    ['revise a draft', request(), 'revise', REP, null, 'draft', null],
    ['revise a returned request', request({ state: 'returned' }), 'revise', REP, null, 'returned', null],
    ['revise a recalled request', request({ state: 'recalled' }), 'revise', REP, null, 'recalled', null],
  ];

  it.each(allowed)('allows: %s', (_name, from, action, actor, comment, toState, eventStep) => {
    const result = ok(transition(from, { action, comment }, actor, NOW, POLICY));
    expect(result.next.state).toBe(toState);
    expect(result.next.version).toBe(from.version + 1);
    expect(result.event).toEqual({
      action,
      actor: actor.email,
      at: NOW,
      fromState: from.state,
      toState,
      step: ['approve', 'reject', 'return'].includes(action) ? eventStep : null,
      comment,
      costTotal: from.costTotal,
    });
  });

  const refused: [string, WorkflowRequest, RequestAction, WorkflowActor, string | null, RefusalCode][] = [
    ['submit twice', pending(['approver']), 'submit', REP, null, 'not_in_state'],
    ['submit a returned request (it is resubmitted)', request({ state: 'returned' }), 'submit', REP, null, 'not_in_state'],
    ['resubmit a draft', request(), 'resubmit', REP, null, 'not_in_state'],
    ['approve a draft', request(), 'approve', APPROVER, null, 'not_in_state'],
    ['approve an approved request', request({ state: 'approved', route: ['approver'], step: 0 }), 'approve', APPROVER_2, null, 'not_in_state'],
    ['reject a rejected request', request({ state: 'rejected', route: ['approver'], step: 0 }), 'reject', APPROVER, 'x', 'not_in_state'],
    ['return a returned request', request({ state: 'returned', route: ['approver'], step: 0 }), 'return', APPROVER, 'x', 'not_in_state'],
    ['recall an approved request', request({ state: 'approved' }), 'recall', REP, null, 'not_in_state'],
    ['recall a rejected request', request({ state: 'rejected' }), 'recall', REP, null, 'not_in_state'],
    ['recall twice', request({ state: 'recalled' }), 'recall', REP, null, 'not_in_state'],
    ['revise a submitted request', pending(['approver']), 'revise', REP, null, 'not_in_state'],
    ['revise an approved request', request({ state: 'approved' }), 'revise', REP, null, 'not_in_state'],
    ['revise a sheet row through the API', request({ state: null, requesterEmail: null }), 'revise', REP, null, 'not_in_state'],
    ['decide a sheet row nobody filed', request({ state: null, requesterEmail: null }), 'approve', APPROVER, null, 'not_in_state'],
    ['submit someone else\'s draft', request(), 'submit', OTHER_MEMBER, null, 'not_requester'],
    ['recall someone else\'s request', pending(['approver']), 'recall', APPROVER, null, 'not_requester'],
    ['resubmit someone else\'s request', request({ state: 'returned' }), 'resubmit', MANAGER, null, 'not_requester'],
    ['revise someone else\'s draft', request(), 'revise', ADMIN, null, 'not_requester'],
    ['approve one\'s own request', pending(['approver']), 'approve', { email: REP.email, roles: ['approver'] }, null, 'own_request'],
    ['approve one\'s own request as admin', pending(['approver']), 'approve', { email: REP.email, roles: ['admin', 'approver'] }, null, 'own_request'],
    ['reject one\'s own request', pending(['approver']), 'reject', { email: REP.email, roles: ['approver'] }, 'x', 'own_request'],
    ['return one\'s own request', pending(['approver']), 'return', { email: REP.email, roles: ['approver'] }, 'x', 'own_request'],
    ['approve as a member', pending(['approver']), 'approve', OTHER_MEMBER, null, 'missing_role'],
    ['approve as a manager at the approver step', pending(['approver', 'manager']), 'approve', MANAGER, null, 'missing_role'],
    ['approve as an approver at the manager step', pending(['approver', 'manager'], 1, [APPROVER.email]), 'approve', APPROVER_2, null, 'missing_role'],
    ['approve as a manager at the director step', pending(['approver', 'manager', 'director'], 2, [APPROVER.email, MANAGER.email]), 'approve', { email: 'm2@example.co.jp', roles: ['manager'] }, null, 'missing_role'],
    ['approve as a director out of turn', pending(['approver', 'manager', 'director']), 'approve', DIRECTOR, null, 'missing_role'],
    ['approve as an admin (admin does not stand in)', pending(['approver']), 'approve', ADMIN, null, 'missing_role'],
    ['approve as an admin at the director step', pending(['approver', 'manager', 'director'], 2, [APPROVER.email, MANAGER.email]), 'approve', ADMIN, null, 'missing_role'],
    ['reject as a member', pending(['approver']), 'reject', OTHER_MEMBER, 'x', 'missing_role'],
    ['approve two steps of one round', pending(['approver', 'manager'], 1, ['both@example.co.jp']), 'approve', { email: 'both@example.co.jp', roles: ['approver', 'manager'] }, null, 'same_approver'],
    ['reject without a comment', pending(['approver']), 'reject', APPROVER, null, 'comment_required'],
    ['reject with a blank comment', pending(['approver']), 'reject', APPROVER, '   ', 'comment_required'],
    ['return without a comment', pending(['approver']), 'return', APPROVER, null, 'comment_required'],
    ['return with a blank comment', pending(['approver']), 'return', APPROVER, ' \n', 'comment_required'],
    ['submit without a background', request({ background: null }), 'submit', REP, null, 'background_missing'],
    ['submit with a blank-marker background', request({ background: '未定' }), 'submit', REP, null, 'background_missing'],
    ['submit with a thin background', request({ background: 'お客様の要望' }), 'submit', REP, null, 'background_too_thin'],
    ['resubmit with a thin background', request({ state: 'returned', background: '要望のため' }), 'resubmit', REP, null, 'background_too_thin'],
    ['submit without a cost', request({ costTotal: null }), 'submit', REP, null, 'cost_unknown'],
  ];

  it.each(refused)('refuses: %s', (_name, from, action, actor, comment, code) => {
    const result = transition(from, { action, comment }, actor, NOW, POLICY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message.ja).not.toBe('');
    expect(result.message.en).not.toMatch(/\{\w+\}/);
    expect(result.message.ja).not.toMatch(/\{\w+\}/);
  });

  it('makes the first submitter of a sheet row its requester', () => {
    const result = ok(transition(request({ state: null, requesterEmail: null }), { action: 'submit' }, OTHER_MEMBER, NOW, POLICY));
    expect(result.next.requesterEmail).toBe(OTHER_MEMBER.email);
    // And from then on the row is theirs: someone else may not decide on their behalf.
    expect(transition(result.next, { action: 'approve' }, { email: OTHER_MEMBER.email, roles: ['approver'] }, NOW, POLICY)).toMatchObject({ ok: false, code: 'own_request' });
  });

  it('records the decision on the request only when it is final', () => {
    const first = ok(transition(pending(['approver', 'manager']), { action: 'approve', comment: ' 一次OK ' }, APPROVER, NOW, POLICY));
    expect(first.next).toMatchObject({ state: 'submitted', step: 1, approvedBy: [APPROVER.email], decidedAt: null, decidedBy: null, decisionComment: null });
    expect(first.event.comment).toBe('一次OK');
    const last = ok(transition(first.next, { action: 'approve', comment: '承認します' }, MANAGER, NOW, POLICY));
    expect(last.next).toMatchObject({ state: 'approved', step: 1, approvedBy: [APPROVER.email, MANAGER.email], decidedAt: NOW, decidedBy: MANAGER.email, decisionComment: '承認します' });
  });

  it('clears the last decision when a returned request is resubmitted', () => {
    const returned = ok(transition(pending(['approver']), { action: 'return', comment: '背景不足' }, APPROVER, NOW, POLICY)).next;
    expect(returned).toMatchObject({ state: 'returned', decidedBy: APPROVER.email, decisionComment: '背景不足' });
    const again = ok(transition(returned, { action: 'resubmit' }, REP, NOW, POLICY)).next;
    expect(again).toMatchObject({ state: 'submitted', step: 0, approvedBy: [], decidedAt: null, decidedBy: null, decisionComment: null });
  });

  it('lets the approver of the first round approve again after a resubmission', () => {
    const one = ok(transition(pending(['approver', 'manager']), { action: 'approve' }, APPROVER, NOW, POLICY)).next;
    const returned = ok(transition(one, { action: 'return', comment: '再見積' }, MANAGER, NOW, POLICY)).next;
    const again = ok(transition(returned, { action: 'resubmit' }, REP, NOW, POLICY)).next;
    expect(ok(transition(again, { action: 'approve' }, APPROVER, NOW, POLICY)).next.step).toBe(1);
  });
});

describe('transition routing', () => {
  const routes: [number, Role[]][] = [
    [0, ['approver']],
    [1, ['approver']],
    [99_999, ['approver']],
    [100_000, ['approver', 'manager']],
    [100_001, ['approver', 'manager']],
    [999_999, ['approver', 'manager']],
    [1_000_000, ['approver', 'manager', 'director']],
    [25_000_000, ['approver', 'manager', 'director']],
  ];

  it.each(routes)('routes a request costing ¥%i through %j when it is submitted', (cost, route) => {
    const result = ok(transition(request({ costTotal: cost }), { action: 'submit' }, REP, NOW, POLICY));
    expect(result.next.route).toEqual(route);
    expect(result.next.step).toBe(0);
    expect(awaitedRole(result.next)).toBe('approver');
  });

  it.each(routes)('walks a ¥%i request through %j in sequence, one person per step', (cost, route) => {
    const deciders: Record<string, WorkflowActor> = { approver: APPROVER, manager: MANAGER, director: DIRECTOR };
    let current = ok(transition(request({ costTotal: cost }), { action: 'submit' }, REP, NOW, POLICY)).next;
    route.forEach((role, i) => {
      expect(awaitedRole(current)).toBe(role);
      // Every later step's role is refused out of turn.
      for (const later of route.slice(i + 1)) {
        expect(transition(current, { action: 'approve' }, deciders[later] as WorkflowActor, NOW, POLICY)).toMatchObject({ ok: false, code: 'missing_role' });
      }
      const step = ok(transition(current, { action: 'approve' }, deciders[role] as WorkflowActor, NOW, POLICY));
      expect(step.event.step).toBe(i);
      current = step.next;
    });
    expect(current.state).toBe('approved');
    expect(awaitedRole(current)).toBeNull();
  });

  it('gives a returned request resubmitted with a changed cost a new route', () => {
    const submitted = ok(transition(request({ costTotal: 80_000 }), { action: 'submit' }, REP, NOW, POLICY)).next;
    expect(submitted.route).toEqual(['approver']);
    const returned = ok(transition(submitted, { action: 'return', comment: '見積が甘い' }, APPROVER, NOW, POLICY)).next;
    const resubmitted = ok(transition({ ...returned, costTotal: 1_200_000 }, { action: 'resubmit' }, REP, NOW, POLICY));
    expect(resubmitted.next.route).toEqual(['approver', 'manager', 'director']);
    expect(resubmitted.event.costTotal).toBe(1_200_000);
  });

  it('keeps the route fixed at submission when the cost changes afterwards', () => {
    const submitted = ok(transition(request({ costTotal: 80_000 }), { action: 'submit' }, REP, NOW, POLICY)).next;
    const approved = ok(transition({ ...submitted, costTotal: 5_000_000 }, { action: 'approve' }, APPROVER, NOW, POLICY)).next;
    expect(approved.state).toBe('approved');
  });

  it('routes by the spreadsheet\'s own policy', () => {
    const { policy, problems } = requestPolicyOf({ routing: [{ fromCost: 0, role: 'manager' }, { fromCost: 50_000, role: 'admin' }] });
    expect(problems).toEqual([]);
    const submitted = ok(transition(request({ costTotal: 50_000 }), { action: 'submit' }, REP, NOW, policy)).next;
    expect(submitted.route).toEqual(['manager', 'admin']);
    const managed = ok(transition(submitted, { action: 'approve' }, MANAGER, NOW, policy)).next;
    // An admin step is decided by an admin.
    expect(ok(transition(managed, { action: 'approve' }, ADMIN, NOW, policy)).next.state).toBe('approved');
  });

  it('refuses submission below the policy\'s background length and names both counts', () => {
    const { policy } = requestPolicyOf({ minBackgroundChars: 30 });
    const result = transition(request({ background: 'あ'.repeat(29) }), { action: 'submit' }, REP, NOW, policy);
    expect(result).toMatchObject({ ok: false, code: 'background_too_thin' });
    if (!result.ok) expect(result.message.en).toMatch(/29 characters.*at least 30/);
    expect(transition(request({ background: 'あ'.repeat(30) }), { action: 'submit' }, REP, NOW, policy).ok).toBe(true);
  });
});

describe('backgroundProblem', () => {
  it.each([
    [null, 'background_missing'],
    ['', 'background_missing'],
    ['なし', 'background_missing'],
    ['-', 'background_missing'],
    ['顧客の要望です', 'background_too_thin'],
    // Full-width spaces and padding do not count.
    ['　　顧客の　要望です　　　　　　　　　', 'background_too_thin'],
    [BACKGROUND, null],
  ])('judges %j as %s', (background, code) => {
    expect(backgroundProblem(background, POLICY)?.code ?? null).toBe(code);
  });
});

describe('allowedActions', () => {
  it.each([
    ['the requester of a draft', request(), REP, ['submit', 'recall', 'revise']],
    ['an approver of a draft', request(), APPROVER, []],
    ['the requester of a submitted request', pending(['approver']), REP, ['recall']],
    ['the approver of a submitted request', pending(['approver']), APPROVER, ['approve', 'reject', 'return']],
    ['an admin of a submitted request', pending(['approver']), ADMIN, []],
    ['the manager while the approver decides', pending(['approver', 'manager']), MANAGER, []],
    ['the requester of a returned request', request({ state: 'returned' }), REP, ['resubmit', 'recall', 'revise']],
    ['the requester of a recalled request', request({ state: 'recalled' }), REP, ['resubmit', 'revise']],
    ['the requester of an approved request', request({ state: 'approved' }), REP, []],
  ] as [string, WorkflowRequest, WorkflowActor, RequestAction[]][])('offers %s what they may do', (_name, req, actor, actions) => {
    expect(allowedActions(req, actor, POLICY)).toEqual(actions);
  });
});

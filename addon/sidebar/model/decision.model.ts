import type { Locale } from '../../../shared/i18n/locale.ts';
import type { ApprovalItem, DecisionAction, DecisionForm } from '../../src/rpc/sidebar-rpc.ts';
import { tr, type MessageKey } from '../messages.ts';
import type { FieldErrors } from './field-errors.ts';

export const DECISION_ACTIONS: readonly DecisionAction[] = ['approve', 'return', 'reject'];

export const ACTION_LABEL: Readonly<Record<DecisionAction, MessageKey>> = Object.freeze({
  approve: 'actionApprove',
  reject: 'actionReject',
  return: 'actionReturn',
});

export const DECIDED_LABEL: Readonly<Record<DecisionAction, MessageKey>> = Object.freeze({
  approve: 'decidedApprove',
  reject: 'decidedReject',
  return: 'decidedReturn',
});

export function isDecisionAction(value: string): value is DecisionAction {
  return (DECISION_ACTIONS as readonly string[]).includes(value);
}

/**
 * The decision to send, carrying the version the approver saw (a request changed since is a
 * conflict). Rejecting or returning needs a comment saying why, as the service requires.
 */
export function decisionFormOf(
  item: Pick<ApprovalItem, 'requestId' | 'version'>,
  action: DecisionAction,
  comment: string,
  locale: Locale,
): { readonly ok: true; readonly form: DecisionForm } | { readonly ok: false; readonly errors: FieldErrors } {
  const text = comment.trim();
  if (action !== 'approve' && text === '') {
    return { ok: false, errors: { comment: tr(locale, 'errCommentRequired', { action: tr(locale, ACTION_LABEL[action]) }) } };
  }
  return { ok: true, form: { requestId: item.requestId, action, comment: text === '' ? null : text, expectedVersion: item.version } };
}

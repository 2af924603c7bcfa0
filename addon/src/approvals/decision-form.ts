import { format, type Locale } from '../../../shared/i18n/locale.ts';
import type { DecisionForm } from '../rpc/sidebar-rpc.ts';
import { APPROVAL_MESSAGES } from './approval-messages.ts';

/** What is wrong with a decision before it goes to the service, by form field. */
export function decisionProblems(form: DecisionForm, locale: Locale): Record<string, string> {
  const problems: Record<string, string> = {};
  if (form.action !== 'approve' && form.action !== 'reject' && form.action !== 'return') problems.action = format(APPROVAL_MESSAGES.actionInvalid[locale]);
  else if (form.action !== 'approve' && (form.comment ?? '').trim() === '') problems.comment = format(APPROVAL_MESSAGES.commentRequired[locale]);
  if (!Number.isInteger(form.expectedVersion) || form.expectedVersion < 0) problems.expectedVersion = format(APPROVAL_MESSAGES.versionRequired[locale]);
  return problems;
}

/** The body of `POST …/requests/{id}/actions`. */
export function decisionBody(form: DecisionForm): { action: string; comment: string | null; expectedVersion: number } {
  const comment = (form.comment ?? '').trim();
  return { action: form.action, comment: comment === '' ? null : comment, expectedVersion: form.expectedVersion };
}

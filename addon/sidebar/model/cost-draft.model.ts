import type { Role } from '../../../shared/access/role.ts';
import { approvalSteps } from '../../../shared/cost/approval-routing.ts';
import {
  estimateCost,
  MAX_HOURS_PER_LINE,
  MAX_RECURRING_MONTHS,
  type CostInput,
  type CostLine,
} from '../../../shared/cost/cost-estimate.ts';
import type { RequestPolicy } from '../../../shared/cost/request-policy.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { tr, type MessageKey } from '../messages.ts';
import type { FieldErrors } from './field-errors.ts';
import { parseNumberText } from './number-text.ts';

/** The cost part of the request form, as typed. */
export interface CostDraft {
  readonly hours: readonly { readonly role: string; readonly hours: string }[];
  readonly directCosts: readonly { readonly label: string; readonly amount: string }[];
  readonly discount: string;
  readonly recurringMonthly: string;
  readonly recurringMonths: string;
}

export const EMPTY_COST_DRAFT: CostDraft = Object.freeze({
  hours: [{ role: '', hours: '' }],
  directCosts: [],
  discount: '',
  recurringMonthly: '',
  recurringMonths: '',
});

/**
 * `live`: the person is still typing, so a half-filled line is left out of the estimate
 * quietly; `final`: the form is being sent, so a half-filled line is an error.
 */
export type CostMode = 'live' | 'final';

export type LiveEstimate =
  | { readonly kind: 'ok'; readonly lines: readonly CostLine[]; readonly total: number; readonly steps: readonly Role[] }
  | { readonly kind: 'invalid'; readonly errors: FieldErrors; readonly problems: readonly string[] };

type Amount = { readonly kind: 'none' } | { readonly kind: 'value'; readonly value: number } | { readonly kind: 'error'; readonly key: MessageKey };

function amountOf(text: string): Amount {
  const parsed = parseNumberText(text);
  if (parsed.kind === 'blank') return { kind: 'none' };
  if (parsed.kind === 'invalid') return { kind: 'error', key: 'errNumber' };
  if (parsed.value < 0) return { kind: 'error', key: 'errNotNegative' };
  return { kind: 'value', value: parsed.value };
}

function monthsOf(text: string): Amount {
  const parsed = parseNumberText(text);
  if (parsed.kind === 'blank') return { kind: 'none' };
  const n = parsed.kind === 'number' ? parsed.value : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= MAX_RECURRING_MONTHS ? { kind: 'value', value: n } : { kind: 'error', key: 'errMonths' };
}

/** The CostInput the typed cost describes, with a message per field that cannot be read. */
export function costInputOf(draft: CostDraft, mode: CostMode, locale: Locale): { input: CostInput; errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const fail = (field: string, key: MessageKey, params?: Record<string, number>): void => {
    errors[field] = tr(locale, key, params);
  };
  const final = mode === 'final';

  const hours: { role: string; hours: number }[] = [];
  draft.hours.forEach((line, i) => {
    const role = line.role.trim();
    const amount = amountOf(line.hours);
    if (role === '' && amount.kind === 'none') return;
    if (amount.kind === 'error') fail(`hours[${i}].hours`, amount.key);
    else if (amount.kind === 'value' && amount.value > MAX_HOURS_PER_LINE) fail(`hours[${i}].hours`, 'errHoursMax', { max: MAX_HOURS_PER_LINE });
    else if (amount.kind === 'none' && final) fail(`hours[${i}].hours`, 'errHoursRequired');
    if (role === '' && final) fail(`hours[${i}].role`, 'errRoleRequired');
    // Zero hours cost nothing: no line rather than a ¥0 line.
    if (role !== '' && amount.kind === 'value' && amount.value > 0 && amount.value <= MAX_HOURS_PER_LINE) hours.push({ role, hours: amount.value });
  });

  const directCosts: { label: string; amount: number }[] = [];
  draft.directCosts.forEach((line, i) => {
    const label = line.label.trim();
    const amount = amountOf(line.amount);
    if (label === '' && amount.kind === 'none') return;
    if (amount.kind === 'error') fail(`directCosts[${i}].amount`, amount.key);
    else if (amount.kind === 'none' && final) fail(`directCosts[${i}].amount`, 'errAmountRequired');
    if (label === '' && final) fail(`directCosts[${i}].label`, 'errDirectLabelRequired');
    if (label !== '' && amount.kind === 'value') directCosts.push({ label, amount: amount.value });
  });

  const discountAmount = amountOf(draft.discount);
  if (discountAmount.kind === 'error') fail('discount', discountAmount.key);
  const discount = discountAmount.kind === 'value' ? discountAmount.value : 0;

  const monthly = amountOf(draft.recurringMonthly);
  const months = monthsOf(draft.recurringMonths);
  if (monthly.kind === 'error') fail('recurring.monthly', monthly.key);
  if (months.kind === 'error') fail('recurring.months', 'errMonths', { max: MAX_RECURRING_MONTHS });
  let recurring: CostInput['recurring'] = null;
  if (monthly.kind === 'value' && months.kind === 'value') recurring = { monthly: monthly.value, months: months.value };
  else if (final && monthly.kind === 'value' && months.kind === 'none') fail('recurring.months', 'errMonths', { max: MAX_RECURRING_MONTHS });
  else if (final && monthly.kind === 'none' && months.kind === 'value') fail('recurring.monthly', 'errMonthlyRequired');

  return { input: { hours, directCosts, discount, recurring }, errors };
}

/** The estimate as the request form shows it while the person types: lines, total, approval route. */
export function liveEstimate(draft: CostDraft, policy: RequestPolicy, locale: Locale): LiveEstimate {
  const { input, errors } = costInputOf(draft, 'live', locale);
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors, problems: [] };
  const estimate = estimateCost(input, policy, locale);
  if (!estimate.ok) return { kind: 'invalid', errors: {}, problems: estimate.problems };
  return { kind: 'ok', lines: estimate.lines, total: estimate.total, steps: approvalSteps(estimate.total, policy) };
}

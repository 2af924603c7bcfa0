import { labelKey, normalizeText } from '../cells/normalize-text.ts';
import { format, type Locale } from '../i18n/locale.ts';
import { COST_LINE_MESSAGES } from './cost-messages.ts';
import { multiplyHalfUp, roundHalfUp } from './exact-decimal.ts';
import { formatQuantity, formatYen } from './format-yen.ts';
import { rateRoleKey, type RequestPolicy } from './request-policy.ts';

export { parseCostInput } from './parse-cost-input.ts';

export interface CostInput {
  readonly hours: readonly { readonly role: string; readonly hours: number }[];
  readonly directCosts: readonly { readonly label: string; readonly amount: number }[];
  /** Discount given to the customer, in yen. */
  readonly discount: number;
  readonly recurring: { readonly monthly: number; readonly months: number } | null;
}

export interface CostLine {
  readonly kind: 'labour' | 'direct' | 'discount' | 'recurring';
  readonly label: string;
  readonly detail: string;
  /** Whole yen, rounded half up. */
  readonly amount: number;
  /** Hours (labour) or months (recurring); null for a lump sum. */
  readonly quantity: number | null;
  /** Hourly rate (labour) or monthly cost (recurring) in yen; null for a lump sum. */
  readonly unitAmount: number | null;
}

export type CostEstimate =
  | { readonly ok: true; readonly lines: readonly CostLine[]; readonly total: number }
  | { readonly ok: false; readonly problems: readonly string[] };

// Sanity bounds: a typo (hours for a year typed as minutes) is caught, real requests are not.
export const MAX_HOURS_PER_LINE = 10_000;
export const MAX_RECURRING_MONTHS = 120;

/**
 * hours per role × hourly rate, plus direct costs, plus the discount given, plus recurring ×
 * months; integer yen, rounded half up per line (exactly, from the decimals as typed). Unknown
 * roles, negative or non-finite numbers, fractional months are problems. Lines come in input
 * order (labour, direct, discount when above 0, recurring), labelled in `locale`.
 */
export function estimateCost(input: CostInput, policy: RequestPolicy, locale: Locale = 'ja'): CostEstimate {
  const problems: string[] = [];
  const lines: CostLine[] = [];
  const m = COST_LINE_MESSAGES;

  input.hours.forEach((entry, i) => {
    const path = `hours[${i}]`;
    const role = findRate(entry.role, policy);
    if (role === null) problems.push(`${path}.role: unknown role "${entry.role}" (rates exist for ${Object.keys(policy.hourlyRates).join(', ') || 'no role'})`);
    const hours = checkAmount(entry.hours, `${path}.hours`, 'hours', problems);
    if (hours !== null && hours > MAX_HOURS_PER_LINE) problems.push(`${path}.hours: at most ${MAX_HOURS_PER_LINE} hours per line`);
    if (role === null || hours === null || hours > MAX_HOURS_PER_LINE) return;
    const amount = multiplyHalfUp(hours, role.rate);
    if (amount === null) {
      problems.push(`${path}: the amount is too large`);
      return;
    }
    const detail = format(m.labourDetail[locale], { hours: formatQuantity(hours), rate: formatYen(role.rate) });
    lines.push({ kind: 'labour', label: role.name, detail, amount, quantity: hours, unitAmount: role.rate });
  });

  input.directCosts.forEach((entry, i) => {
    const path = `directCosts[${i}]`;
    const label = typeof entry.label === 'string' ? normalizeText(entry.label) : '';
    if (label === '') problems.push(`${path}.label: say what the cost is for`);
    const amount = wholeYen(entry.amount, `${path}.amount`, problems);
    if (label !== '' && amount !== null) {
      lines.push({ kind: 'direct', label, detail: m.directDetail[locale], amount, quantity: null, unitAmount: null });
    }
  });

  const discount = wholeYen(input.discount, 'discount', problems);
  if (discount !== null && discount > 0) {
    lines.push({ kind: 'discount', label: m.discountLabel[locale], detail: m.discountDetail[locale], amount: discount, quantity: null, unitAmount: null });
  }

  if (input.recurring !== null) {
    const monthly = checkAmount(input.recurring.monthly, 'recurring.monthly', 'yen', problems);
    const months = input.recurring.months;
    const monthsOk = Number.isInteger(months) && months >= 1 && months <= MAX_RECURRING_MONTHS;
    if (!monthsOk) problems.push(`recurring.months: a whole number of months from 1 to ${MAX_RECURRING_MONTHS}`);
    if (monthly !== null && monthsOk) {
      const amount = multiplyHalfUp(monthly, months);
      if (amount === null) problems.push('recurring: the amount is too large');
      else {
        const detail = format(m.recurringDetail[locale], { monthly: formatYen(monthly), months });
        lines.push({ kind: 'recurring', label: m.recurringLabel[locale], detail, amount, quantity: months, unitAmount: monthly });
      }
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  if (!Number.isSafeInteger(total)) return { ok: false, problems: ['total: the estimate is too large'] };
  return { ok: true, lines, total };
}

function findRate(role: unknown, policy: RequestPolicy): { name: string; rate: number } | null {
  if (typeof role !== 'string') return null;
  const key = rateRoleKey(role);
  const exact = policy.hourlyRates[key];
  if (exact !== undefined) return { name: key, rate: exact };
  // `営業 サポート`, `営業・サポート`: the same role spelled with a separator.
  const loose = labelKey(role);
  if (loose === '') return null;
  for (const [name, rate] of Object.entries(policy.hourlyRates)) if (labelKey(name) === loose) return { name, rate };
  return null;
}

function checkAmount(value: unknown, path: string, unit: string, problems: string[]): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push(`${path}: a finite number of ${unit}`);
    return null;
  }
  if (value < 0) {
    problems.push(`${path}: must not be negative`);
    return null;
  }
  return value;
}

function wholeYen(value: unknown, path: string, problems: string[]): number | null {
  const amount = checkAmount(value, path, 'yen', problems);
  if (amount === null) return null;
  const yen = roundHalfUp(amount);
  if (yen === null) problems.push(`${path}: the amount is too large`);
  return yen;
}

import { isRole, type Role } from '../access/role.ts';
import { normalizeText } from '../cells/normalize-text.ts';
import { LOCALES, type Message } from '../i18n/locale.ts';
import { REQUEST_TYPES, type RequestType } from '../records/request.ts';

/** One approval step: applies to requests costing at least `fromCost` yen. */
export interface RoutingStep {
  readonly fromCost: number;
  readonly role: Role;
}

/** Per-spreadsheet rules for special requests: what things cost, who approves, what is flagged. */
export interface RequestPolicy {
  /** Hourly rate in yen per role name, e.g. { 営業サポート: 4000, 法務: 8000, 物流: 3000 }. */
  readonly hourlyRates: Readonly<Record<string, number>>;
  /** Approval steps by cost, in sequence; a step applies when cost >= fromCost. Default: approver from 0, manager from 100_000, director from 1_000_000. */
  readonly routing: readonly RoutingStep[];
  /** Cost over this share of the deal's gross margin is flagged. Default 0.2. */
  readonly marginShare: number;
  /** The account's 12-month special-handling cost over this share of its won revenue is flagged. Default 0.05. */
  readonly winWinShare: number;
  /** Months the win-win balance looks back over. Default 12. */
  readonly winWinMonths: number;
  /** Background shorter than this (in characters, after trimming and NFKC) is too thin. Default 20. */
  readonly minBackgroundChars: number;
  /** Labels per request type (shared/records/request.ts REQUEST_TYPES), ja and en; configurable. */
  readonly typeLabels: Readonly<Record<RequestType, Message>>;
}

export const DEFAULT_REQUEST_POLICY: RequestPolicy = Object.freeze({
  hourlyRates: Object.freeze({ 営業サポート: 4000, 法務: 8000, 物流: 3000, 経理: 4000, 技術サポート: 6000 }),
  routing: Object.freeze([
    Object.freeze({ fromCost: 0, role: 'approver' as const }),
    Object.freeze({ fromCost: 100_000, role: 'manager' as const }),
    Object.freeze({ fromCost: 1_000_000, role: 'director' as const }),
  ]),
  marginShare: 0.2,
  winWinShare: 0.05,
  winWinMonths: 12,
  minBackgroundChars: 20,
  typeLabels: Object.freeze({
    contract_change: Object.freeze({ ja: '契約変更', en: 'Contract change' }),
    discount: Object.freeze({ ja: '値引き', en: 'Discount' }),
    special_delivery: Object.freeze({ ja: '特別納品', en: 'Special delivery' }),
    special_support: Object.freeze({ ja: '特別対応', en: 'Special support' }),
    other: Object.freeze({ ja: 'その他', en: 'Other' }),
  }),
});

// Bounds that catch typos (an extra zero, a percentage typed as 20) without second-guessing policy.
const MAX_HOURLY_RATE = 1_000_000;
const MAX_ROUTING_STEPS = 10;
const MAX_WIN_WIN_MONTHS = 60;
const MAX_BACKGROUND_CHARS = 1000;
const MAX_LABEL_CHARS = 40;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWholeYen = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isShare = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= max;

type Bad = (path: string, why: string) => void;

/**
 * Applies a stored/admin-given override object onto the defaults; returns the policy and one
 * message per bad field (never throws). A bad field is reported by its JSON path and left at its
 * default, so one typo never blocks a request. `hourlyRates` replaces the default table as a
 * whole (a team's roles are its own); `typeLabels` patches per type and language.
 */
export function requestPolicyOf(overrides: unknown): { policy: RequestPolicy; problems: string[] } {
  const problems: string[] = [];
  const base = DEFAULT_REQUEST_POLICY;
  if (overrides === undefined || overrides === null) return { policy: base, problems };
  if (!isRecord(overrides)) return { policy: base, problems: ['requestPolicy: must be an object'] };
  const out: { -readonly [K in keyof RequestPolicy]: RequestPolicy[K] } = { ...base };
  const bad: Bad = (path, why) => problems.push(`requestPolicy.${path}: ${why}`);

  for (const [key, value] of Object.entries(overrides)) {
    switch (key) {
      case 'hourlyRates':
        out.hourlyRates = hourlyRatesOf(value, bad) ?? base.hourlyRates;
        break;
      case 'routing':
        out.routing = routingOf(value, bad) ?? base.routing;
        break;
      case 'marginShare':
        // Above 1 is allowed: a team may accept costs beyond one deal's margin for strategic accounts.
        if (isShare(value, 10)) out.marginShare = value;
        else bad(key, 'a share above 0 and at most 10 (0.2 means 20%)');
        break;
      case 'winWinShare':
        if (isShare(value, 1)) out.winWinShare = value;
        else bad(key, 'a share above 0 and at most 1 (0.05 means 5%)');
        break;
      case 'winWinMonths':
        if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_WIN_WIN_MONTHS) out.winWinMonths = value;
        else bad(key, `a whole number of months from 1 to ${MAX_WIN_WIN_MONTHS}`);
        break;
      case 'minBackgroundChars':
        if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_BACKGROUND_CHARS) out.minBackgroundChars = value;
        else bad(key, `a whole number of characters from 0 to ${MAX_BACKGROUND_CHARS}`);
        break;
      case 'typeLabels':
        out.typeLabels = typeLabelsOf(base.typeLabels, value, bad);
        break;
      default:
        bad(key, 'unknown setting');
    }
  }
  return { policy: Object.freeze(out), problems };
}

/** A role name as rates are keyed and looked up: NFKC, trimmed, inner spaces collapsed. */
export function rateRoleKey(name: string): string {
  return normalizeText(name);
}

function hourlyRatesOf(value: unknown, bad: Bad): Readonly<Record<string, number>> | null {
  if (!isRecord(value)) {
    bad('hourlyRates', 'an object of role name → hourly rate in yen');
    return null;
  }
  const rates: Record<string, number> = {};
  let ok = true;
  for (const [name, rate] of Object.entries(value)) {
    const role = rateRoleKey(name);
    if (role === '') {
      bad(`hourlyRates["${name}"]`, 'a role name must not be blank');
      ok = false;
    } else if (role in rates) {
      bad(`hourlyRates["${name}"]`, `the same role as "${role}"`);
      ok = false;
    } else if (isWholeYen(rate) && rate > 0 && rate <= MAX_HOURLY_RATE) {
      rates[role] = rate;
    } else {
      bad(`hourlyRates["${name}"]`, `a whole number of yen per hour from 1 to ${MAX_HOURLY_RATE}`);
      ok = false;
    }
  }
  // Half a rate table would estimate some roles at the wrong price: all or nothing.
  return ok ? Object.freeze(rates) : null;
}

function routingOf(value: unknown, bad: Bad): readonly RoutingStep[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_ROUTING_STEPS) {
    bad('routing', `a list of 1 to ${MAX_ROUTING_STEPS} steps { "fromCost": yen, "role": role }`);
    return null;
  }
  const steps: RoutingStep[] = [];
  let ok = true;
  value.forEach((step: unknown, i) => {
    const path = `routing[${i}]`;
    if (!isRecord(step)) {
      bad(path, 'an object { "fromCost": yen, "role": role }');
      ok = false;
      return;
    }
    for (const key of Object.keys(step)) if (key !== 'fromCost' && key !== 'role') {
      bad(`${path}.${key}`, 'unknown field');
      ok = false;
    }
    const { fromCost, role } = step;
    if (!isWholeYen(fromCost)) {
      bad(`${path}.fromCost`, 'a whole number of yen, 0 or more');
      ok = false;
    }
    // Every member holds `member`: a member step would let anyone approve.
    if (!isRole(role) || role === 'member') {
      bad(`${path}.role`, '"approver", "manager", "director" or "admin"');
      ok = false;
    } else if (steps.some((s) => s.role === role)) {
      bad(`${path}.role`, `"${role}" already has a step; each role decides once`);
      ok = false;
    }
    if (!isWholeYen(fromCost) || !isRole(role) || role === 'member') return;
    const previous = steps[steps.length - 1];
    if (previous !== undefined && fromCost < previous.fromCost) {
      bad(`${path}.fromCost`, `steps go in order of cost: ${fromCost} is below the step before (${previous.fromCost})`);
      ok = false;
    }
    steps.push(Object.freeze({ fromCost, role }));
  });
  if (ok && steps[0]?.fromCost !== 0) {
    bad('routing[0].fromCost', 'the first step must start at 0, or cheap requests would need no approval');
    ok = false;
  }
  return ok ? Object.freeze(steps) : null;
}

function typeLabelsOf(
  labels: Readonly<Record<RequestType, Message>>,
  value: unknown,
  bad: Bad,
): Readonly<Record<RequestType, Message>> {
  if (!isRecord(value)) {
    bad('typeLabels', 'an object keyed by request type');
    return labels;
  }
  const out: Record<RequestType, Message> = { ...labels };
  for (const [type, patch] of Object.entries(value)) {
    if (!(REQUEST_TYPES as readonly string[]).includes(type)) {
      bad(`typeLabels.${type}`, `unknown request type (one of ${REQUEST_TYPES.join(', ')})`);
      continue;
    }
    if (!isRecord(patch)) {
      bad(`typeLabels.${type}`, 'an object { "ja": text, "en": text }');
      continue;
    }
    const known = type as RequestType;
    let next: Message = out[known];
    for (const [locale, text] of Object.entries(patch)) {
      const path = `typeLabels.${type}.${locale}`;
      if (!(LOCALES as readonly string[]).includes(locale)) bad(path, 'unknown language ("ja" or "en")');
      else if (typeof text !== 'string' || normalizeText(text) === '' || normalizeText(text).length > MAX_LABEL_CHARS) {
        bad(path, `a label of 1 to ${MAX_LABEL_CHARS} characters`);
      } else next = { ...next, [locale]: normalizeText(text) };
    }
    out[known] = Object.freeze(next);
  }
  return Object.freeze(out);
}

import { isBlankMarker, normalizeText } from '../cells/normalize-text.ts';
import { format, LOCALES, type Locale, type Message, type MessageParams } from '../i18n/locale.ts';
import { approvalSteps, routingThreshold } from './approval-routing.ts';
import { formatPercent, formatYen } from './format-yen.ts';
import { REQUEST_FLAG_MESSAGES } from './request-flag-messages.ts';
import type { RequestPolicy } from './request-policy.ts';
import { ROLE_LABELS } from './role-labels.ts';
import type { WinWinBalance } from './win-win.ts';

export { REQUEST_FLAG_MESSAGES } from './request-flag-messages.ts';

export const REQUEST_FLAG_CODES = ['cost_over_routing', 'cost_over_margin', 'win_win_imbalance', 'background_thin'] as const;
export type RequestFlagCode = (typeof REQUEST_FLAG_CODES)[number];

type Messages = typeof REQUEST_FLAG_MESSAGES;
/** Which reason of a flag's catalogue entry applies, e.g. `noMargin` for cost_over_margin. */
export type RequestFlagVariant<C extends RequestFlagCode = RequestFlagCode> = C extends RequestFlagCode
  ? keyof Messages[C]['reason'] & string
  : never;

export interface RequestFlagInput {
  readonly total: number;
  readonly background: string | null;
  readonly dealGrossMargin: number | null;
  readonly winWin: WinWinBalance | null;
}

/** One raised request flag, its reason already rendered in both languages. */
export interface RequestFlag {
  readonly code: RequestFlagCode;
  readonly variant: RequestFlagVariant;
  readonly label: Message;
  readonly reason: Message;
}

type LocalParams = (locale: Locale) => MessageParams;

function flag<C extends RequestFlagCode>(code: C, variant: RequestFlagVariant<C>, params: MessageParams | LocalParams = {}): RequestFlag {
  const entry = REQUEST_FLAG_MESSAGES[code];
  const template = (entry.reason as Readonly<Record<string, Message>>)[variant];
  if (template === undefined) throw new Error(`no reason ${variant} for ${code}`);
  const paramsIn = typeof params === 'function' ? params : () => params;
  const reason = Object.fromEntries(LOCALES.map((l) => [l, format(template[l], paramsIn(l))])) as Record<Locale, string>;
  return { code, variant, label: entry.label, reason };
}

/** Characters of a background as judged: code points after NFKC, trimming and collapsing spaces. */
export function backgroundChars(background: string | null): number {
  if (background === null || isBlankMarker(background)) return 0;
  return [...normalizeText(background)].length;
}

/**
 * Which flags a request raises; each with a reason message in ja and en. Cost over routing: the
 * total needs more than the base approval level (routingThreshold, default ¥100,000). Cost over
 * margin: the total above marginShare of the deal's gross margin, or any cost when the margin is
 * unknown or not positive. Win-win: the account already over winWinShare, or over it once its
 * pending requests (this one included, when the caller counted it) are approved. Background:
 * missing (blank, なし, 未定…) or shorter than minBackgroundChars.
 */
export function requestFlags(input: RequestFlagInput, policy: RequestPolicy): RequestFlag[] {
  const flags: RequestFlag[] = [];
  const total = formatYen(input.total);

  const threshold = routingThreshold(policy);
  if (threshold !== null && input.total >= threshold) {
    const steps = approvalSteps(input.total, policy);
    flags.push(
      flag('cost_over_routing', 'over', (l) => ({
        total,
        threshold: formatYen(threshold),
        steps: steps.map((r) => ROLE_LABELS[r][l]).join(' → '),
      })),
    );
  }

  const margin = input.dealGrossMargin;
  if (input.total > 0) {
    if (margin === null) flags.push(flag('cost_over_margin', 'unknownMargin', { total }));
    else if (margin <= 0) flags.push(flag('cost_over_margin', 'noMargin', { total, margin: formatYen(margin) }));
    else if (input.total / margin > policy.marginShare) {
      flags.push(
        flag('cost_over_margin', 'over', {
          total,
          margin: formatYen(margin),
          percent: formatPercent(input.total / margin),
          limit: formatPercent(policy.marginShare),
        }),
      );
    }
  }

  const winWin = input.winWin;
  if (winWin !== null) {
    const months = winWin.months;
    const limit = formatPercent(winWin.share);
    if (winWin.overShare) {
      const cost = formatYen(winWin.specialCost);
      if (winWin.ratio === null) flags.push(flag('win_win_imbalance', 'noRevenue', { months, cost }));
      else flags.push(flag('win_win_imbalance', 'over', { months, cost, revenue: formatYen(winWin.wonRevenue), percent: formatPercent(winWin.ratio), limit }));
    } else if (winWin.overShareIfApproved) {
      const cost = formatYen(winWin.specialCost + winWin.pendingCost);
      if (winWin.projectedRatio === null) flags.push(flag('win_win_imbalance', 'ifApprovedNoRevenue', { months, cost }));
      else flags.push(flag('win_win_imbalance', 'ifApproved', { months, cost, revenue: formatYen(winWin.wonRevenue), percent: formatPercent(winWin.projectedRatio), limit }));
    }
  }

  const chars = backgroundChars(input.background);
  if (chars === 0) flags.push(flag('background_thin', 'missing'));
  else if (chars < policy.minBackgroundChars) flags.push(flag('background_thin', 'short', { chars, min: policy.minBackgroundChars }));

  return flags;
}

/** A flag column's labels (joined with `, `) and reasons (joined with `; `) in one locale. */
export function renderRequestFlags(flags: readonly RequestFlag[], locale: Locale): { labels: string; reasons: string } {
  return {
    labels: flags.map((f) => f.label[locale]).join(', '),
    reasons: flags.map((f) => f.reason[locale]).join('; '),
  };
}

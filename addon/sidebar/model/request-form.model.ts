import { backgroundChars } from '../../../shared/cost/request-flags.ts';
import type { RequestPolicy } from '../../../shared/cost/request-policy.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { REQUEST_TYPES, type RequestType } from '../../../shared/records/request.ts';
import type { RequestForm, RequestPrefill } from '../../src/rpc/sidebar-rpc.ts';
import { tr } from '../messages.ts';
import { costInputOf, EMPTY_COST_DRAFT, type CostDraft } from './cost-draft.model.ts';
import type { FieldErrors } from './field-errors.ts';

/** The request form as typed. */
export interface RequestDraft {
  /** '' until a type is chosen. */
  readonly type: string;
  readonly background: string;
  readonly description: string;
  readonly alternative: string;
  readonly account: string;
  readonly dealId: string | null;
  readonly cost: CostDraft;
}

export function requestDraftOf(prefill: RequestPrefill | null): RequestDraft {
  return {
    type: '',
    background: '',
    description: '',
    alternative: '',
    account: prefill?.account ?? '',
    dealId: prefill?.dealId ?? null,
    cost: EMPTY_COST_DRAFT,
  };
}

export interface BackgroundCount {
  /** Counted as the service counts (NFKC, spaces folded, なし/未定 count as nothing). */
  readonly chars: number;
  readonly min: number;
  readonly enough: boolean;
}

export function backgroundCount(background: string, policy: Pick<RequestPolicy, 'minBackgroundChars'>): BackgroundCount {
  const chars = backgroundChars(background);
  return { chars, min: policy.minBackgroundChars, enough: chars > 0 && chars >= policy.minBackgroundChars };
}

const isRequestType = (v: string): v is RequestType => (REQUEST_TYPES as readonly string[]).includes(v);
const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/**
 * The RequestForm to send, or a message per field that the service would refuse: type chosen,
 * a background thick enough to judge on (seed 000), a description, a readable cost. The same
 * rules hold for a draft, because the service checks a request's content when it is filed.
 */
export function requestFormOf(
  draft: RequestDraft,
  submit: boolean,
  policy: RequestPolicy,
  locale: Locale,
): { readonly ok: true; readonly form: RequestForm } | { readonly ok: false; readonly errors: FieldErrors } {
  const errors: Record<string, string> = {};
  if (!isRequestType(draft.type)) errors['type'] = tr(locale, 'errTypeRequired');
  const count = backgroundCount(draft.background, policy);
  if (count.chars === 0) errors['background'] = tr(locale, 'errBackgroundRequired');
  else if (!count.enough) errors['background'] = tr(locale, 'errBackgroundShort', { chars: count.chars, min: count.min });
  if (draft.description.trim() === '') errors['description'] = tr(locale, 'errDescriptionRequired');
  const cost = costInputOf(draft.cost, 'final', locale);
  Object.assign(errors, cost.errors);
  if (Object.keys(errors).length > 0 || !isRequestType(draft.type)) return { ok: false, errors };
  return {
    ok: true,
    form: {
      type: draft.type,
      background: draft.background.trim(),
      description: draft.description.trim(),
      alternative: orNull(draft.alternative),
      dealId: draft.dealId,
      account: orNull(draft.account),
      cost: cost.input,
      submit,
    },
  };
}

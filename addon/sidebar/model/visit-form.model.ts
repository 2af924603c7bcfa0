import { isIsoDate } from '../../../shared/calendar/iso-date.ts';
import { MAX_TEXT_LENGTH } from '../../../shared/cells/parse-text.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import type { VisitForm, VisitPrefill } from '../../src/rpc/sidebar-rpc.ts';
import { tr } from '../messages.ts';
import type { FieldErrors } from './field-errors.ts';
import { formatDate } from './format.ts';

/** The visit form as typed. */
export interface VisitDraft {
  readonly visitedOn: string;
  readonly account: string;
  readonly dealTitle: string;
  readonly met: string;
  readonly attendees: string;
  readonly discussed: string;
  readonly customerAsked: string;
  readonly nextAction: string;
  readonly nextActionOn: string;
  /** '' keeps the ball where it is. */
  readonly ballAfter: '' | 'us' | 'customer';
}

export type VisitTextField = Exclude<keyof VisitDraft, 'visitedOn' | 'nextActionOn' | 'ballAfter'>;

// The service's limits (server/visits/visit.schemas.ts): names on one line, notes as long as a cell.
export const VISIT_MAX_LENGTH: Readonly<Record<VisitTextField, number>> = Object.freeze({
  account: 200,
  dealTitle: 200,
  met: 500,
  attendees: 500,
  discussed: MAX_TEXT_LENGTH,
  customerAsked: MAX_TEXT_LENGTH,
  nextAction: MAX_TEXT_LENGTH,
});

export function visitDraftOf(prefill: VisitPrefill): VisitDraft {
  return {
    visitedOn: prefill.visitedOn,
    account: prefill.account ?? '',
    dealTitle: prefill.dealTitle ?? '',
    met: '',
    attendees: '',
    discussed: '',
    customerAsked: '',
    nextAction: '',
    nextActionOn: '',
    ballAfter: '',
  };
}

/** The prefilled deal row's id, as long as the person has not retitled the deal. */
export function linkedDealId(draft: Pick<VisitDraft, 'dealTitle'>, prefill: VisitPrefill | null): string | null {
  if (prefill === null || prefill.dealId === null) return null;
  return draft.dealTitle.trim() === (prefill.dealTitle ?? '').trim() ? prefill.dealId : null;
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/**
 * The VisitForm to send, or a message per field the service would refuse: a real date not after
 * today (in the spreadsheet's time zone), a due date not before the visit, an account when no
 * deal row is linked, texts within the service's limits.
 */
export function visitFormOf(
  draft: VisitDraft,
  prefill: VisitPrefill | null,
  today: string,
  locale: Locale,
): { readonly ok: true; readonly form: VisitForm } | { readonly ok: false; readonly errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const visitedOn = draft.visitedOn.trim();
  if (visitedOn === '') errors['visitedOn'] = tr(locale, 'errDateRequired');
  else if (!isIsoDate(visitedOn)) errors['visitedOn'] = tr(locale, 'errDateInvalid');
  else if (visitedOn > today) errors['visitedOn'] = tr(locale, 'errFuture', { today: formatDate(today, locale) });

  const nextActionOn = draft.nextActionOn.trim();
  if (nextActionOn !== '' && !isIsoDate(nextActionOn)) errors['nextActionOn'] = tr(locale, 'errDateInvalid');
  else if (nextActionOn !== '' && isIsoDate(visitedOn) && nextActionOn < visitedOn) errors['nextActionOn'] = tr(locale, 'errNextBefore');

  const dealId = linkedDealId(draft, prefill);
  if (dealId === null && draft.account.trim() === '') errors['account'] = tr(locale, 'errAccountRequired');
  for (const [field, max] of Object.entries(VISIT_MAX_LENGTH) as [VisitTextField, number][]) {
    if ([...draft[field].trim()].length > max) errors[field] = tr(locale, 'errTooLong', { max });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  return {
    ok: true,
    form: {
      visitedOn,
      dealId,
      dealTitle: orNull(draft.dealTitle),
      account: orNull(draft.account),
      met: orNull(draft.met),
      attendees: orNull(draft.attendees),
      discussed: orNull(draft.discussed),
      customerAsked: orNull(draft.customerAsked),
      nextAction: orNull(draft.nextAction),
      nextActionOn: nextActionOn === '' ? null : nextActionOn,
      ballAfter: draft.ballAfter === '' ? null : draft.ballAfter,
    },
  };
}

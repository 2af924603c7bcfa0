import { isIsoDate } from '../../../shared/calendar/iso-date.ts';
import { format, type Locale } from '../../../shared/i18n/locale.ts';
import type { VisitForm } from '../rpc/sidebar-rpc.ts';
import { VISIT_MESSAGES } from './visit-messages.ts';

const filled = (v: string | null | undefined): string | undefined => {
  const t = v?.trim();
  return t === undefined || t === '' ? undefined : t;
};

/** What is wrong with the form before it goes to the service, by form field; empty when fine. */
export function visitFormProblems(form: VisitForm, locale: Locale): Record<string, string> {
  const say = (m: { readonly ja: string; readonly en: string }) => format(m[locale]);
  const problems: Record<string, string> = {};
  const visitedOn = filled(form.visitedOn);
  if (visitedOn === undefined || !isIsoDate(visitedOn)) problems.visitedOn = say(VISIT_MESSAGES.dateRequired);
  const next = filled(form.nextActionOn);
  if (next !== undefined && !isIsoDate(next)) problems.nextActionOn = say(VISIT_MESSAGES.dateRequired);
  else if (next !== undefined && visitedOn !== undefined && isIsoDate(visitedOn) && next < visitedOn) problems.nextActionOn = say(VISIT_MESSAGES.nextBeforeVisit);
  if (form.ballAfter !== undefined && form.ballAfter !== null && form.ballAfter !== 'us' && form.ballAfter !== 'customer') problems.ballAfter = say(VISIT_MESSAGES.ballInvalid);
  if (filled(form.dealId) === undefined && filled(form.dealTitle) === undefined && filled(form.account) === undefined) problems.account = say(VISIT_MESSAGES.subjectRequired);
  return problems;
}

/**
 * The body of `POST …/visits` (a strict schema: only its fields, blanks left out). A deal named by
 * its id is sent by id alone, so a title or account edited in the form cannot contradict it.
 */
export function visitBody(form: VisitForm): Record<string, string> {
  const body: Record<string, string> = {};
  const put = (key: string, value: string | null | undefined) => {
    const v = filled(value);
    if (v !== undefined) body[key] = v;
  };
  put('visitedOn', form.visitedOn);
  const dealId = filled(form.dealId);
  if (dealId !== undefined) body.dealId = dealId;
  else {
    put('dealTitle', form.dealTitle);
    put('account', form.account);
  }
  put('met', form.met);
  put('attendees', form.attendees);
  put('discussed', form.discussed);
  put('customerAsked', form.customerAsked);
  put('nextAction', form.nextAction);
  put('nextActionOn', form.nextActionOn);
  if (form.ballAfter === 'us' || form.ballAfter === 'customer') body.ballAfter = form.ballAfter;
  return body;
}

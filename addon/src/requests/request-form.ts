import { parseCostInput } from '../../../shared/cost/parse-cost-input.ts';
import { format, type Locale, type Message } from '../../../shared/i18n/locale.ts';
import { REQUEST_TYPES } from '../../../shared/records/request.ts';
import type { RequestForm } from '../rpc/sidebar-rpc.ts';
import { REQUEST_MESSAGES } from './request-messages.ts';

const filled = (v: string | null | undefined): string | undefined => {
  const t = typeof v === 'string' ? v.trim() : undefined;
  return t === undefined || t === '' ? undefined : t;
};

/**
 * What is wrong with the form before it goes to the service, by form field. How thin a background
 * may be and what the rates price are the service's to judge: it names those fields itself.
 */
export function requestFormProblems(form: RequestForm, locale: Locale): Record<string, string> {
  const say = (m: Message, params?: Record<string, string>) => format(m[locale], params);
  const problems: Record<string, string> = {};
  if (!(REQUEST_TYPES as readonly string[]).includes(form.type)) problems.type = say(REQUEST_MESSAGES.typeInvalid);
  if (filled(form.background) === undefined) problems.background = say(REQUEST_MESSAGES.backgroundRequired);
  if (filled(form.description) === undefined) problems.description = say(REQUEST_MESSAGES.descriptionRequired);
  if (filled(form.dealId) === undefined && filled(form.account) === undefined) problems.account = say(REQUEST_MESSAGES.subjectRequired);
  const cost = parseCostInput(form.cost);
  if (!cost.ok) problems.cost = say(REQUEST_MESSAGES.costInvalid, { problems: cost.problems.join('; ') });
  return problems;
}

/** The body of `POST …/requests` (a strict schema: blanks left out, the deal by id when known). */
export function requestBody(form: RequestForm): Record<string, unknown> {
  const body: Record<string, unknown> = {
    type: form.type,
    background: filled(form.background) ?? null,
    description: filled(form.description) ?? '',
    alternative: filled(form.alternative) ?? null,
    cost: form.cost,
    submit: form.submit === true,
  };
  const dealId = filled(form.dealId);
  if (dealId !== undefined) body.dealId = dealId;
  const account = filled(form.account);
  // With a deal, the service takes the account from it; naming another would be refused.
  if (account !== undefined && dealId === undefined) body.account = account;
  return body;
}

import type { RpcError } from '../../src/rpc/sidebar-rpc.ts';
import { t } from '../messages.ts';
import { normalizeFieldErrors, type FieldErrors } from '../model/field-errors.ts';
import { clearFieldErrors, showFieldErrors } from './field-errors.ts';
import { fill } from './h.ts';
import { errorNotice, type NoticeAction } from './notice.ts';

/** A control's value as typed ('' when absent); a checked radio's value for a radio group. */
export function formText(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}

/** The form's own check refused it: messages next to the fields, a summary in the box. */
export function showInvalid(form: HTMLFormElement, box: HTMLElement, errors: FieldErrors): void {
  const unplaced = showFieldErrors(form, errors);
  fill(box, [errorNotice({ code: 'invalid', message: t('checkFields') }, [], unplaced)]);
}

/** The add-on refused or failed: its message in the box, its field errors next to the fields. */
export function showFailure(form: HTMLFormElement, box: HTMLElement, error: RpcError, actions: readonly NoticeAction[] = []): void {
  const fields = normalizeFieldErrors(error.fields);
  let unplaced: string[] = [];
  if (Object.keys(fields).length > 0) unplaced = showFieldErrors(form, fields);
  else clearFieldErrors(form);
  fill(box, [errorNotice(error, actions, unplaced)]);
}

export function clearFormErrors(form: HTMLFormElement, box: HTMLElement): void {
  clearFieldErrors(form);
  fill(box, []);
}

/** The submit button that sent the form (Enter sends the first one). */
export function submitterOf(event: Event, form: HTMLFormElement): HTMLButtonElement | null {
  const submitter = event instanceof SubmitEvent ? event.submitter : null;
  if (submitter instanceof HTMLButtonElement) return submitter;
  return form.querySelector<HTMLButtonElement>('button[type="submit"]');
}

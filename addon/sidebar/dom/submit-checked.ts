import { currentLocale } from '../messages.ts';
import type { FieldErrors } from '../model/field-errors.ts';
import { rpcErrorOf } from '../rpc-client.ts';
import { withBusy } from './busy.ts';
import { clearFormErrors, showFailure, showInvalid } from './form.ts';

/** A form model's check: what to send, or the fields to fix. */
export type Checked<V> = ({ readonly ok: true } & V) | { readonly ok: false; readonly errors: FieldErrors };

/**
 * The sidebar forms' submit: a refused check shows its field errors; a passed one clears them and
 * sends with the form busy, and a failed send shows the add-on's error in the box.
 */
export function submitChecked<V>(
  form: HTMLFormElement,
  box: HTMLElement,
  trigger: HTMLButtonElement | null,
  checked: Checked<V>,
  send: (valid: V) => Promise<void>,
): void {
  if (!checked.ok) {
    showInvalid(form, box, checked.errors);
    return;
  }
  clearFormErrors(form, box);
  void withBusy(form, trigger, async () => {
    try {
      await send(checked);
    } catch (error) {
      showFailure(form, box, rpcErrorOf(error, currentLocale()));
    }
  });
}

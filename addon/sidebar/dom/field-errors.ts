import type { FieldErrors } from '../model/field-errors.ts';
import { errorIdOf } from './field.ts';

type Named = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function namedControls(form: HTMLFormElement): Named[] {
  return [...form.elements].filter(
    (el): el is Named => el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement,
  );
}

/** Clears the errors of the form's controls (only those inside `within`, when given). */
export function clearFieldErrors(form: HTMLFormElement, within: Node = form): void {
  for (const control of namedControls(form)) {
    if (!within.contains(control)) continue;
    control.removeAttribute('aria-invalid');
    const slot = document.getElementById(errorIdOf(control));
    if (slot !== null) slot.textContent = '';
  }
}

/**
 * Shows each message next to the control of that name (aria-invalid, its error slot) and focuses
 * the first one (unless `focus` is false: live checks must not steal the caret). Returns the
 * messages no control owns, for the form's error box.
 */
export function showFieldErrors(form: HTMLFormElement, errors: FieldErrors, options: { focus?: boolean; within?: Node } = {}): string[] {
  const within = options.within ?? form;
  clearFieldErrors(form, within);
  const placed = new Set<string>();
  let first: Named | null = null;
  // Document order, so the first invalid control is the one focused.
  for (const control of namedControls(form)) {
    if (!within.contains(control)) continue;
    const message = errors[control.name];
    const slot = document.getElementById(errorIdOf(control));
    if (message === undefined || slot === null || placed.has(control.name)) continue;
    placed.add(control.name);
    control.setAttribute('aria-invalid', 'true');
    slot.textContent = message;
    first ??= control;
  }
  if (options.focus !== false) first?.focus();
  return Object.entries(errors)
    .filter(([name]) => !placed.has(name))
    .map(([, message]) => message);
}

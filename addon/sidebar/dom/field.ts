import { h, uid, type Attrs, type Child } from './h.ts';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FieldOptions {
  readonly label: string;
  readonly control: Control;
  readonly hint?: Child;
  readonly required?: boolean;
  /** Extra class on the wrapper (e.g. `field-inline` for checkboxes). */
  readonly className?: string;
}

/** The id of the element that shows a control's error; field-errors fills it. */
export const errorIdOf = (control: Element): string => `${control.id}-error`;

/**
 * A labelled control with its hint and its error slot, wired for assistive technology:
 * `<label for>`, aria-describedby to the hint and the error, aria-required.
 */
export function field(options: FieldOptions): HTMLElement {
  const { control } = options;
  if (control.id === '') control.id = uid('f');
  const hintId = `${control.id}-hint`;
  const error = h('p', { class: 'field-error', id: errorIdOf(control) });
  const described = [options.hint !== undefined ? hintId : null, error.id].filter((x) => x !== null).join(' ');
  control.setAttribute('aria-describedby', described);
  if (options.required === true) {
    control.setAttribute('aria-required', 'true');
    control.required = true;
  }
  const label = h('label', { for: control.id, class: 'field-label' }, [
    options.label,
    options.required === true ? h('span', { class: 'req', 'aria-hidden': 'true' }, [' *']) : null,
  ]);
  const hint = options.hint !== undefined ? h('p', { class: 'field-hint', id: hintId }, [options.hint]) : null;
  const checkbox = control instanceof HTMLInputElement && control.type === 'checkbox';
  const cls = ['field', checkbox ? 'field-check' : '', options.className ?? ''].filter((c) => c !== '').join(' ');
  return checkbox ? h('div', { class: cls }, [control, label, hint, error]) : h('div', { class: cls }, [label, control, hint, error]);
}

/** An error slot for a control laid out without `field` (cost lines). */
export function errorSlot(control: Control): HTMLElement {
  if (control.id === '') control.id = uid('f');
  control.setAttribute('aria-describedby', errorIdOf(control));
  return h('p', { class: 'field-error', id: errorIdOf(control) });
}

export function textInput(name: string, value: string, attrs: Attrs = {}): HTMLInputElement {
  const el = h('input', { type: 'text', name, class: 'input', autocomplete: 'off', ...attrs });
  el.value = value;
  return el;
}

export function textArea(name: string, value: string, attrs: Attrs = {}): HTMLTextAreaElement {
  const el = h('textarea', { name, class: 'input', rows: 3, ...attrs });
  el.value = value;
  return el;
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function selectInput(name: string, options: readonly Option[], value: string, attrs: Attrs = {}): HTMLSelectElement {
  const el = h('select', { name, class: 'input', ...attrs }, options.map((o) => h('option', { value: o.value }, [o.label])));
  el.value = value;
  return el;
}

export function checkbox(name: string, checked: boolean, attrs: Attrs = {}): HTMLInputElement {
  const el = h('input', { type: 'checkbox', name, class: 'check', ...attrs });
  el.checked = checked;
  return el;
}

import { h } from './h.ts';

/** The small rotating ring; decorative, the text next to it says what is happening. */
export function spinner(): HTMLElement {
  return h('span', { class: 'spinner', 'aria-hidden': 'true' });
}

/** A whole block in its loading state. */
export function loadingBlock(label: string): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, [spinner(), label]);
}

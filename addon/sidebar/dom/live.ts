import { h } from './h.ts';

let region: HTMLElement | null = null;

/** The polite live region every outcome is announced through; created once by main. */
export function liveRegion(): HTMLElement {
  region ??= h('div', { id: 'sidebar-status', class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  return region;
}

/** Tells screen-reader users what just happened (sighted users see it in the view). */
export function announce(text: string): void {
  const el = liveRegion();
  // Clearing first makes the same text announced twice in a row.
  el.textContent = '';
  window.setTimeout(() => {
    el.textContent = text;
  }, 50);
}

import { spinner } from './spinner.ts';

type Control = HTMLButtonElement | HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const CONTROLS = 'button, input, select, textarea';

/**
 * Runs `task` with `scope` in its loading state: aria-busy, every control inside disabled (so
 * nothing is sent twice) and a spinner on the button that started it. Controls that were
 * disabled before stay disabled after.
 */
export async function withBusy<T>(scope: HTMLElement, trigger: HTMLButtonElement | null, task: () => Promise<T>): Promise<T> {
  const controls = [...scope.querySelectorAll<Control>(CONTROLS)].filter((c) => !c.disabled);
  scope.setAttribute('aria-busy', 'true');
  for (const c of controls) c.disabled = true;
  const ring = spinner();
  if (trigger !== null) {
    trigger.classList.add('is-busy');
    trigger.prepend(ring);
  }
  try {
    return await task();
  } finally {
    scope.removeAttribute('aria-busy');
    for (const c of controls) if (c.isConnected) c.disabled = false;
    ring.remove();
    trigger?.classList.remove('is-busy');
  }
}

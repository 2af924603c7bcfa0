import { h } from '../dom/h.ts';
import { t } from '../messages.ts';
import type { AppContext } from './app-context.ts';

/** The two halves of the settings tab: sync & display, and the sheet's mapping (set-up). */
export function settingsSubnav(ctx: AppContext, current: 'settings' | 'setup'): HTMLElement {
  const item = (view: 'settings' | 'setup', label: string): HTMLElement => {
    const button = h('button', { type: 'button', class: 'seg', 'aria-current': view === current ? 'page' : null, 'data-view': view }, [label]);
    button.addEventListener('click', () => {
      if (view !== current) ctx.go(view);
    });
    return button;
  };
  return h('nav', { class: 'segmented', 'aria-label': t('subnavLabel') }, [item('settings', t('subnavSettings')), item('setup', t('subnavSetup'))]);
}

import type { Locale } from '../../../shared/i18n/locale.ts';
import type { SidebarBootstrap, SidebarView } from '../../src/rpc/sidebar-rpc.ts';
import { fill, h } from '../dom/h.ts';
import { panelIdOf, tabIdOf } from '../dom/tabs.ts';
import { currentLocale, setLocale } from '../messages.ts';
import { initialViewOf, tabOfView, visibleTabs, type TabId } from '../model/views.model.ts';
import type { SidebarClient } from '../rpc-client.ts';
import type { AppContext, View } from './app-context.ts';
import { appHeader } from './app-header.ts';
import { approvalsView } from './approvals.view.ts';
import { dealView } from './deal.view.ts';
import { requestView } from './request.view.ts';
import { settingsView } from './settings.view.ts';
import { setupView } from './setup.view.ts';
import { visitView } from './visit.view.ts';

const TAB_IDS: readonly TabId[] = ['deal', 'visit', 'request', 'approvals', 'settings'];

/** Draws the whole sidebar into `root` in the bootstrap's language, opening `view` (or the one the menu asked for). */
export function mountApp(root: HTMLElement, rpc: SidebarClient, first: SidebarBootstrap, view?: SidebarView): void {
  let boot = first;
  let current: SidebarView = view ?? initialViewOf(boot);
  setLocale(boot.locale);
  document.documentElement.lang = boot.locale;

  const remount = (locale: Locale): void => mountApp(root, rpc, { ...boot, locale }, 'settings');

  const ctx: AppContext = {
    rpc,
    boot: () => boot,
    go: (next, focus = false) => go(next, focus),
    sheetChanged: () => {
      // The card shows the sheet's row; everything else reloads when it is next opened.
      if (current === 'deal') views.deal.show();
    },
    refreshBoot: async () => {
      let fresh: SidebarBootstrap;
      try {
        fresh = await rpc.sidebarBootstrap();
      } catch {
        // What was asked for already happened; the old bootstrap stays until the next try.
        return false;
      }
      boot = fresh;
      if (fresh.locale !== currentLocale()) {
        remount(fresh.locale);
        return true;
      }
      // Roles can change (the first sync grants them): the approval tab may come or go.
      const stays = visibleTabs(boot).includes(tabOfView(current));
      header.update(boot, stays ? tabOfView(current) : 'deal');
      if (!stays) go('deal', false);
      return true;
    },
    autoSyncChanged: (autoSync) => {
      boot = { ...boot, autoSync };
      header.updateBanner(boot);
    },
  };

  const views: Readonly<Record<SidebarView, View>> = {
    deal: dealView(ctx),
    visit: visitView(ctx),
    request: requestView(ctx),
    approvals: approvalsView(ctx),
    setup: setupView(ctx),
    settings: settingsView(ctx, remount),
  };

  const panelOf = (tab: TabId): HTMLElement => h('div', { role: 'tabpanel', id: panelIdOf(tab), 'aria-labelledby': tabIdOf(tab), class: 'panel', hidden: true });
  const panels: Readonly<Record<TabId, HTMLElement>> = {
    deal: panelOf('deal'),
    visit: panelOf('visit'),
    request: panelOf('request'),
    approvals: panelOf('approvals'),
    settings: panelOf('settings'),
  };
  panels.deal.append(views.deal.el);
  panels.visit.append(views.visit.el);
  panels.request.append(views.request.el);
  panels.approvals.append(views.approvals.el);
  panels.settings.append(views.settings.el, views.setup.el);

  const header = appHeader(ctx, (tab) => go(tab, false));

  function go(next: SidebarView, focus: boolean): void {
    const tab = tabOfView(next);
    if (!visibleTabs(boot).includes(tab)) return;
    current = next;
    header.select(tab, focus);
    for (const id of TAB_IDS) panels[id].hidden = id !== tab;
    views.settings.el.hidden = next !== 'settings';
    views.setup.el.hidden = next !== 'setup';
    views[next].show();
  }

  fill(root, [header.el, h('main', { class: 'app-main' }, TAB_IDS.map((id) => panels[id]))]);
  root.removeAttribute('aria-busy');
  header.update(boot, tabOfView(current));
  go(current, false);
}

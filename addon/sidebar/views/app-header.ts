import type { SidebarBootstrap } from '../../src/rpc/sidebar-rpc.ts';
import { withBusy } from '../dom/busy.ts';
import { fill, h } from '../dom/h.ts';
import { announce } from '../dom/live.ts';
import { errorNotice, successNotice, type NoticeAction } from '../dom/notice.ts';
import { loadingBlock } from '../dom/spinner.ts';
import { tabList, type Tabs } from '../dom/tabs.ts';
import { currentLocale, t } from '../messages.ts';
import { autoSyncOff, TAB_LABEL, visibleTabs, type TabId } from '../model/views.model.ts';
import { rpcErrorOf } from '../rpc-client.ts';
import type { AppContext } from './app-context.ts';
import { syncResult } from './sync-result.render.ts';

export interface Header {
  readonly el: HTMLElement;
  /** Redraws what depends on the bootstrap: the tabs (roles) and the banners. */
  update(boot: SidebarBootstrap, selected: TabId): void;
  /** Redraws the banners only: the offline one and the person's automatic sync being off. */
  updateBanner(boot: SidebarBootstrap): void;
  select(tab: TabId, focus: boolean): void;
}

/** The sheet's name, "sync now" with its progress and result, the offline banner and the tabs. */
export function appHeader(ctx: AppContext, onTab: (tab: TabId) => void): Header {
  const syncButton = h('button', { type: 'button', class: 'btn btn-small btn-sync', 'data-action': 'sync-now' }, [t('syncNow')]);
  const title = h('p', { class: 'app-title' });
  const top = h('div', { class: 'app-top' }, [title, syncButton]);
  const banner = h('div', { class: 'banner-slot' });
  const tabSlot = h('div', { class: 'tab-slot' });
  const syncPanel = h('div', { class: 'sync-panel' });
  const el = h('header', { class: 'app-header' }, [top, banner, tabSlot, syncPanel]);
  let tabs: Tabs<TabId> | null = null;

  const dismiss: NoticeAction = { label: t('close'), onClick: () => fill(syncPanel, []) };

  syncButton.addEventListener('click', () => {
    fill(syncPanel, [loadingBlock(t('syncing'))]);
    syncPanel.setAttribute('aria-busy', 'true');
    void withBusy(top, syncButton, async () => {
      try {
        const outcome = await ctx.rpc.sidebarSyncNow();
        const notice = successNotice(t('syncDone'), syncResult(outcome), [dismiss]);
        fill(syncPanel, [notice]);
        announce(`${t('syncDone')}. ${notice.querySelector('.notice-line')?.textContent ?? ''}`);
        // The first sync grants roles (the approval tab may appear); every sync may change the card.
        if (ctx.boot().roles.length === 0) await ctx.refreshBoot();
        ctx.sheetChanged();
      } catch (error) {
        const rpcError = rpcErrorOf(error, currentLocale());
        const actions: NoticeAction[] = rpcError.code === 'not_set_up' ? [{ label: t('startSetup'), onClick: () => ctx.go('setup', true), primary: true }, dismiss] : [dismiss];
        fill(syncPanel, [errorNotice(rpcError, actions)]);
      } finally {
        syncPanel.removeAttribute('aria-busy');
      }
    });
  });

  const autoSyncNote = (): HTMLElement => {
    const open = h('button', { type: 'button', class: 'btn btn-small btn-quiet', 'data-action': 'open-settings' }, [t('openSettings')]);
    open.addEventListener('click', () => ctx.go('settings', true));
    return h('p', { class: 'auto-sync-off small muted', 'data-note': 'auto-sync-off' }, [h('span', {}, [t('autoSyncOff')]), open]);
  };

  const updateBanner = (boot: SidebarBootstrap): void => {
    fill(banner, [
      boot.serviceReachable
        ? null
        : errorNotice({ code: 'unreachable', message: t('offlineBanner') }, [{ label: t('retry'), onClick: () => void ctx.refreshBoot() }]),
      boot.serviceReachable && autoSyncOff(boot) ? autoSyncNote() : null,
    ]);
  };

  return {
    el,
    updateBanner,
    update(boot, selected) {
      title.textContent = boot.spreadsheetName;
      title.title = boot.spreadsheetName;
      updateBanner(boot);
      tabs = tabList(t('viewsLabel'), visibleTabs(boot).map((id) => ({ id, label: t(TAB_LABEL[id]) })), onTab);
      fill(tabSlot, [tabs.el]);
      tabs.select(selected);
    },
    select(tab, focus) {
      tabs?.select(tab, focus);
    },
  };
}

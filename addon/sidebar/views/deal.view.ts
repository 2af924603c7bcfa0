import type { DealCard, RpcError } from '../../src/rpc/sidebar-rpc.ts';
import { withBusy } from '../dom/busy.ts';
import { fill, h } from '../dom/h.ts';
import { announce } from '../dom/live.ts';
import { createLoader } from '../dom/loader.ts';
import { emptyState, errorNotice, successNotice } from '../dom/notice.ts';
import { currentLocale, t } from '../messages.ts';
import { rpcErrorOf } from '../rpc-client.ts';
import type { AppContext, View } from './app-context.ts';
import { renderDealCard } from './deal-card.render.ts';
import { loadFailure } from './not-set-up.ts';

/** The card of the deal on the active row; reloaded whenever it is shown or refreshed. */
export function dealView(ctx: AppContext): View {
  const body = h('div', { class: 'view-body', 'aria-live': 'off' });
  const notice = h('div', { class: 'view-notice' });
  const refresh = h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'refresh' }, [t('refresh')]);
  const flagged = h('button', { type: 'button', class: 'btn btn-small btn-quiet', 'data-action': 'show-flagged' }, [t('showFlagged')]);
  const toolbar = h('div', { class: 'toolbar' }, [refresh, flagged]);
  const el = h('div', { class: 'view view-deal' }, [toolbar, h('p', { class: 'muted small hint-line' }, [t('refreshHint')]), notice, body]);
  const load = createLoader(body);

  const renderCard = (card: DealCard): void => {
    const boot = ctx.boot();
    const logVisit = h('button', { type: 'button', class: 'btn btn-primary', 'data-action': 'log-visit' }, [t('logVisit')]);
    const newRequest = h('button', { type: 'button', class: 'btn', 'data-action': 'new-request' }, [t('newRequest')]);
    logVisit.addEventListener('click', () => ctx.go('visit'));
    newRequest.addEventListener('click', () => ctx.go('request'));
    fill(body, [renderDealCard(card, boot), h('div', { class: 'form-actions' }, [logVisit, newRequest])]);
  };

  const renderError = (error: RpcError): void => {
    if (error.code === 'no_deal_row') fill(body, [emptyState(t('noDealRowTitle'), `${error.message} ${t('noDealRowBody')}`.trim())]);
    else fill(body, [loadFailure(ctx, error, () => void reload())]);
  };

  const reload = (): Promise<void> => load(() => ctx.rpc.sidebarDealCard(), renderCard, renderError);

  refresh.addEventListener('click', () => {
    fill(notice, []);
    void withBusy(toolbar, refresh, reload).then(() => announce(t('refreshed')));
  });
  flagged.addEventListener('click', () => {
    fill(notice, []);
    void withBusy(toolbar, flagged, async () => {
      try {
        const shown = await ctx.rpc.sidebarShowFlagged();
        const text = t('flaggedShown', { sheet: shown.sheet, count: shown.flaggedRows });
        fill(notice, [successNotice(text)]);
      } catch (error) {
        fill(notice, [errorNotice(rpcErrorOf(error, currentLocale()))]);
      }
    });
  });

  return {
    el,
    show() {
      fill(notice, []);
      void reload();
    },
  };
}

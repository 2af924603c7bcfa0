import type { ApprovalItem } from '../../src/rpc/sidebar-rpc.ts';
import { withBusy } from '../dom/busy.ts';
import { clearFormErrors, showFailure, showInvalid, submitterOf } from '../dom/form.ts';
import { fill, h, uid } from '../dom/h.ts';
import { announce } from '../dom/live.ts';
import { createLoader } from '../dom/loader.ts';
import { emptyState, errorNotice, successNotice } from '../dom/notice.ts';
import { currentLocale, t } from '../messages.ts';
import { DECIDED_LABEL, decisionFormOf, isDecisionAction } from '../model/decision.model.ts';
import { rpcErrorOf } from '../rpc-client.ts';
import type { AppContext, View } from './app-context.ts';
import { approvalCard } from './approval-item.render.ts';
import { loadFailure } from './not-set-up.ts';

/** The requests awaiting the person's decision; approve, return or reject each with a comment. */
export function approvalsView(ctx: AppContext): View {
  const headingId = uid('queue');
  const reloadButton = h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'reload' }, [t('reload')]);
  const notice = h('div', { class: 'view-notice' });
  const list = h('div', { class: 'queue' });
  const head = h('div', { class: 'view-head' }, [h('h2', { class: 'view-title', id: headingId }, [t('approvalsHeading')]), reloadButton]);
  const el = h('section', { class: 'view view-approvals', 'aria-labelledby': headingId }, [
    head,
    notice,
    list,
  ]);
  const load = createLoader(list);

  const decide = (item: ApprovalItem, event: SubmitEvent, card: ReturnType<typeof approvalCard>): void => {
    event.preventDefault();
    const trigger = submitterOf(event, card.form);
    const action = trigger?.value ?? '';
    if (!isDecisionAction(action)) return;
    const checked = decisionFormOf(item, action, card.comment.value, currentLocale());
    if (!checked.ok) {
      showInvalid(card.form, card.box, checked.errors);
      return;
    }
    clearFormErrors(card.form, card.box);
    void withBusy(card.el, trigger, async () => {
      try {
        await ctx.rpc.sidebarDecide(checked.form);
        ctx.sheetChanged();
        const done = t(DECIDED_LABEL[action]);
        fill(notice, [successNotice(`${done}: ${item.typeLabel}${item.account === null ? '' : ` · ${item.account}`}`)]);
        announce(done);
        await reload();
        focusNotice();
      } catch (error) {
        const rpcError = rpcErrorOf(error, currentLocale());
        if (rpcError.code === 'conflict') {
          // Someone decided first: what is on screen is out of date, so show the list as it is now.
          fill(notice, [errorNotice({ code: 'conflict', message: t('conflictReloaded') }, [], rpcError.message === '' ? [] : [rpcError.message])]);
          announce(t('conflictReloaded'));
          await reload();
          focusNotice();
        } else showFailure(card.form, card.box, rpcError);
      }
    });
  };

  // The decided card is gone: the keyboard continues from the outcome at the top.
  const focusNotice = (): void => {
    const shown = notice.firstElementChild;
    if (shown instanceof HTMLElement) {
      shown.tabIndex = -1;
      shown.focus();
    }
  };

  const render = (items: readonly ApprovalItem[]): void => {
    if (items.length === 0) {
      fill(list, [emptyState(t('approvalsEmpty'), '')]);
      return;
    }
    const timeZone = ctx.boot().timeZone;
    fill(
      list,
      items.map((item) => {
        const card = approvalCard(item, timeZone);
        card.form.addEventListener('submit', (event) => decide(item, event, card));
        return card.el;
      }),
    );
  };

  const reload = (): Promise<void> => load(() => ctx.rpc.sidebarApprovalQueue(), render, (error) => fill(list, [loadFailure(ctx, error, () => void reload())]));

  reloadButton.addEventListener('click', () => {
    fill(notice, []);
    void withBusy(head, reloadButton, reload);
  });

  return {
    el,
    show() {
      fill(notice, []);
      void reload();
    },
  };
}

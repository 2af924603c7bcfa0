import { ROLE_LABELS } from '../../../shared/cost/role-labels.ts';
import { REQUEST_STATE_LABELS } from '../../../shared/requests/request-state.ts';
import type { ApprovalItem, DecisionAction, WinWinView } from '../../src/rpc/sidebar-rpc.ts';
import { field, textArea } from '../dom/field.ts';
import { h, uid } from '../dom/h.ts';
import { currentLocale, t } from '../messages.ts';
import { ACTION_LABEL, DECISION_ACTIONS } from '../model/decision.model.ts';
import { formatInstant, formatPercent, formatYen } from '../model/format.ts';
import { flagList } from './flag-list.render.ts';

export interface ApprovalCard {
  readonly el: HTMLElement;
  readonly form: HTMLFormElement;
  readonly comment: HTMLTextAreaElement;
  /** Where this item's error or outcome is shown. */
  readonly box: HTMLElement;
}

function block(title: string, body: HTMLElement | string | null): HTMLElement {
  return h('div', { class: 'block' }, [
    h('p', { class: 'block-title' }, [title]),
    body === null ? h('p', { class: 'block-missing' }, [t('notWritten')]) : typeof body === 'string' ? h('p', { class: 'prewrap' }, [body]) : body,
  ]);
}

function costTable(item: ApprovalItem): HTMLElement {
  return h('table', { class: 'cost-table' }, [
    h('tbody', {}, [
      ...item.costLines.map((line) =>
        h('tr', {}, [h('th', { scope: 'row' }, [line.label, h('span', { class: 'cost-detail' }, [line.detail])]), h('td', { class: 'num' }, [formatYen(line.amount)])]),
      ),
      h('tr', { class: 'cost-total' }, [h('th', { scope: 'row' }, [t('total')]), h('td', { class: 'num' }, [formatYen(item.total)])]),
    ]),
  ]);
}

function steps(item: ApprovalItem): HTMLElement {
  const locale = currentLocale();
  return h(
    'ol',
    { class: 'steps' },
    item.steps.map((role) => {
      const now = role === item.step;
      return h('li', { class: now ? 'step step-now' : 'step', 'aria-current': now ? 'step' : null }, [
        ROLE_LABELS[role][locale],
        now ? h('span', { class: 'visually-hidden' }, [` (${t('currentStep')})`]) : null,
      ]);
    }),
  );
}

function winWin(view: WinWinView | null): HTMLElement | null {
  if (view === null) return null;
  const share = view.share === null ? t('noRevenue') : t('shareVsThreshold', { share: formatPercent(view.share), threshold: formatPercent(view.threshold) });
  return h('div', { class: view.over ? 'winwin winwin-over' : 'winwin' }, [
    h('p', { class: 'block-title' }, [
      t('winWinHeading', { months: view.months }),
      view.over ? h('span', { class: 'badge badge-warning badge-inline' }, [t('overThreshold')]) : null,
    ]),
    h('dl', { class: 'facts facts-compact' }, [
      h('div', { class: 'fact' }, [h('dt', {}, [t('specialCost')]), h('dd', { class: 'num' }, [formatYen(view.specialCost)])]),
      h('div', { class: 'fact' }, [h('dt', {}, [t('wonRevenue')]), h('dd', { class: 'num' }, [formatYen(view.wonRevenue)])]),
      h('div', { class: 'fact' }, [h('dt', {}, [t('share')]), h('dd', {}, [share])]),
    ]),
  ]);
}

const BUTTON_CLASS: Readonly<Record<DecisionAction, string>> = { approve: 'btn btn-primary', return: 'btn', reject: 'btn btn-danger' };

/** One pending request with everything it is judged on, and the decision form. */
export function approvalCard(item: ApprovalItem, timeZone: string): ApprovalCard {
  const locale = currentLocale();
  const titleId = uid('appr');
  const subject = [item.account, item.dealTitle].filter((x) => x !== null).join(' · ');
  const comment = textArea('comment', '', { rows: 2, maxlength: 2000 });
  const box = h('div', { class: 'form-error' });
  const buttons = DECISION_ACTIONS.map((action) => h('button', { type: 'submit', name: 'action', value: action, class: BUTTON_CLASS[action] }, [t(ACTION_LABEL[action])]));
  const form = h('form', { class: 'decision', novalidate: true, 'aria-labelledby': titleId }, [
    field({ label: t('comment'), control: comment, hint: t('commentHint') }),
    box,
    h('div', { class: 'form-actions' }, buttons),
  ]);
  const el = h('article', { class: 'card approval', 'aria-labelledby': titleId, 'data-request-id': item.requestId }, [
    h('header', { class: 'card-head' }, [
      h('p', { class: 'card-kicker' }, [h('span', { class: 'pill' }, [item.typeLabel]), ' ', h('span', { class: 'muted small' }, [REQUEST_STATE_LABELS[item.state][locale]])]),
      h('h3', { class: 'card-title', id: titleId }, [subject === '' ? item.typeLabel : subject]),
      h('p', { class: 'muted small' }, [
        [item.requester === null ? null : `${t('requester')}: ${item.requester}`, item.submittedAt === null ? null : formatInstant(item.submittedAt, timeZone, locale)]
          .filter((x) => x !== null)
          .join(' · '),
      ]),
    ]),
    item.flags.length === 0 ? null : flagList(item.flags),
    block(t('backgroundLabel'), item.background),
    block(t('descriptionLabel'), item.description),
    block(t('alternativeLabel'), item.alternative),
    block(t('costBreakdown'), costTable(item)),
    winWin(item.winWin),
    block(t('approvalSteps'), steps(item)),
    form,
  ]);
  return { el, form, comment, box };
}

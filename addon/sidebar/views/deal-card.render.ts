import type { DealCard, FeedItem, VisitSummary } from '../../src/rpc/sidebar-rpc.ts';
import { h, uid, type Child } from '../dom/h.ts';
import { currentLocale, t, type MessageKey } from '../messages.ts';
import { formatDate, formatDays, formatInstant, isOverdue } from '../model/format.ts';
import { flagList } from './flag-list.render.ts';

export interface CardEnv {
  readonly today: string;
  readonly timeZone: string;
}

const BALL_LABEL = { us: 'ballUs', customer: 'ballCustomer' } as const;

function fact(label: string, value: readonly Child[]): HTMLElement {
  return h('div', { class: 'fact' }, [h('dt', {}, [label]), h('dd', {}, value)]);
}

function stageFact(card: DealCard): HTMLElement {
  const locale = currentLocale();
  if (card.stage === null) return fact(t('stage'), [h('span', { class: 'muted' }, [t('noStage')])]);
  return fact(t('stage'), [
    h('span', { class: 'pill', 'data-stage': card.stage.code }, [card.stage.label]),
    card.daysInStage === null ? null : h('span', { class: 'fact-strong' }, [' ', t('daysInStage', { days: formatDays(card.daysInStage, locale) })]),
    card.enteredStageOn === null ? null : h('span', { class: 'muted small fact-sub' }, [t('since', { date: formatDate(card.enteredStageOn, locale) })]),
  ]);
}

function ballFact(card: DealCard): HTMLElement {
  const locale = currentLocale();
  if (card.ball === null) return fact(t('ball'), [h('span', { class: 'muted' }, [t('ballUnknown')])]);
  const who = t(BALL_LABEL[card.ball]);
  return fact(t('ball'), [
    h('span', { class: `ball ball-${card.ball}` }, [who]),
    card.ballDays === null ? null : h('span', { class: 'fact-strong' }, [' ', formatDays(card.ballDays, locale)]),
    card.ballSince === null ? null : h('span', { class: 'muted small fact-sub' }, [t('since', { date: formatDate(card.ballSince, locale) })]),
  ]);
}

function nextActionFact(card: DealCard, env: CardEnv): HTMLElement {
  const locale = currentLocale();
  const overdue = isOverdue(card.nextActionOn, env.today);
  return fact(t('nextAction'), [
    card.nextAction === null ? h('span', { class: 'muted' }, [t('notSet')]) : h('span', { class: 'prewrap' }, [card.nextAction]),
    card.nextActionOn === null
      ? null
      : h('span', { class: overdue ? 'due due-overdue fact-sub' : 'due muted small fact-sub' }, [
          t('due', { date: formatDate(card.nextActionOn, locale) }),
          overdue ? h('span', { class: 'badge badge-stale badge-inline' }, [t('overdue')]) : null,
        ]),
  ]);
}

function visitItem(visit: VisitSummary): HTMLElement {
  const locale = currentLocale();
  const lines: [MessageKey, string | null][] = [
    ['visitMetLine', visit.met],
    ['visitAskedLine', visit.customerAsked],
    ['visitNextLine', visit.nextAction],
  ];
  return h('li', { class: 'timeline-item' }, [
    h('p', { class: 'timeline-head' }, [
      h('span', { class: 'timeline-date' }, [formatDate(visit.visitedOn, locale)]),
      visit.owner === null ? null : h('span', { class: 'muted' }, [` · ${visit.owner}`]),
    ]),
    visit.discussed === null ? null : h('p', { class: 'timeline-text clamp' }, [visit.discussed]),
    ...lines
      .filter((line): line is [MessageKey, string] => line[1] !== null)
      .map(([key, text]) => h('p', { class: 'timeline-text muted clamp' }, [t(key, { text })])),
  ]);
}

function feedItem(item: FeedItem, env: CardEnv): HTMLElement {
  return h('li', { class: 'timeline-item' }, [
    h('p', { class: 'timeline-head' }, [
      h('span', { class: 'timeline-date' }, [formatInstant(item.at, env.timeZone, currentLocale())]),
      item.actor === null ? null : h('span', { class: 'muted' }, [` · ${item.actor}`]),
    ]),
    h('p', { class: 'timeline-text' }, [item.text]),
  ]);
}

function section(title: string, body: HTMLElement): HTMLElement {
  const id = uid('sec');
  return h('section', { class: 'card-section', 'aria-labelledby': id }, [h('h3', { id, class: 'section-title' }, [title]), body]);
}

/** The deal card: where the deal stands, who holds the ball, what is flagged and why, what happened. */
export function renderDealCard(card: DealCard, env: CardEnv): HTMLElement {
  const titleId = uid('deal');
  const who = [card.account, card.owner === null ? null : `${t('owner')}: ${card.owner}`].filter((x) => x !== null).join(' · ');
  return h('article', { class: 'card deal-card', 'aria-labelledby': titleId, 'data-deal-id': card.dealId }, [
    h('header', { class: 'card-head' }, [
      h('h2', { class: 'card-title', id: titleId }, [card.title ?? t('untitledDeal')]),
      who === '' ? null : h('p', { class: 'card-sub' }, [who]),
      h('p', { class: 'muted small' }, [t('rowOf', { sheet: card.sheet, row: card.row })]),
    ]),
    h('dl', { class: 'facts' }, [stageFact(card), ballFact(card), nextActionFact(card, env)]),
    section(t('flags'), flagList(card.flags)),
    section(
      t('recentVisits'),
      card.recentVisits.length === 0 ? h('p', { class: 'muted small' }, [t('noVisits')]) : h('ol', { class: 'timeline' }, card.recentVisits.map(visitItem)),
    ),
    section(
      t('feed'),
      card.feed.length === 0 ? h('p', { class: 'muted small' }, [t('noFeed')]) : h('ol', { class: 'timeline' }, card.feed.map((item) => feedItem(item, env))),
    ),
  ]);
}

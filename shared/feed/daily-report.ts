import { dayOfWeek, type IsoDate } from '../calendar/iso-date.ts';
import { format, type Locale, type Message, type MessageParams } from '../i18n/locale.ts';
import type { Ball } from '../records/ball.ts';

/** One visit of the day, as the report shows it. */
export interface DailyReportVisit {
  readonly visitedOn: IsoDate;
  readonly account: string | null;
  readonly dealTitle: string | null;
  /** Whom we met on the customer's side. */
  readonly met: string | null;
  /** Our own attendees. */
  readonly attendees: string | null;
  readonly discussed: string | null;
  readonly customerAsked: string | null;
  readonly nextAction: string | null;
  readonly nextActionOn: IsoDate | null;
  readonly ballAfter: Ball | null;
}

export interface DailyReportInput {
  readonly date: IsoDate;
  /** The rep, as the sheet names them. */
  readonly owner: string;
  readonly visits: readonly DailyReportVisit[];
}

const REPORT_MESSAGES = Object.freeze({
  header: { ja: '【日報】{date} {owner}', en: 'Daily report — {date} — {owner}' },
  visits: { ja: '■ 訪問 {count}件', en: '■ Visits ({count})' },
  none: { ja: '本日の訪問記録はありません。', en: 'No visits logged for the day.' },
  met: { ja: '面談者: {text}', en: 'Met: {text}' },
  attendees: { ja: '同行者: {text}', en: 'Our attendees: {text}' },
  discussed: { ja: '内容: {text}', en: 'Discussed: {text}' },
  asked: { ja: '★お客様の要望: {text}', en: '★ Customer asked: {text}' },
  next: { ja: '次回: {action}', en: 'Next: {action}' },
  nextDated: { ja: '次回: {action}({date})', en: 'Next: {action} (by {date})' },
  ballUs: { ja: 'ボール: 自社', en: 'Ball: with us' },
  ballCustomer: { ja: 'ボール: お客様', en: 'Ball: with the customer' },
  nextActions: { ja: '■ 次回アクション', en: '■ Next actions' },
  nextItem: { ja: '・{date} {subject}: {action}', en: '- {date} {subject}: {action}' },
  undated: { ja: '期日未定', en: 'no date' },
  voice: { ja: '■ お客様の要望', en: '■ What customers asked for' },
  voiceItem: { ja: '★{subject}: {text}', en: '★ {subject}: {text}' },
  subjectBoth: { ja: '{account}「{title}」', en: '{account} — "{title}"' },
  subjectTitle: { ja: '「{title}」', en: '"{title}"' },
  subjectAccount: { ja: '{account}', en: '{account}' },
  subjectNone: { ja: '(顧客未記入)', en: '(no customer given)' },
} satisfies Record<string, Message>);

const t = (key: keyof typeof REPORT_MESSAGES, locale: Locale, params: MessageParams = {}): string => format(REPORT_MESSAGES[key][locale], params);

const WEEKDAYS: Readonly<Record<Locale, readonly string[]>> = {
  ja: ['日', '月', '火', '水', '木', '金', '土'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

/** `2026年11月20日(金)` / `Fri 2026-11-20`. */
export function reportDate(date: IsoDate, locale: Locale): string {
  const weekday = WEEKDAYS[locale][dayOfWeek(date)] ?? '';
  if (locale === 'en') return `${weekday} ${date}`;
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日(${weekday})`;
}

function subjectOf(visit: DailyReportVisit, locale: Locale): string {
  const account = visit.account === null ? null : oneLine(visit.account);
  const title = visit.dealTitle === null ? null : oneLine(visit.dealTitle);
  if (account !== null && title !== null) return t('subjectBoth', locale, { account, title });
  if (title !== null) return t('subjectTitle', locale, { title });
  if (account !== null) return t('subjectAccount', locale, { account });
  return t('subjectNone', locale);
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' / ');

/** A field under a numbered visit: continuation lines keep the block's indent. */
const field = (text: string): string => `   ${text.split('\n').join('\n     ')}`;

/**
 * The day's visits of one rep as a report ready to paste: a header with the date and the rep,
 * one block per visit, then the next actions by date and what customers asked for.
 */
export function renderDailyReport(input: DailyReportInput, locale: Locale): string {
  const lines = [t('header', locale, { date: reportDate(input.date, locale), owner: oneLine(input.owner) }), ''];
  if (input.visits.length === 0) return `${[...lines, t('none', locale)].join('\n')}\n`;

  lines.push(t('visits', locale, { count: input.visits.length }));
  input.visits.forEach((visit, i) => {
    lines.push(`${i + 1}. ${subjectOf(visit, locale)}`);
    if (visit.met !== null) lines.push(field(t('met', locale, { text: visit.met })));
    if (visit.attendees !== null) lines.push(field(t('attendees', locale, { text: visit.attendees })));
    if (visit.discussed !== null) lines.push(field(t('discussed', locale, { text: visit.discussed })));
    if (visit.customerAsked !== null) lines.push(field(t('asked', locale, { text: visit.customerAsked })));
    if (visit.nextAction !== null) {
      lines.push(
        field(
          visit.nextActionOn === null
            ? t('next', locale, { action: visit.nextAction })
            : t('nextDated', locale, { action: visit.nextAction, date: reportDate(visit.nextActionOn, locale) }),
        ),
      );
    }
    if (visit.ballAfter !== null) lines.push(field(t(visit.ballAfter === 'us' ? 'ballUs' : 'ballCustomer', locale)));
    lines.push('');
  });

  // Dated actions first, earliest first; undated ones after, in visit order (the sort is stable).
  const next = input.visits
    .filter((v) => v.nextAction !== null)
    .sort((a, b) => (a.nextActionOn === b.nextActionOn ? 0 : a.nextActionOn === null ? 1 : b.nextActionOn === null ? -1 : a.nextActionOn < b.nextActionOn ? -1 : 1));
  if (next.length > 0) {
    lines.push(t('nextActions', locale));
    for (const v of next) {
      const date = v.nextActionOn === null ? t('undated', locale) : reportDate(v.nextActionOn, locale);
      lines.push(t('nextItem', locale, { date, subject: subjectOf(v, locale), action: oneLine(v.nextAction ?? '') }));
    }
    lines.push('');
  }

  const asked = input.visits.filter((v) => v.customerAsked !== null);
  if (asked.length > 0) {
    lines.push(t('voice', locale));
    for (const v of asked) lines.push(t('voiceItem', locale, { subject: subjectOf(v, locale), text: oneLine(v.customerAsked ?? '') }));
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

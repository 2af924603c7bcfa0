import { FLAG_MESSAGES, type FlagMessage } from '../flags/flag-messages.ts';
import { format, type Locale } from '../i18n/locale.ts';
import { formatYen } from '../cost/format-yen.ts';
import { FEED_MESSAGES, REQUEST_ACTION_MESSAGES, REQUEST_STATE_MESSAGES, REQUEST_TYPE_MESSAGES } from './feed-messages.ts';
import { readFlagRaised, readRequestEvent, readStageChanged, readVisitLogged, type RaisedFlag } from './feed-payloads.ts';
import { stageName } from './stage-name.ts';

/** One stored feed entry as the renderer needs it. */
export interface FeedEntryView {
  readonly kind: string;
  /** Email of who did it; null for what the sync did. */
  readonly actor: string | null;
  /** The deal's title now (it may have been renamed since); null when the entry has no deal. */
  readonly dealTitle: string | null;
  readonly account: string | null;
  readonly payload: unknown;
}

/** Flag messages by code: the deal flags, plus whatever other features raise (request cost flags). */
export type FlagCatalogue = Readonly<Record<string, FlagMessage>>;

const t = (key: keyof typeof FEED_MESSAGES, locale: Locale, params: Readonly<Record<string, string | number>> = {}): string =>
  format(FEED_MESSAGES[key][locale], params);

/** How an entry names its deal and account: 「title」(account), 「title」, or the account. */
export function feedSubject(title: string | null, account: string | null, locale: Locale): string {
  if (title !== null && account !== null) return t('subjectDealAccount', locale, { title, account });
  if (title !== null) return t('subjectDeal', locale, { title });
  if (account !== null) return t('subjectAccount', locale, { account });
  return t('subjectUnknown', locale);
}

/** A raised flag as `label(reason)`, or its code when no catalogue knows it. */
export function flagText(flag: RaisedFlag, locale: Locale, catalogue: FlagCatalogue = FLAG_MESSAGES): string {
  const message = catalogue[flag.code];
  if (message === undefined) return flag.code;
  const label = message.label[locale];
  const reason = format(message.reason[locale], flag.params);
  // A reason with a placeholder left unfilled says less than the label alone.
  return /\{\w+\}/.test(reason) ? label : t('flagWithReason', locale, { label, reason });
}

function stageChanged(entry: FeedEntryView, subject: string, locale: Locale): string {
  const p = readStageChanged(entry.payload);
  const from = stageName(p.fromStage, p.fromLabel, locale);
  const to = stageName(p.toStage, p.toLabel, locale);
  const date = p.enteredOn ?? '';
  if (to === null) return t('stageCleared', locale, { subject, from: from ?? t('noStage', locale) });
  if (from === null) return t('stageEntered', locale, { subject, to, date });
  return t('stageChanged', locale, { subject, from, to, date });
}

function flagRaised(entry: FeedEntryView, subject: string, locale: Locale, catalogue: FlagCatalogue): string {
  const p = readFlagRaised(entry.payload);
  const flags = p.raised.map((f) => flagText(f, locale, catalogue)).join(locale === 'ja' ? '、' : '; ');
  return t('flagRaised', locale, { subject, flags });
}

function visitLogged(entry: FeedEntryView, subject: string, locale: Locale): string {
  const p = readVisitLogged(entry.payload);
  const who = p.owner ?? entry.actor ?? t('someone', locale);
  const parts = [p.visitedOn === null ? t('visitLoggedUndated', locale, { who, subject }) : t('visitLogged', locale, { who, subject, date: p.visitedOn })];
  if (p.met !== null) parts.push(t('visitMet', locale, { text: oneLine(p.met) }));
  if (p.customerAsked !== null) parts.push(t('visitAsked', locale, { text: oneLine(p.customerAsked) }));
  else if (p.askedSomething) parts.push(t('visitAskedSomething', locale));
  if (p.nextAction !== null) {
    parts.push(
      p.nextActionOn === null
        ? t('visitNext', locale, { action: oneLine(p.nextAction) })
        : t('visitNextDated', locale, { action: oneLine(p.nextAction), date: p.nextActionOn }),
    );
  }
  if (p.ballAfter !== null) parts.push(t('visitBall', locale, { ball: t(p.ballAfter === 'us' ? 'ballUs' : 'ballCustomer', locale) }));
  return parts.join(locale === 'ja' ? '。' : '. ');
}

function requestEvent(entry: FeedEntryView, subject: string, locale: Locale): string {
  const p = readRequestEvent(entry.payload);
  const typeMessage = p.type === null ? undefined : REQUEST_TYPE_MESSAGES[p.type];
  // The team's own label reads in the team's language; an English reader gets the English name.
  const type = typeMessage !== undefined && (locale === 'en' || p.typeLabel === null) ? typeMessage[locale] : p.typeLabel;
  let request = type === null ? t('requestNoun', locale) : t('requestTyped', locale, { type });
  if (p.cost !== null) request = t('requestCost', locale, { request, cost: formatYen(p.cost) });
  const actionMessage = (p.action === null ? undefined : REQUEST_ACTION_MESSAGES[p.action]) ?? (p.to === null ? undefined : REQUEST_STATE_MESSAGES[p.to]);
  const action = actionMessage?.[locale] ?? t('requestUpdated', locale);
  const parts = [t('requestEvent', locale, { subject, request, action }) + (entry.actor === null ? '' : t('requestBy', locale, { who: entry.actor }))];
  if (p.comment !== null) parts.push(t('requestComment', locale, { text: oneLine(p.comment) }));
  return parts.join(locale === 'ja' ? '。' : '. ');
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' / ');

/**
 * One feed entry as a sentence in the reader's language, from its stored payload. The deal's
 * current title wins over the one stored with the entry, so a renamed deal reads under its name.
 */
export function renderFeedEntry(entry: FeedEntryView, locale: Locale, catalogue: FlagCatalogue = FLAG_MESSAGES): string {
  const stored = typeof entry.payload === 'object' && entry.payload !== null ? (entry.payload as Record<string, unknown>) : {};
  const storedTitle = typeof stored['title'] === 'string' ? stored['title'] : typeof stored['dealTitle'] === 'string' ? stored['dealTitle'] : null;
  const subject = feedSubject(entry.dealTitle ?? storedTitle, entry.account, locale);
  switch (entry.kind) {
    case 'stage_changed':
      return stageChanged(entry, subject, locale);
    case 'flag_raised':
      return flagRaised(entry, subject, locale, catalogue);
    case 'visit_logged':
      return visitLogged(entry, subject, locale);
    case 'request_event':
      return requestEvent(entry, subject, locale);
    default:
      return t('unknownEntry', locale, { subject });
  }
}

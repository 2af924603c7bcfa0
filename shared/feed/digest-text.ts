import type { IsoDate } from '../calendar/iso-date.ts';
import { FLAG_MESSAGES } from '../flags/flag-messages.ts';
import { format, type Locale, type Message, type MessageParams } from '../i18n/locale.ts';
import type { RaisedFlag } from './feed-payloads.ts';
import { feedSubject, type FlagCatalogue } from './render-feed-entry.ts';

/** One deal in a manager's digest: the flags it gained since their last digest and still has. */
export interface DigestDeal {
  readonly dealTitle: string | null;
  readonly account: string | null;
  readonly owner: string | null;
  readonly flags: readonly RaisedFlag[];
}

export interface DigestInput {
  readonly spreadsheetTitle: string;
  /** The business day the digest is for, in the spreadsheet's time zone. */
  readonly date: IsoDate;
  readonly recipient: string;
  readonly deals: readonly DigestDeal[];
  /** Where the sheet opens; null for a workbook with no address (.xlsx). */
  readonly sheetUrl: string | null;
}

export interface DigestEmail {
  readonly subject: string;
  readonly text: string;
}

const DIGEST_MESSAGES = Object.freeze({
  subject: { ja: '[sheets-sfa] 新しいフラグ {count}件 — {sheet}({date})', en: '[sheets-sfa] {count} newly flagged deal(s) — {sheet} ({date})' },
  greeting: { ja: '{recipient} 様', en: 'Hello {recipient},' },
  intro: {
    ja: '「{sheet}」で、前回のダイジェスト以降に新しくフラグが立った案件が{count}件あります。',
    en: '{count} deal(s) in "{sheet}" were newly flagged since your last digest.',
  },
  owner: { ja: '■ {owner}({count}件)', en: '■ {owner} ({count})' },
  noOwner: { ja: '担当未設定', en: 'No owner' },
  flag: { ja: '{label}: {reason}', en: '{label}: {reason}' },
  more: { ja: 'ほか{count}件はシートでご確認ください。', en: '{count} more: see the sheet.' },
  open: { ja: 'シートを開く: {url}', en: 'Open the sheet: {url}' },
  openLink: { ja: 'シートを開く', en: 'Open the sheet' },
  filterHint: { ja: 'シートのフラグ列で絞り込むと、今フラグが立っている案件を一覧できます。', en: 'Filter the sheet\'s flag column to list every deal flagged now.' },
  footer: {
    ja: 'sheets-sfa の日次ダイジェストです({date})。マネージャーの方にお送りしています。配信の停止・変更はダイジェストの購読設定から行えます。',
    en: 'The sheets-sfa daily digest for {date}, sent to managers. Stop or change it in your digest subscription.',
  },
  chatTitle: { ja: '*新しいフラグ {count}件* — {sheet}({date})', en: '*{count} newly flagged deal(s)* — {sheet} ({date})' },
  chatOwner: { ja: '*{owner}*({count}件)', en: '*{owner}* ({count})' },
} satisfies Record<string, Message>);

const t = (key: keyof typeof DIGEST_MESSAGES, locale: Locale, params: MessageParams = {}): string => format(DIGEST_MESSAGES[key][locale], params);

// Beyond this, a mail stops listing and points at the sheet.
const EMAIL_MAX_DEALS = 500;
// Google Chat refuses a message over 32,000 bytes; the rest of the text needs some room.
const CHAT_MAX_BYTES = 30_000;

function flagLine(flag: RaisedFlag, locale: Locale, catalogue: FlagCatalogue): string {
  const message = catalogue[flag.code];
  if (message === undefined) return flag.code;
  const reason = format(message.reason[locale], flag.params);
  return /\{\w+\}/.test(reason) ? message.label[locale] : t('flag', locale, { label: message.label[locale], reason });
}

/** Deals per owner, owners in name order and deals without one last. */
function byOwner(deals: readonly DigestDeal[]): [string | null, DigestDeal[]][] {
  const groups = new Map<string | null, DigestDeal[]>();
  for (const deal of deals) {
    const list = groups.get(deal.owner) ?? [];
    list.push(deal);
    groups.set(deal.owner, list);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
}

const indent = (text: string, by: string): string => text.split('\n').join(`\n${by}`);

/**
 * A manager's digest as a plain-text email: a subject and a body listing each newly flagged deal
 * under its owner with every new flag and its reason.
 */
export function renderDigestEmail(input: DigestInput, locale: Locale, catalogue: FlagCatalogue = FLAG_MESSAGES): DigestEmail {
  const count = input.deals.length;
  const sheet = oneLine(input.spreadsheetTitle);
  const lines = [t('greeting', locale, { recipient: input.recipient }), '', t('intro', locale, { sheet, count }), ''];
  let listed = 0;
  for (const [owner, deals] of byOwner(input.deals)) {
    if (listed >= EMAIL_MAX_DEALS) break;
    lines.push(t('owner', locale, { owner: owner ?? t('noOwner', locale), count: deals.length }));
    for (const deal of deals) {
      if (listed >= EMAIL_MAX_DEALS) break;
      listed++;
      lines.push(`・${indent(feedSubject(deal.dealTitle, deal.account, locale), '  ')}`);
      for (const flag of deal.flags) lines.push(`    ${indent(flagLine(flag, locale, catalogue), '    ')}`);
    }
    lines.push('');
  }
  if (listed < count) lines.push(t('more', locale, { count: count - listed }), '');
  lines.push(t('filterHint', locale));
  if (input.sheetUrl !== null) lines.push(t('open', locale, { url: input.sheetUrl }));
  lines.push('', '--', t('footer', locale, { date: input.date }));
  return { subject: t('subject', locale, { count, sheet, date: input.date }), text: `${lines.join('\n')}\n` };
}

/**
 * Chat formats `*bold*`, `_italic_`, `~strike~`, backquotes and `<url|text>` links and
 * `<users/…>` mentions in any text: the team's own text is shown as typed (full-width
 * look-alikes), never as formatting or a mention of everyone.
 */
export function chatSafe(text: string): string {
  return oneLine(text).replace(/[*_~`<>]/g, (c) => CHAT_LOOKALIKES[c] ?? c);
}

const CHAT_LOOKALIKES: Readonly<Record<string, string>> = { '*': '＊', _: '＿', '~': '～', '`': '｀', '<': '＜', '>': '＞' };

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' / ');

/** Bytes of the text in UTF-8, without TextEncoder (the add-on's runtime may lack it). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * The same digest as a Google Chat incoming-webhook message (`{ text }`, Chat's simple
 * formatting), kept under Chat's 32,000-byte message limit.
 */
export function renderDigestChat(input: DigestInput, locale: Locale, catalogue: FlagCatalogue = FLAG_MESSAGES): { text: string } {
  const count = input.deals.length;
  const head = [t('chatTitle', locale, { count, sheet: chatSafe(input.spreadsheetTitle), date: input.date })];
  const tail: string[] = [];
  if (input.sheetUrl !== null) tail.push(`<${input.sheetUrl}|${t('openLink', locale)}>`);
  const body: string[] = [];
  let bytes = utf8Bytes([...head, ...tail].join('\n')) + 200;
  let listed = 0;
  outer: for (const [owner, deals] of byOwner(input.deals)) {
    const ownerLine = t('chatOwner', locale, { owner: owner === null ? t('noOwner', locale) : chatSafe(owner), count: deals.length });
    const dealLines = [];
    for (const deal of deals) {
      const subject = feedSubject(deal.dealTitle === null ? null : chatSafe(deal.dealTitle), deal.account === null ? null : chatSafe(deal.account), locale);
      const flags = deal.flags.map((f) => chatSafe(flagLine(f, locale, catalogue))).join(locale === 'ja' ? '、' : '; ');
      dealLines.push(`- ${subject}: ${flags}`);
    }
    for (const [i, line] of [ownerLine, ...dealLines].entries()) {
      const size = utf8Bytes(line) + 1;
      if (bytes + size > CHAT_MAX_BYTES) break outer;
      bytes += size;
      body.push(line);
      if (i > 0) listed++;
    }
  }
  if (listed < count) body.push(t('more', locale, { count: count - listed }));
  return { text: [...head, ...body, ...tail].join('\n') };
}

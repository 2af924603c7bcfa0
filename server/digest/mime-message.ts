export interface TextMail {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly date: Date;
  /** Without angle brackets: `id@host`. */
  readonly messageId: string;
}

const CRLF = '\r\n';
// Bytes of text per encoded word: base64 of 45 bytes is 60 characters, and with `=?UTF-8?B?…?=`
// the word stays within RFC 2047's 75.
const WORD_BYTES = 45;

/** Header text can never start a new header: line breaks become spaces. */
const headerSafe = (text: string): string => text.replace(/[\r\n]+/g, ' ').trim();

/** RFC 2047 encoded words (UTF-8, base64), split between characters and folded one per line. */
export function encodeHeaderText(text: string): string {
  const safe = headerSafe(text);
  // Plain ASCII without `=?` reads as itself.
  if (/^[\x20-\x7e]*$/.test(safe) && !safe.includes('=?')) return safe;
  const words: string[] = [];
  let chunk = '';
  let bytes = 0;
  for (const ch of safe) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > WORD_BYTES) {
      words.push(chunk);
      chunk = '';
      bytes = 0;
    }
    chunk += ch;
    bytes += size;
  }
  if (chunk !== '') words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** RFC 5322 date in UTC: `Fri, 20 Nov 2026 00:00:00 +0000`. */
export function mailDate(date: Date): string {
  return `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

/** The bare address of a From value: `sfa@example.co.jp` out of `sheets-sfa <sfa@example.co.jp>`. */
export function addressOf(mailbox: string): string {
  const angled = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(mailbox);
  return (angled?.[1] ?? mailbox).trim();
}

/** A From value with a display name encoded when it is not plain ASCII. */
function mailboxHeader(mailbox: string): string {
  const angled = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(headerSafe(mailbox));
  if (angled === null) return headerSafe(mailbox);
  const name = (angled[1] ?? '').replace(/^"|"$/g, '');
  if (name === '') return `<${angled[2]}>`;
  const display = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : encodeHeaderText(name);
  return `${display} <${angled[2]}>`;
}

/**
 * A plain-text mail in UTF-8 as sent over SMTP: headers, a blank line, the body in base64 (so
 * Japanese text, long lines and lines starting with a dot all travel unchanged), CRLF line ends.
 */
export function buildTextMail(mail: TextMail): string {
  const body = Buffer.from(mail.text.replace(/\r\n?/g, '\n').replace(/\n/g, CRLF), 'utf8').toString('base64');
  const lines = body.match(/.{1,76}/g) ?? [];
  const headers = [
    `From: ${mailboxHeader(mail.from)}`,
    `To: <${headerSafe(mail.to)}>`,
    `Subject: ${encodeHeaderText(mail.subject)}`,
    `Date: ${mailDate(mail.date)}`,
    `Message-ID: <${headerSafe(mail.messageId)}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    // RFC 3834: out-of-office responders must not answer a machine.
    'Auto-Submitted: auto-generated',
  ];
  return `${headers.join(CRLF)}${CRLF}${CRLF}${lines.join(CRLF)}${CRLF}`;
}

import { refusalMessage, type RefusalCode } from '../../shared/requests/request-refusals.ts';
import type { RequestAction } from '../../shared/requests/request-state.ts';
import type { Message } from '../../shared/i18n/locale.ts';
import type { RequestRow } from './request.repository.ts';

// Sign-in emails are ASCII: an address in a cell is the longest run of the characters one may
// hold, so whatever surrounds it (「」, 【】, 。, ・, <>, a name typed against it) is not part of it.
const EMAIL = /[a-z0-9!#$%&*+=?^_`{|}~.-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/g;
const DECISIONS: ReadonlySet<RequestAction> = new Set(['approve', 'reject', 'return']);

// Full-width letters and ＠ fold to ASCII; case does not count, nor do invisible format
// characters (a zero-width space typed into an address must not hide whose it is).
const folded = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\p{Cf}/gu, '');
const fold = (text: string): string => folded(text).replace(/\s+/g, '');

/** The email addresses a requester cell holds, folded (NFKC, lower case); empty for a name. */
export function requesterEmails(cell: string | null): string[] {
  if (cell === null) return [];
  return [...new Set(folded(cell).match(EMAIL) ?? [])];
}

/**
 * Whether the requester cell of a request names the person signed in as `email`.
 *
 * The sign-in gives an email and nothing else (no display name is asked for), so:
 * - a cell holding one or more addresses names exactly those addresses;
 * - a cell holding a name names the person whose email's local part it is, all folded
 *   ("Tanaka" names tanaka@…). A name that is not anyone's local part (田中 太郎) cannot be
 *   tied to a sign-in and names nobody here: teams that want the rule to bind on sheet-typed
 *   requests write the requester's email. Whoever submits such a row becomes its requester, and
 *   nobody decides a request they submitted.
 * Erring towards a match only ever refuses a decision, never grants one.
 */
export function namesPerson(cell: string | null, email: string): boolean {
  if (cell === null) return false;
  const who = email.toLowerCase();
  const emails = requesterEmails(cell);
  if (emails.length > 0) return emails.includes(who);
  const text = fold(cell);
  const local = who.split('@')[0] ?? '';
  return text !== '' && text === fold(local);
}

export interface SheetRequesterRefusal {
  readonly code: Extract<RefusalCode, 'named_requester' | 'not_named_requester'>;
  readonly message: Message;
}

/**
 * What the requester the row names forbids `email` to do, beyond the workflow's own rules (which
 * know only who submitted): nobody decides a request whose requester cell names them, and a row
 * nobody has filed whose cell names someone else by email is filed only by that person.
 */
export function sheetRequesterRefusal(row: Pick<RequestRow, 'requester' | 'requester_email'>, action: RequestAction, email: string): SheetRequesterRefusal | null {
  const cell = row.requester?.trim() ?? '';
  if (cell === '') return null;
  if (DECISIONS.has(action) && namesPerson(cell, email)) {
    return { code: 'named_requester', message: refusalMessage('named_requester', { requester: cell }) };
  }
  if (action === 'submit' && row.requester_email === null) {
    const emails = requesterEmails(cell);
    if (emails.length > 0 && !emails.includes(email.toLowerCase())) {
      return { code: 'not_named_requester', message: refusalMessage('not_named_requester', { requester: emails.join(', ') }) };
    }
  }
  return null;
}

import { dealKey } from '../sync/natural-key.ts';
import { closestNames } from './closest-names.ts';

/** A stored deal as a visit may name it. */
export interface DealCandidate {
  readonly id: string;
  readonly account: string | null;
  readonly title: string | null;
  readonly removed: boolean;
}

/** What the visit names, as the caller sent it. */
export interface VisitSubject {
  readonly dealId?: string | undefined;
  readonly dealTitle?: string | undefined;
  readonly account?: string | undefined;
}

export type SubjectMatch =
  | { readonly kind: 'deal'; readonly deal: DealCandidate }
  | { readonly kind: 'account'; readonly account: string }
  | { readonly kind: 'problem'; readonly status: 400 | 422; readonly field: string; readonly message: string };

const accountKey = (account: string | null): string => dealKey(account, null);
const titleKey = (title: string | null): string => dealKey(null, title);
const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

function problem(status: 400 | 422, field: string, message: string): SubjectMatch {
  return { kind: 'problem', status, field, message };
}

function byId(deals: readonly DealCandidate[], subject: VisitSubject, id: string): SubjectMatch {
  const deal = deals.find((d) => d.id === id);
  if (deal === undefined) return problem(422, 'dealId', `no deal with id "${id}" on this spreadsheet`);
  if (deal.removed) return problem(422, 'dealId', `deal "${deal.title ?? id}" is no longer on the deals tab`);
  if (subject.account !== undefined && accountKey(subject.account) !== accountKey(deal.account)) {
    return problem(422, 'account', `deal "${deal.title ?? id}" belongs to "${deal.account ?? ''}", not "${subject.account}"`);
  }
  if (subject.dealTitle !== undefined && titleKey(subject.dealTitle) !== titleKey(deal.title)) {
    return problem(422, 'dealTitle', `deal "${id}" is titled "${deal.title ?? ''}", not "${subject.dealTitle}"`);
  }
  return { kind: 'deal', deal };
}

function byTitle(deals: readonly DealCandidate[], subject: VisitSubject, title: string, accounts: readonly string[]): SubjectMatch {
  const live = deals.filter((d) => !d.removed);
  const sameTitle = live.filter((d) => titleKey(d.title) === titleKey(title));
  if (subject.account !== undefined) {
    const key = dealKey(subject.account, title);
    const exact = live.filter((d) => dealKey(d.account, d.title) === key);
    if (exact.length === 1 && exact[0] !== undefined) return { kind: 'deal', deal: exact[0] };
    if (exact.length > 1) return problem(422, 'dealTitle', `${exact.length} deals of "${subject.account}" are titled "${title}": give dealId`);
    const [only] = sameTitle;
    if (sameTitle.length === 1 && only !== undefined) {
      return problem(422, 'account', `deal "${title}" belongs to "${only.account ?? ''}", not "${subject.account}"`);
    }
    const known = accounts.some((a) => accountKey(a) === accountKey(subject.account ?? null));
    if (!known) return unknownAccount(subject.account, accounts);
    const ofAccount = live.filter((d) => accountKey(d.account) === accountKey(subject.account ?? null)).flatMap((d) => (d.title === null ? [] : [d.title]));
    return unknownDeal(title, ofAccount, ` of "${subject.account}"`);
  }
  const [only] = sameTitle;
  if (sameTitle.length === 1 && only !== undefined) return { kind: 'deal', deal: only };
  if (sameTitle.length > 1) {
    return problem(422, 'dealTitle', `${sameTitle.length} deals are titled "${title}" (${quoted(sameTitle.map((d) => d.account ?? ''))}): give the account or dealId`);
  }
  return unknownDeal(title, live.flatMap((d) => (d.title === null ? [] : [d.title])), '');
}

function unknownDeal(title: string, titles: readonly string[], scope: string): SubjectMatch {
  const close = closestNames(title, titles);
  return problem(422, 'dealTitle', `no deal${scope} titled "${title}"${close.length > 0 ? `; did you mean ${quoted(close)}?` : ''}`);
}

function unknownAccount(account: string, accounts: readonly string[]): SubjectMatch {
  const close = closestNames(account, accounts);
  return problem(422, 'account', `no account "${account}" on this spreadsheet${close.length > 0 ? `; did you mean ${quoted(close)}?` : ''}`);
}

/**
 * The deal or account a visit names, matched as the sync links visits to deals: by id, by
 * account and title, or by a title no other live deal has. `accounts` are every account the
 * spreadsheet knows (its deals', removed ones too, and earlier visits').
 */
export function matchSubject(deals: readonly DealCandidate[], accounts: readonly string[], subject: VisitSubject): SubjectMatch {
  if (subject.dealId !== undefined) return byId(deals, subject, subject.dealId);
  if (subject.dealTitle !== undefined) return byTitle(deals, subject, subject.dealTitle, accounts);
  if (subject.account !== undefined) {
    const key = accountKey(subject.account);
    const known = accounts.find((a) => accountKey(a) === key);
    return known === undefined ? unknownAccount(subject.account, accounts) : { kind: 'account', account: known };
  }
  return problem(400, 'dealId', 'name the visit\'s deal (dealId, or dealTitle with its account) or at least its account');
}

// What a person would call "the same record", used only to re-attach rows that lost their id.
const norm = (text: string | null): string => (text ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export const dealKey = (account: string | null, title: string | null): string =>
  account === null && title === null ? '' : `${norm(account)}|${norm(title)}`;

export const visitKey = (visitedOn: string | null, account: string | null, dealTitle: string | null, owner: string | null): string =>
  `${visitedOn ?? ''}|${norm(account)}|${norm(dealTitle)}|${norm(owner)}`;

export const requestKey = (requestedOn: string | null, account: string | null, type: string | null, requester: string | null): string =>
  `${requestedOn ?? ''}|${norm(account)}|${type ?? ''}|${norm(requester)}`;

import { normalizeText } from '../cells/normalize-text.ts';

/**
 * An account name as shown: NFKC (full-width letters and digits folded), whitespace collapsed and
 * trimmed. Null when nothing is left.
 */
export function accountName(name: string | null): string | null {
  if (name === null) return null;
  const text = normalizeText(name);
  return text === '' ? null : text;
}

/**
 * The form names are matched in, the same folding as the sync's natural key: NFKC, no
 * whitespace, lower case. `株式会社 サンプル` and `株式会社サンプル` are one account; `佐藤 一郎` and
 * `佐藤一郎` one rep.
 */
export function matchKey(name: string | null): string | null {
  if (name === null) return null;
  const key = name.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
  return key === '' ? null : key;
}

/** An account's key for matching: see matchKey. */
export const accountKey = matchKey;

/**
 * Folds the ways a person can type the same text: NFKC turns full-width digits, letters and
 * symbols into ASCII and half-width katakana into full-width; then trims and collapses whitespace.
 */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

// Compared after normalizeText and lower-casing.
const BLANK_WORDS: ReadonlySet<string> = new Set([
  '未定',
  '未入力',
  '未記入',
  '空欄',
  'なし',
  '無し',
  '該当なし',
  'tbd',
  'tba',
  'n/a',
  'na',
  'none',
  'null',
]);

// Nothing but dashes or long-vowel bars means "nothing"; `-50,000` has digits, so it is not.
const DASHES_ONLY = /^[-‐‑‒–—―−ーｰ]+$/u;

/** True when the text is what a sheet writes for "nothing": blank, dashes, 未定, TBD, N/A, なし… */
export function isBlankMarker(s: string): boolean {
  const text = normalizeText(s);
  return text === '' || DASHES_ONLY.test(text) || BLANK_WORDS.has(text.toLowerCase());
}

// Spaces and the separators people put between words of a label (`Closed-Won`, `アップセル・クロスセル`).
// The long-vowel bar ー is part of words and stays.
const LABEL_NOISE = /[\s・･_/\-‐]/gu;

/** The form labels are compared in: NFKC, lower case, without spaces or word separators. */
export function labelKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(LABEL_NOISE, '');
}

/**
 * A lookup from labelKey to value for a table of labels per value. Earlier values win when two
 * values list the same label.
 */
export function indexLabels<T extends string>(
  table: Readonly<Record<T, readonly string[]>>,
): ReadonlyMap<string, T> {
  const index = new Map<string, T>();
  for (const [value, labels] of Object.entries(table) as [T, readonly string[]][]) {
    for (const label of labels) {
      const key = labelKey(label);
      if (!index.has(key)) index.set(key, value);
    }
  }
  return index;
}

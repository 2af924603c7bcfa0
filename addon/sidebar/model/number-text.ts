import { normalizeText } from '../../../shared/cells/normalize-text.ts';

export type NumberText = { readonly kind: 'blank' } | { readonly kind: 'number'; readonly value: number } | { readonly kind: 'invalid' };

// After NFKC, full-width digits, ，and ￥ are ASCII; people also type 1,000円 or ¥1,000.
const DECORATION = /[,\s¥円]/gu;
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** What a person typed into a number box: blank, a number, or not a number. */
export function parseNumberText(text: string): NumberText {
  const s = normalizeText(text).replace(DECORATION, '');
  if (s === '') return { kind: 'blank' };
  if (!DECIMAL.test(s)) return { kind: 'invalid' };
  return { kind: 'number', value: Number(s) };
}

/** A whole number from `min` to `max`, or null. */
export function wholeNumberIn(text: string, min: number, max: number): number | null {
  const parsed = parseNumberText(text);
  if (parsed.kind !== 'number' || !Number.isInteger(parsed.value)) return null;
  return parsed.value >= min && parsed.value <= max ? parsed.value : null;
}

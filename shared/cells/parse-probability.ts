import { empty, failed, parsed, type CellValue, type ParseResult } from './cell-value.ts';
import { isBlankMarker, labelKey, normalizeText } from './normalize-text.ts';

/**
 * Reads a win probability as an integer percentage 0–100: `50%`, `５０％`, `5割`, a number
 * (`0.5` from a percent-formatted cell, or `50`), or a rank from the team's map (`A`, `Aランク`).
 */
export function parseProbability(
  cell: CellValue,
  ranks: Readonly<Record<string, number>>,
): ParseResult<number> {
  if (cell === null) return empty();
  if (typeof cell === 'boolean') return failed('probability.invalid');
  if (typeof cell === 'number') return percentOfNumber(cell);
  if (isBlankMarker(cell)) return empty();
  return probabilityFromText(normalizeText(cell), ranks);
}

// A percent-formatted cell holds a fraction (0.5); a plain one holds the percentage (50).
function percentOfNumber(n: number): ParseResult<number> {
  return percent(n <= 1 ? n * 100 : n);
}

function percent(value: number): ParseResult<number> {
  if (!Number.isFinite(value)) return failed('probability.invalid');
  const rounded = Math.round(value);
  if (rounded < 0 || rounded > 100) return failed('probability.outOfRange');
  return parsed(rounded === 0 ? 0 : rounded); // no -0
}

const NUMBER = '([+-]?\\d+(?:\\.\\d+)?)';
const PERCENT = new RegExp(`^${NUMBER}\\s*(?:%|パーセント)$`, 'u');
const TENTHS = new RegExp(`^${NUMBER}\\s*割$`, 'u');
const BARE_NUMBER = new RegExp(`^${NUMBER}$`, 'u');

function probabilityFromText(
  text: string,
  ranks: Readonly<Record<string, number>>,
): ParseResult<number> {
  const percentMatch = PERCENT.exec(text);
  if (percentMatch) return percent(Number(percentMatch[1]));
  const tenths = TENTHS.exec(text);
  if (tenths) return percent(Number(tenths[1]) * 10);
  const bare = BARE_NUMBER.exec(text);
  if (bare) return percentOfNumber(Number(bare[1]));
  const rank = rankValue(text, ranks);
  return rank === undefined ? failed('probability.invalid') : percent(rank);
}

// `Aランク`, `A判定`, `ランクA` and `a` all name rank A.
const RANK_DECORATION = /^ランク|(?:ランク|判定|評価|ヨミ)$/gu;

function rankKey(text: string): string {
  return labelKey(text).replace(RANK_DECORATION, '');
}

function rankValue(text: string, ranks: Readonly<Record<string, number>>): number | undefined {
  const key = rankKey(text);
  if (key === '') return undefined;
  return Object.entries(ranks).find(([rank]) => rankKey(rank) === key)?.[1];
}

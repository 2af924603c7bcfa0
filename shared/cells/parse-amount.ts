import { empty, failed, parsed, type CellValue, type ParseResult } from './cell-value.ts';
import { isBlankMarker, normalizeText } from './normalize-text.ts';

/**
 * Reads an amount in integer yen: numbers, `1,200,000`, `¥`/`円`, `万`/`億`/`千` places
 * (`1億2千万円`, `500千円`, `1.5万`), `約`, and negatives written `-`, `△`, `▲` or `(…)`.
 * Ranges and other currencies are reported rather than guessed at.
 */
export function parseAmount(cell: CellValue): ParseResult<number> {
  if (cell === null) return empty();
  if (typeof cell === 'boolean') return failed('amount.invalid');
  if (typeof cell === 'number') return wholeYen(cell);
  if (isBlankMarker(cell)) return empty();
  return amountFromText(normalizeText(cell));
}

function wholeYen(value: number): ParseResult<number> {
  // Half a yen rounds away from zero, the same for income and refunds.
  const yen = Math.sign(value) * Math.round(Math.abs(value));
  if (!Number.isSafeInteger(yen)) return failed('amount.invalid');
  return parsed(yen === 0 ? 0 : yen); // no -0
}

const FOREIGN_CURRENCY = /[$€£₩]|USD|EUR|GBP|CNY|RMB|ドル|ユーロ|ポンド|ウォン|人民元/iu;
// Notes that do not change the number: tax basis and "about".
const TAX_NOTE = /\(税(?:込み?|抜き?|別)\)|^税(?:込み?|抜き?|別)|税(?:込み?|抜き?|別)$/gu;
const APPROXIMATELY = /^(?:約|およそ|概算)|(?:程度|前後)$/gu;
// `¥ 1,200` loses its space; `1 200` keeps it and is rejected rather than read as 1200.
const SPACE_BESIDE_NON_DIGIT = /(?<!\d)\s|\s(?!\d)/gu;
const RANGE = /\d.*(?:~|〜|-|−|–|—|から).*\d/u;
// No amount is this long; the cap keeps a pasted paragraph from costing quadratic regex time.
const MAX_AMOUNT_LENGTH = 64;

function amountFromText(text: string): ParseResult<number> {
  if (text.length > MAX_AMOUNT_LENGTH) return failed('amount.invalid');
  if (FOREIGN_CURRENCY.test(text)) return failed('amount.currency');
  const body = text
    .replace(TAX_NOTE, '')
    .replace(APPROXIMATELY, '')
    .replace(SPACE_BESIDE_NON_DIGIT, '');
  const signed = splitSign(body);
  if (signed === null) return failed('amount.invalid');
  if (RANGE.test(signed.magnitude)) return failed('amount.range');
  const value = readYen(signed.magnitude.replace(YEN_SUFFIX, ''));
  if (value === null) return failed('amount.invalid');
  return wholeYen(signed.negative ? -value : value);
}

// `\` is how a yen sign shows up in text that went through Shift_JIS.
const YEN_PREFIX = /^(?:¥|\\|JPY)/iu;
// `1,000円-` and `金1,000円也` are old ways of saying "exactly".
const YEN_SUFFIX = /(?:円|JPY)?(?:也|-)?$/iu;
const PARENTHESIZED = /^\((.+)\)$/u;
const NEGATIVE_MARK = /^[-−△▲]/u;

interface Signed {
  readonly negative: boolean;
  readonly magnitude: string;
}

// The sign may sit either side of the yen sign (`-¥500`, `¥-500`); two signs are a typo.
function splitSign(text: string): Signed | null {
  let rest = text.replace(YEN_PREFIX, '');
  const wrapped = PARENTHESIZED.exec(rest);
  if (wrapped?.[1] !== undefined) rest = wrapped[1].replace(YEN_PREFIX, '');
  const marked = NEGATIVE_MARK.test(rest);
  if (marked) rest = rest.slice(1).replace(YEN_PREFIX, '');
  if (wrapped !== null && marked) return null;
  return { negative: wrapped !== null || marked, magnitude: rest };
}

interface Places {
  readonly splitter: RegExp;
  readonly units: Readonly<Record<string, number>>;
}

const MAN_PLACES: Places = { splitter: /([億万])/u, units: { 億: 1e8, 万: 1e4 } };
const SMALL_PLACES: Places = { splitter: /([千百十])/u, units: { 千: 1e3, 百: 100, 十: 10 } };

// `1億2千万` is 1×億 + (2×千)×万: 千/百/十 work inside each 万 or 億 place.
function readYen(text: string): number | null {
  return readPlaces(text, MAN_PLACES, (section) => readPlaces(section, SMALL_PLACES, readNumber));
}

// Each place is a count times a unit and must stay below the place before it, so `1万20000` and
// `1万1億` are rejected rather than added up.
function readPlaces(
  text: string,
  places: Places,
  readCount: (text: string) => number | null,
): number | null {
  const parts = text.split(places.splitter);
  let total = 0;
  let previousUnit = Infinity;
  for (let i = 0; i < parts.length; i += 2) {
    const unitChar = parts[i + 1];
    const countText = parts[i] ?? '';
    if (unitChar === undefined && countText === '' && i > 0) break; // nothing after the last unit
    const unit = unitChar === undefined ? 1 : (places.units[unitChar] ?? NaN);
    const count = readCount(countText);
    if (count === null || !(count * unit < previousUnit)) return null;
    total += count * unit;
    previousUnit = unit;
  }
  return total;
}

// Commas only as thousands separators: `1,2,3` is not a number.
const PLAIN_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/u;

function readNumber(text: string): number | null {
  return PLAIN_NUMBER.test(text) ? Number(text.replaceAll(',', '')) : null;
}

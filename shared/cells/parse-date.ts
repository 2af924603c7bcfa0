import {
  dayOfWeek,
  isoDateFromParts,
  isoDateFromSerial,
  isoDateInZone,
  type IsoDate,
} from '../calendar/iso-date.ts';
import { empty, failed, parsed, type CellValue, type ParseResult } from './cell-value.ts';
import { isBlankMarker, normalizeText } from './normalize-text.ts';

// How the spreadsheet's dates are read; both come from SyncSettings.
export interface DateReadOptions {
  readonly timeZone: string;
  readonly dateOrder: 'mdy' | 'dmy';
}

/**
 * Reads a date cell: serial numbers, ISO dates and date-times, `2024/4/1`, `2024年4月1日`,
 * Japanese eras (`令和6年4月1日`, `R6.4.1`), `4/1/2024` in the sheet's day order, and `2024年4月`
 * as the first of the month. Blank markers are empty; days that do not exist are reported.
 */
export function parseDate(cell: CellValue, options: DateReadOptions): ParseResult<IsoDate> {
  if (cell === null) return empty();
  if (typeof cell === 'boolean') return failed('date.invalid');
  if (typeof cell === 'number') return dateFromNumber(cell);
  if (isBlankMarker(cell)) return empty();
  return dateFromText(normalizeText(cell), options);
}

// Serials before 1900-03-01 are where Excel's fake 1900-02-29 lives; in a sales sheet such a
// number is a typo (a bare `5`), not a date.
const FIRST_TRUSTED_SERIAL = 61;
// A typed 20240401 stays a number; as a serial it would be tens of thousands of years away.
const YMD_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function dateFromNumber(n: number): ParseResult<IsoDate> {
  const compact = Number.isInteger(n) ? YMD_COMPACT.exec(String(n)) : null;
  if (compact) return fromParts(compact[1], compact[2], compact[3]);
  const date = n >= FIRST_TRUSTED_SERIAL ? isoDateFromSerial(n) : null;
  return date === null ? failed('date.invalid') : parsed(date);
}

// An instant with an explicit offset: its date is the one the sheet's time zone sees.
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
// A date, then optionally a weekday `(月)` and a wall-clock time that does not move the date.
const DATE_TAIL =
  /^(.+?)\s*(?:\(([日月火水木金土])(?:曜日?)?\))?(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/u;
const WEEKDAYS = '日月火水木金土';
// No date is this long; the cap keeps a pasted paragraph from costing quadratic regex time.
const MAX_DATE_LENGTH = 64;

function dateFromText(text: string, options: DateReadOptions): ParseResult<IsoDate> {
  if (text.length > MAX_DATE_LENGTH) return failed('date.invalid');
  const instant = INSTANT.exec(text);
  if (instant) return dateOfInstant(instant, options.timeZone);
  const tail = DATE_TAIL.exec(text);
  if (!tail?.[1] || !isTimeOfDay(tail[3], tail[4], tail[5])) return failed('date.invalid');
  const result = dateFromDatePart(tail[1].replace(/\s*([年月日])\s*/gu, '$1'), options);
  const weekday = tail[2];
  if (weekday === undefined || !result.ok || result.value === null) return result;
  // A weekday that disagrees with the date means one of them is a typo; neither can be trusted.
  return WEEKDAYS[dayOfWeek(result.value)] === weekday ? result : failed('date.invalid');
}

function isTimeOfDay(hour?: string, minute?: string, second = '0'): boolean {
  if (hour === undefined || minute === undefined) return true;
  return Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59;
}

function dateOfInstant(m: RegExpExecArray, timeZone: string): ParseResult<IsoDate> {
  const [, y, mo, d, h, mi, s, zone] = m;
  if (isoDateFromParts(Number(y), Number(mo), Number(d)) === null) return failed('date.noSuchDay');
  if (!isTimeOfDay(h, mi, s) || zone === undefined) return failed('date.invalid');
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  return parsed(isoDateInZone(new Date(utc - offsetMinutes(zone) * 60_000), timeZone));
}

function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return zone.startsWith('-') ? -minutes : minutes;
}

const YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const YMD_KANJI = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const YM = /^(\d{4})[-/.](\d{1,2})$/;
const YM_KANJI = /^(\d{4})年(\d{1,2})月$/;
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
const ERA_YEAR = '(明治|大正|昭和|平成|令和|[MTSHR])(\\d{1,2}|元)';
const ERA_KANJI = new RegExp(`^${ERA_YEAR}年(\\d{1,2})月(?:(\\d{1,2})日)?$`, 'iu');
const ERA_SEPARATED = new RegExp(`^${ERA_YEAR}([-/.])(\\d{1,2})\\3(\\d{1,2})$`, 'iu');

type DateFormat = readonly [
  RegExp,
  (m: RegExpExecArray, options: DateReadOptions) => ParseResult<IsoDate>,
];

const DATE_FORMATS: readonly DateFormat[] = [
  [YMD, (m) => fromParts(m[1], m[3], m[4])],
  [YMD_KANJI, (m) => fromParts(m[1], m[2], m[3])],
  [YMD_COMPACT, (m) => fromParts(m[1], m[2], m[3])],
  // A month without a day (a close month, 受注予定月) reads as its first day.
  [YM, (m) => fromParts(m[1], m[2], '1')],
  [YM_KANJI, (m) => fromParts(m[1], m[2], '1')],
  [
    YEAR_LAST,
    (m, options) =>
      options.dateOrder === 'mdy' ? fromParts(m[4], m[1], m[3]) : fromParts(m[4], m[3], m[1]),
  ],
  [ERA_KANJI, (m) => fromEra(m[1], m[2], m[3], m[4])],
  [ERA_SEPARATED, (m) => fromEra(m[1], m[2], m[4], m[5])],
];

function dateFromDatePart(text: string, options: DateReadOptions): ParseResult<IsoDate> {
  for (const [pattern, read] of DATE_FORMATS) {
    const m = pattern.exec(text);
    if (m) return read(m, options);
  }
  return failed('date.invalid');
}

function fromParts(year?: string, month?: string, day?: string): ParseResult<IsoDate> {
  const date = isoDateFromParts(Number(year), Number(month), Number(day));
  return date === null ? failed('date.noSuchDay') : parsed(date);
}

interface Era {
  readonly name: string;
  readonly initial: string;
  readonly start: IsoDate;
  // Last day of the era; null while it lasts.
  readonly end: IsoDate | null;
}

// Meiji counts from 1868-01-01 as Java's JapaneseEra does; dates before 1873 were lunisolar,
// which no sales sheet holds.
const ERAS: readonly Era[] = [
  { name: '明治', initial: 'M', start: '1868-01-01', end: '1912-07-29' },
  { name: '大正', initial: 'T', start: '1912-07-30', end: '1926-12-24' },
  { name: '昭和', initial: 'S', start: '1926-12-25', end: '1989-01-07' },
  { name: '平成', initial: 'H', start: '1989-01-08', end: '2019-04-30' },
  { name: '令和', initial: 'R', start: '2019-05-01', end: null },
];

function fromEra(
  eraToken: string | undefined,
  eraYear: string | undefined,
  month: string | undefined,
  day: string | undefined,
): ParseResult<IsoDate> {
  const token = eraToken?.toUpperCase();
  const era = ERAS.find((e) => e.name === token || e.initial === token);
  const yearInEra = eraYear === '元' ? 1 : Number(eraYear);
  if (era === undefined || yearInEra < 1) return failed('date.invalid');
  const year = Number(era.start.slice(0, 4)) + yearInEra - 1;
  const result = fromParts(String(year), month, day ?? '1');
  if (!result.ok || result.value === null) return result;
  return isInsideEra(era, result.value, day === undefined) ? result : failed('date.outsideEra');
}

// A month-only date (令和元年5月) only needs its month to overlap the era.
function isInsideEra(era: Era, date: IsoDate, monthOnly: boolean): boolean {
  const length = monthOnly ? 7 : 10;
  const value = date.slice(0, length);
  const afterStart = value >= era.start.slice(0, length);
  return afterStart && (era.end === null || value <= era.end.slice(0, length));
}

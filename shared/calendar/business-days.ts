import type { Closure, DayCounting } from '../settings/sync-settings.ts';
import { dayOfWeek, daysBetween, type IsoDate } from './iso-date.ts';
import { isJapanesePublicHoliday, japaneseHolidaysInYear } from './jp-holidays.ts';

const MS_PER_DAY = 86_400_000;

// Dates become day numbers (days since 1970-01-01) so ranges are counted with arithmetic.
function dayNumber(date: IsoDate): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    MS_PER_DAY
  );
}

function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

// Weekdays among the days before `day`, counted from Monday 1970-01-05 (day 4); only
// differences are used, so the origin does not matter and negative days work too.
function weekdaysBefore(day: number): number {
  const sinceMonday = day - 4;
  const weeks = Math.floor(sinceMonday / 7);
  return weeks * 5 + Math.min(sinceMonday - weeks * 7, 5);
}

function weekdaysIn(first: number, last: number): number {
  return weekdaysBefore(last + 1) - weekdaysBefore(first);
}

const weekdayHolidaysByYear = new Map<number, readonly number[]>();

function weekdayHolidays(year: number): readonly number[] {
  let days = weekdayHolidaysByYear.get(year);
  if (days === undefined) {
    days = [...japaneseHolidaysInYear(year).keys()]
      .filter((date) => dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6)
      .map(dayNumber);
    weekdayHolidaysByYear.set(year, days);
  }
  return days;
}

// Holidays are known for 1990–2099 only; clamping keeps a typo like 9999 from looping for ages.
function weekdayHolidaysIn(first: number, last: number): number {
  let count = 0;
  const fromYear = Math.max(yearOf(first), 1990);
  const toYear = Math.min(yearOf(last), 2099);
  for (let year = fromYear; year <= toYear; year++) {
    for (const day of weekdayHolidays(year)) {
      if (day > last) break;
      if (day >= first) count++;
    }
  }
  return count;
}

interface Span {
  readonly first: number;
  readonly last: number;
}

// Closures may overlap or touch; merged once per settings object so no day is skipped twice.
const mergedByClosures = new WeakMap<readonly Closure[], readonly Span[]>();

function mergedClosures(closures: readonly Closure[]): readonly Span[] {
  const cached = mergedByClosures.get(closures);
  if (cached !== undefined) return cached;
  const spans = closures
    .filter((c) => c.from <= c.to)
    .map((c) => ({ first: dayNumber(c.from), last: dayNumber(c.to) }))
    .sort((a, b) => a.first - b.first);
  const merged: Span[] = [];
  for (const span of spans) {
    const previous = merged.at(-1);
    if (previous !== undefined && span.first <= previous.last + 1) {
      const last = Math.max(previous.last, span.last);
      merged[merged.length - 1] = { first: previous.first, last };
    } else {
      merged.push(span);
    }
  }
  mergedByClosures.set(closures, merged);
  return merged;
}

function businessDaysIn(first: number, last: number, closures: readonly Closure[]): number {
  let count = weekdaysIn(first, last) - weekdayHolidaysIn(first, last);
  for (const span of mergedClosures(closures)) {
    const from = Math.max(first, span.first);
    const to = Math.min(last, span.last);
    if (from <= to) count -= weekdaysIn(from, to) - weekdayHolidaysIn(from, to);
  }
  return count;
}

/** True on a weekday that is neither a Japanese public holiday nor inside a company closure. */
export function isBusinessDay(date: IsoDate, closures: readonly Closure[]): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;
  if (isJapanesePublicHoliday(date)) return false;
  return !closures.some((c) => c.from <= date && date <= c.to);
}

/**
 * Days from `from` to `to`: calendar days, or business days after `from` up to and including
 * `to` (Friday → next Monday is 1). Never negative: `to` before `from` gives 0 in both modes.
 */
export function countDays(
  from: IsoDate,
  to: IsoDate,
  mode: DayCounting,
  closures: readonly Closure[],
): number {
  if (mode === 'calendar') return Math.max(0, daysBetween(from, to));
  const first = dayNumber(from) + 1;
  const last = dayNumber(to);
  return last < first ? 0 : businessDaysIn(first, last, closures);
}

import { addDays, isoDateFromParts, type IsoDate } from '../calendar/iso-date.ts';

/**
 * The same day `months` calendar months later (negative goes back), clamped to the month's last
 * day: 2026-03-31 minus one month is 2026-02-28, 2024-02-29 minus twelve is 2023-02-28.
 */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Number(date.slice(8, 10));
  for (let d = day; d >= 28; d--) {
    const candidate = isoDateFromParts(year, month, d);
    if (candidate !== null) return candidate;
  }
  return isoDateFromParts(year, month, day) ?? date;
}

/**
 * The look-back window `(now - months, now]` as inclusive dates: from the day after the same
 * day `months` months back (clamped at month ends) through `now`.
 */
export function lookBackWindow(now: IsoDate, months: number): { readonly from: IsoDate; readonly to: IsoDate } {
  return { from: addDays(addMonthsClamped(now, -months), 1), to: now };
}

/** Whether `date` falls in an inclusive window. IsoDates compare as text. */
export function inWindow(date: IsoDate, window: { readonly from: IsoDate; readonly to: IsoDate }): boolean {
  return date >= window.from && date <= window.to;
}

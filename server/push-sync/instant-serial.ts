import { isoDateFromParts, serialFromIsoDate } from '../../shared/calendar/iso-date.ts';

// What JSON.stringify makes of a Date: Apps Script's getValues() hands dates over as Date objects,
// and UrlFetchApp serialises them as UTC instants.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export function isIsoInstant(text: string): boolean {
  return text.length >= 20 && text.length <= 35 && ISO_INSTANT.test(text);
}

/**
 * Turns ISO instants into spreadsheet serial numbers as the sheet shows them: the wall-clock date
 * and time in the spreadsheet's time zone. A date typed as 2026/11/20 in Tokyo arrives as
 * 2026-11-19T15:00:00.000Z and becomes the serial of 2026-11-20.
 */
export function instantSerialConverter(timeZone: string): (text: string) => number | null {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  // A column of dates repeats the same few hundred instants; formatting is the expensive part.
  const memo = new Map<string, number | null>();
  return (text) => {
    const known = memo.get(text);
    if (known !== undefined || memo.has(text)) return known ?? null;
    const instant = new Date(text);
    let serial: number | null = null;
    // Date rolls 2026-02-30 over into March; text naming a day that does not exist stays text.
    const named = isoDateFromParts(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
    if (named !== null && !Number.isNaN(instant.getTime())) {
      const parts: Record<string, string> = {};
      for (const p of format.formatToParts(instant)) parts[p.type] = p.value;
      // Intl writes the year 0202 as "202".
      const date = isoDateFromParts(Number(parts.year), Number(parts.month), Number(parts.day));
      const seconds = Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
      if (date !== null && Number.isFinite(seconds)) serial = serialFromIsoDate(date) + seconds / 86_400;
    }
    memo.set(text, serial);
    return serial;
  };
}

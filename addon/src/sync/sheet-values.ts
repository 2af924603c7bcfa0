// A tab's cells as the push sync takes them. getValues() gives Dates for date cells: they become
// spreadsheet serial numbers of the wall-clock time the sheet shows in its own time zone (what
// Sheets' UNFORMATTED_VALUE gives, and shorter on the wire than an ISO instant).
import { isoDateFromParts, serialFromIsoDate } from '../../../shared/calendar/iso-date.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const WALL_CLOCK_PATTERN = 'yyyy-MM-dd HH:mm:ss';

/** Pure: the serial of a wall-clock time written `yyyy-MM-dd HH:mm:ss`, or null. */
export function serialOfWallClock(text: string): number | null {
  const m = WALL_CLOCK.exec(text);
  if (m === null) return null;
  const date = isoDateFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  if (date === null) return null;
  const seconds = Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6]);
  return serialFromIsoDate(date) + seconds / 86_400;
}

/**
 * Dates to serials in `timeZone`. A column of dates repeats the same few hundred days, and each
 * Utilities call crosses into Apps Script's Java side: instants are memoised.
 */
export function dateSerializer(timeZone: string, formatDate: (date: Date, zone: string, pattern: string) => string = (d, z, p) => Utilities.formatDate(d, z, p)): (date: Date) => number | null {
  const memo = new Map<number, number | null>();
  return (date) => {
    const time = date.getTime();
    if (Number.isNaN(time)) return null;
    const known = memo.get(time);
    if (known !== undefined) return known;
    const serial = serialOfWallClock(formatDate(date, timeZone, WALL_CLOCK_PATTERN));
    memo.set(time, serial);
    return serial;
  };
}

/** Not instanceof: a Date made by another realm (the host running the script) is still a Date. */
export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Pure: getValues() rows as push cells; trailing empty cells dropped (the service reads them as absent). */
export function pushCells(rows: readonly (readonly unknown[])[], toSerial: (date: Date) => number | null): CellValue[][] {
  const out: CellValue[][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    let end = row.length;
    while (end > 0 && (row[end - 1] === '' || row[end - 1] === null || row[end - 1] === undefined)) end--;
    const cells: CellValue[] = new Array(end);
    for (let c = 0; c < end; c++) {
      const v = row[c];
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') cells[c] = typeof v === 'number' && !Number.isFinite(v) ? null : v;
      else if (isDate(v)) cells[c] = toSerial(v);
      else cells[c] = null;
    }
    out[r] = cells;
  }
  return out;
}

/** The whole tab (getDataRange), ready to push. */
export function readSheetCells(sheet: GoogleAppsScript.Spreadsheet.Sheet, toSerial: (date: Date) => number | null): CellValue[][] {
  if (sheet.getLastRow() < 1 || sheet.getLastColumn() < 1) return [];
  return pushCells(sheet.getDataRange().getValues(), toSerial);
}

/** The first rows of a tab, enough to find its header row. */
export function readHeaderCells(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, toSerial: (date: Date) => number | null): CellValue[][] {
  const last = Math.min(sheet.getLastRow(), rows);
  const columns = sheet.getLastColumn();
  if (last < 1 || columns < 1) return [];
  return pushCells(sheet.getRange(1, 1, last, columns).getValues(), toSerial);
}

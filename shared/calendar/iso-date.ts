/** A calendar date as `YYYY-MM-DD`, with no time of day and no time zone. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
// Spreadsheet serial 0 is 1899-12-30 in both Sheets and Excel's 1900 system (Excel's fake
// 1900-02-29 only shifts serials before March 1900, which no sales sheet holds).
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Builds an IsoDate from numeric parts, or null when the day does not exist. */
export function isoDateFromParts(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when the text is a real `YYYY-MM-DD` date. */
export function isIsoDate(text: string): text is IsoDate {
  const m = ISO_RE.exec(text);
  return m !== null && isoDateFromParts(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

// Days since 1970-01-01 by integer arithmetic (Hinnant's days_from_civil and its inverse):
// aging is computed for every deal of every sync, and Date objects made this a hot spot.
function epochDays(date: IsoDate): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromEpochDays(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function toUtcMs(date: IsoDate): number {
  return epochDays(date) * MS_PER_DAY;
}

function fromUtcMs(ms: number): IsoDate {
  return fromEpochDays(Math.floor(ms / MS_PER_DAY));
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDays(epochDays(date) + days);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDays(to) - epochDays(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday.
  return (((epochDays(date) + 4) % 7) + 7) % 7;
}

/** The date part of a spreadsheet serial number (the fraction is a time of day). */
export function isoDateFromSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const ms = SERIAL_EPOCH_MS + Math.floor(serial) * MS_PER_DAY;
  const date = fromUtcMs(ms);
  return isIsoDate(date) ? date : null;
}

/** The spreadsheet serial number of a date (midnight). */
export function serialFromIsoDate(date: IsoDate): number {
  return Math.round((toUtcMs(date) - SERIAL_EPOCH_MS) / MS_PER_DAY);
}

/** The calendar date of an instant as seen in an IANA time zone. */
export function isoDateInZone(instant: Date, timeZone: string): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

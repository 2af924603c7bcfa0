// Java SimpleDateFormat patterns, as Utilities.formatDate(date, timeZone, pattern) takes them:
// yyyy-MM-dd'T'HH:mm:ss.SSSXXX, EEE, MMMM, a, z, Z and friends. English names, as Apps Script prints.
import { wallClockAt, zoneOffset, isTimeZone } from './time-zone.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// Java's short names where Intl only offers GMT+n.
const SHORT_NAMES: Record<string, string> = { 'Asia/Tokyo': 'JST', 'Asia/Seoul': 'KST', UTC: 'UTC', 'Etc/UTC': 'UTC', GMT: 'GMT', 'Etc/GMT': 'GMT' };

export class PatternError extends Error {}

function pad(value: number, width: number): string {
  const text = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${text}` : text;
}

function zoneName(ms: number, timeZone: string, style: 'short' | 'long'): string {
  if (style === 'short' && SHORT_NAMES[timeZone] !== undefined) return SHORT_NAMES[timeZone];
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style }).formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

function offsetText(offsetMs: number, colon: boolean, minutes: boolean): string {
  const total = Math.round(offsetMs / 60_000);
  const sign = total < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(total) / 60), 2);
  const m = pad(Math.abs(total) % 60, 2);
  if (!minutes) return `${sign}${h}`;
  return colon ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
}

/** Formats an instant; an unknown zone falls back to GMT, as java.util.TimeZone does. */
export function formatSimpleDate(ms: number, timeZone: string, pattern: string): string {
  const zone = isTimeZone(timeZone) ? timeZone : 'GMT';
  const w = wallClockAt(ms, zone);
  const offset = zoneOffset(ms, zone);
  const dayOfWeek = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const dayOfYear = Math.round((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000) + 1;
  const jan1 = new Date(Date.UTC(w.year, 0, 1)).getUTCDay();
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      if (pattern.charAt(i + 1) === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Quoted text runs to the next lone quote; '' inside it is one quote.
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) throw new PatternError('Unterminated quote');
        if (pattern.charAt(j) === "'") {
          if (pattern.charAt(j + 1) !== "'") break;
          out += "'";
          j += 2;
          continue;
        }
        out += pattern.charAt(j);
        j++;
      }
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern.charAt(i + n) === ch) n++;
    i += n;
    switch (ch) {
      case 'G':
        out += w.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1]?.slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'D':
        out += pad(dayOfYear, n);
        break;
      case 'F':
        out += pad(Math.ceil(w.day / 7), n);
        break;
      case 'w':
        out += pad(Math.ceil((dayOfYear + jan1) / 7), n);
        break;
      case 'W':
        out += pad(Math.ceil((w.day + new Date(Date.UTC(w.year, w.month - 1, 1)).getUTCDay()) / 7), n);
        break;
      case 'E':
        out += n >= 4 ? WEEKDAYS[dayOfWeek] : WEEKDAYS[dayOfWeek]?.slice(0, 3);
        break;
      case 'u':
        out += pad(dayOfWeek === 0 ? 7 : dayOfWeek, n);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.millisecond, n);
        break;
      case 'z':
        out += zoneName(ms, zone, n >= 4 ? 'long' : 'short');
        break;
      case 'Z':
        out += offsetText(offset, false, true);
        break;
      case 'X':
        out += offset === 0 ? 'Z' : offsetText(offset, n >= 3, n >= 2);
        break;
      default:
        throw new PatternError(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

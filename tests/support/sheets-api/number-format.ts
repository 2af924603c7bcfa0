// Rendering numbers the way a cell's number format shows them (a practical subset): date
// patterns like yyyy/mm/dd h:mm:ss, numeric patterns like #,##0.00, 0%, "¥"#,##0.

import type { sheets_v4 } from 'googleapis';

const MS_PER_DAY = 86_400_000;
// Days from the serial-number epoch (1899-12-30) to the Unix epoch.
const UNIX_EPOCH_SERIAL = 25_569;

const DEFAULT_PATTERNS: Record<string, string> = {
  DATE: 'yyyy-mm-dd',
  TIME: 'h:mm:ss',
  DATE_TIME: 'yyyy-mm-dd h:mm:ss',
  NUMBER: '#,##0.00',
  PERCENT: '0.00%',
  CURRENCY: '"$"#,##0.00',
};

export function dateSerial(year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0): number {
  return Date.UTC(year, month - 1, day, hours, minutes, seconds) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

export function isDateFormat(format: sheets_v4.Schema$NumberFormat | undefined | null): boolean {
  if (format == null) return false;
  if (format.type === 'DATE' || format.type === 'TIME' || format.type === 'DATE_TIME') return true;
  if (format.type != null && format.type !== 'NUMBER_FORMAT_TYPE_UNSPECIFIED') return false;
  return /[yd]/i.test(stripLiterals(format.pattern ?? ''));
}

function stripLiterals(pattern: string): string {
  return pattern.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

/** Sheets' automatic format: integers as-is, fractions to ten significant digits. */
export function generalNumber(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const text = String(Number(n.toPrecision(10)));
  return text.replace('e+', 'E+').replace('e-', 'E-');
}

export function formatNumber(n: number, format: sheets_v4.Schema$NumberFormat | undefined | null): string {
  if (format == null || format.type === 'TEXT') return generalNumber(n);
  const pattern = format.pattern || (format.type == null ? undefined : DEFAULT_PATTERNS[format.type]);
  if (pattern === undefined || pattern === '' || pattern.toLowerCase() === 'general') return generalNumber(n);
  if (isDateFormat(format)) return formatDate(n, pattern);
  return formatNumeric(n, pattern);
}

const DATE_TOKEN = /"[^"]*"|\\.|\[[^\]]*\]|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|\.0+|./gi;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function formatDate(serial: number, pattern: string): string {
  const ms = Math.round(((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY) / 1000) * 1000;
  const date = new Date(ms);
  const tokens = pattern.match(DATE_TOKEN) ?? [];
  const twelveHour = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  const hours = date.getUTCHours();
  const pad = (value: number): string => String(value).padStart(2, '0');
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const lower = token.toLowerCase();
    // `m`/`mm` means minutes right after an hour or right before seconds.
    const isMinute = (): boolean => {
      const before = tokens.slice(0, i).reverse().find((t) => /^[a-z]/i.test(t));
      const after = tokens.slice(i + 1).find((t) => /^[a-z]/i.test(t));
      return (before !== undefined && /^h/i.test(before)) || (after !== undefined && /^s/i.test(after));
    };
    if (token.startsWith('"')) out += token.slice(1, -1);
    else if (token.startsWith('\\')) out += token.slice(1);
    else if (token.startsWith('[')) continue;
    else if (lower === 'yyyy') out += String(date.getUTCFullYear());
    else if (lower === 'yy') out += pad(date.getUTCFullYear() % 100);
    else if (lower === 'mmmm') out += MONTHS[date.getUTCMonth()];
    else if (lower === 'mmm') out += MONTHS[date.getUTCMonth()]?.slice(0, 3);
    else if (lower === 'mm') out += isMinute() ? pad(date.getUTCMinutes()) : pad(date.getUTCMonth() + 1);
    else if (lower === 'm') out += isMinute() ? String(date.getUTCMinutes()) : String(date.getUTCMonth() + 1);
    else if (lower === 'dddd') out += WEEKDAYS[date.getUTCDay()];
    else if (lower === 'ddd') out += WEEKDAYS[date.getUTCDay()]?.slice(0, 3);
    else if (lower === 'dd') out += pad(date.getUTCDate());
    else if (lower === 'd') out += String(date.getUTCDate());
    else if (lower === 'hh' || lower === 'h') {
      const shown = twelveHour ? ((hours + 11) % 12) + 1 : hours;
      out += lower === 'hh' ? pad(shown) : String(shown);
    } else if (lower === 'ss') out += pad(date.getUTCSeconds());
    else if (lower === 's') out += String(date.getUTCSeconds());
    else if (lower === 'am/pm') out += hours < 12 ? 'AM' : 'PM';
    else if (lower === 'a/p') out += hours < 12 ? 'A' : 'P';
    else if (token.startsWith('.0')) out += '';
    else out += token;
  }
  return out;
}

function literalText(text: string): string {
  return text
    .replace(/\[\$([^\]-]*)(-[^\]]*)?\]/g, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/_./g, '')
    .replace(/\*./g, '');
}

function formatNumeric(n: number, pattern: string): string {
  const section = pattern.split(';')[0] ?? pattern;
  const core = /[#0?][#0?,]*(\.[#0?]*)?/.exec(section);
  if (core === null) return literalText(section);
  const prefix = literalText(section.slice(0, core.index));
  const suffix = literalText(section.slice(core.index + core[0].length));
  const percent = suffix.includes('%') || prefix.includes('%');
  const decimals = (core[1] ?? '.').length - 1;
  const grouped = core[0].split('.')[0]?.includes(',') ?? false;
  const value = Math.abs(percent ? n * 100 : n);
  const [whole = '0', fraction] = value.toFixed(decimals).split('.');
  const integer = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  const sign = n < 0 && Number(value.toFixed(decimals)) !== 0 ? '-' : '';
  return `${sign}${prefix}${integer}${fraction === undefined ? '' : `.${fraction}`}${suffix}`;
}

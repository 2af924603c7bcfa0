import { dayOfWeek, isIsoDate } from '../../../shared/calendar/iso-date.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { CALENDAR_NAMES, tr } from '../messages.ts';

export { formatPercent, formatYen } from '../../../shared/cost/format-yen.ts';

const monthName = (month: number, locale: Locale): string => CALENDAR_NAMES.months[locale][month - 1] ?? String(month);

/** A calendar date as people read it: `2026/11/20(金)`, `Fri, Nov 20, 2026`; `—` for none. */
export function formatDate(date: string | null, locale: Locale): string {
  if (date === null || date === '') return '—';
  if (!isIsoDate(date)) return date;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const weekday = CALENDAR_NAMES.weekdays[locale][dayOfWeek(date)] ?? '';
  return tr(locale, 'dateLong', { year: y, month: monthName(m, locale), day: d, weekday });
}

/** A count of days: `15日`, `1 day`, `15 days`. */
export function formatDays(days: number, locale: Locale): string {
  return tr(locale, days === 1 ? 'daysOne' : 'daysMany', { days });
}

/** An instant in the spreadsheet's time zone: `11/20 14:05`, `Nov 20, 14:05`. */
export function formatInstant(instant: string, timeZone: string, locale: Locale): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
  } catch {
    return instant;
  }
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return tr(locale, 'instantShort', { month: monthName(Number(get('month')), locale), day: get('day'), time: `${get('hour')}:${get('minute')}` });
}

/** A duration in milliseconds as seconds with one decimal: `1.2秒`, `1.2 s`. */
export function formatSeconds(ms: number, locale: Locale): string {
  return tr(locale, 'seconds', { seconds: (Math.round(ms / 100) / 10).toFixed(1) });
}

/** Whether a due date has passed (calendar dates compare as text). */
export function isOverdue(due: string | null, today: string): boolean {
  return due !== null && isIsoDate(due) && due < today;
}

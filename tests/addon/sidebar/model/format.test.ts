import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../../addon/sidebar/messages.ts';
import { formatDate, formatDays, formatInstant, formatSeconds, isOverdue } from '../../../../addon/sidebar/model/format.ts';

describe('formatDate', () => {
  it.each([
    ['2026-11-20', 'ja', '2026/11/20(金)'],
    ['2026-11-20', 'en', 'Fri, Nov 20, 2026'],
    ['2026-01-04', 'ja', '2026/1/4(日)'],
    ['2024-02-29', 'en', 'Thu, Feb 29, 2024'],
    ['2026-12-31', 'en', 'Thu, Dec 31, 2026'],
    ['2026-12-31', 'ja', '2026/12/31(木)'],
  ] as const)('shows %s in %s as %s', (date, locale, expected) => {
    expect(formatDate(date, locale)).toBe(expected);
  });

  it('shows a dash when there is no date', () => {
    expect(formatDate(null, 'ja')).toBe('—');
  });

  it('shows text that is not a date as it is', () => {
    expect(formatDate('来週', 'ja')).toBe('来週');
  });
});

describe('formatDays', () => {
  it.each([
    [15, 'ja', '15日'],
    [1, 'ja', '1日'],
    [1, 'en', '1 day'],
    [0, 'en', '0 days'],
    [15, 'en', '15 days'],
  ] as const)('shows %d in %s as %s', (days, locale, expected) => {
    expect(formatDays(days, locale)).toBe(expected);
  });
});

describe('formatInstant', () => {
  it('shows the instant in the spreadsheet time zone, not UTC', () => {
    // 23:30 UTC on the 19th is already the 20th in Tokyo.
    expect(formatInstant('2026-11-19T23:30:00Z', 'Asia/Tokyo', 'ja')).toBe('11/20 08:30');
    expect(formatInstant('2026-11-19T23:30:00Z', 'Asia/Tokyo', 'en')).toBe('Nov 20, 08:30');
  });

  it('shows an unreadable instant as it is', () => {
    expect(formatInstant('yesterday', 'Asia/Tokyo', 'ja')).toBe('yesterday');
  });
});

describe('formatSeconds', () => {
  it.each([
    [2140, 'ja', '2.1秒'],
    [2140, 'en', '2.1 s'],
    [50, 'en', '0.1 s'],
    [0, 'ja', '0.0秒'],
  ] as const)('shows %d ms in %s as %s', (ms, locale, expected) => {
    expect(formatSeconds(ms, locale)).toBe(expected);
  });
});

describe('the formats\' words', () => {
  it.each([
    ['seconds', '{seconds} sec', () => formatSeconds(2140, 'en'), '2.1 sec'],
    ['daysMany', '{days} d', () => formatDays(3, 'en'), '3 d'],
    ['dateLong', '{year}-{month}-{day} {weekday}', () => formatDate('2026-11-20', 'en'), '2026-Nov-20 Fri'],
    ['instantShort', '{day} {month} {time}', () => formatInstant('2026-11-19T23:30:00Z', 'Asia/Tokyo', 'en'), '20 Nov 08:30'],
  ] as const)('come from the catalogue: %s', (key, template, render, expected) => {
    const message = MESSAGES[key] as { en: string };
    const saved = message.en;
    try {
      message.en = template;
      expect(render()).toBe(expected);
    } finally {
      message.en = saved;
    }
  });
});

describe('isOverdue', () => {
  it.each([
    ['2026-11-19', true],
    ['2026-11-20', false],
    ['2026-11-21', false],
    [null, false],
  ] as const)('says %s is overdue on 2026-11-20: %s', (due, expected) => {
    expect(isOverdue(due, '2026-11-20')).toBe(expected);
  });
});

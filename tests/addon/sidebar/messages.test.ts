import { describe, expect, it } from 'vitest';
import { CALENDAR_NAMES, MESSAGES, setLocale, t, tr } from '../../../addon/sidebar/messages.ts';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('MESSAGES', () => {
  it.each(Object.entries(MESSAGES))('%s has text in both languages with the same placeholders', (_, message) => {
    expect(message.ja.trim()).not.toBe('');
    expect(message.en.trim()).not.toBe('');
    expect(placeholders(message.en)).toEqual(placeholders(message.ja));
  });
});

describe('t', () => {
  it('speaks Japanese until the locale is set, then the chosen language', () => {
    expect(t('syncNow')).toBe('今すぐ同期');
    setLocale('en');
    expect(t('syncNow')).toBe('Sync now');
    setLocale('ja');
  });

  it('fills placeholders', () => {
    expect(tr('en', 'flaggedShown', { sheet: 'Deals', count: 3 })).toBe('Showing 3 flagged rows on “Deals”');
  });
});

describe('CALENDAR_NAMES', () => {
  it.each(['ja', 'en'] as const)('names 7 weekdays and 12 months in %s, none blank', (locale) => {
    expect(CALENDAR_NAMES.weekdays[locale]).toHaveLength(7);
    expect(CALENDAR_NAMES.months[locale]).toHaveLength(12);
    expect([...CALENDAR_NAMES.weekdays[locale], ...CALENDAR_NAMES.months[locale]].filter((name) => name.trim() === '')).toEqual([]);
  });
});

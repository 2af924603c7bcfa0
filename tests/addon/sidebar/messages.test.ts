import { describe, expect, it } from 'vitest';
import { MESSAGES, setLocale, t, tr } from '../../../addon/sidebar/messages.ts';

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

import { describe, expect, it } from 'vitest';
import { localeOfUserLocale } from '../../../addon/src/i18n/addon-locale.ts';
import { ADDON_MESSAGES } from '../../../addon/src/i18n/addon-messages.ts';

describe('localeOfUserLocale', () => {
  it.each([
    ['en', 'en'],
    ['en_US', 'en'],
    ['en-GB', 'en'],
    ['ja', 'ja'],
    ['ja_JP', 'ja'],
    ['fr', 'ja'],
    ['eng', 'ja'],
    [null, 'ja'],
  ] as const)('reads %s as %s', (userLocale, locale) => {
    expect(localeOfUserLocale(userLocale)).toBe(locale);
  });
});

describe('ADDON_MESSAGES', () => {
  it('has every message in Japanese and English with the same placeholders', () => {
    for (const [key, message] of Object.entries(ADDON_MESSAGES)) {
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(message.ja, key).not.toBe('');
      expect(names(message.ja), key).toEqual(names(message.en));
    }
  });
});

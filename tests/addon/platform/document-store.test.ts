import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, prefsOf } from '../../../addon/src/platform/document-store.ts';

describe('prefsOf', () => {
  it('reads stored prefs and fills what is missing or malformed with the defaults', () => {
    expect(prefsOf({ locale: 'en', hourlySync: false, syncOnChange: true })).toEqual({ locale: 'en', hourlySync: false, syncOnChange: true });
    expect(prefsOf({ locale: 'fr', hourlySync: 'yes' })).toEqual({ locale: null, hourlySync: DEFAULT_PREFS.hourlySync, syncOnChange: DEFAULT_PREFS.syncOnChange });
    expect(prefsOf(null)).toEqual(DEFAULT_PREFS);
  });
});

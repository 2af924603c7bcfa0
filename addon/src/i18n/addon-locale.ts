import type { Locale } from '../../../shared/i18n/locale.ts';
import { loadPrefs } from '../platform/document-store.ts';

/** Japanese unless the user's Google account speaks English (en, en_US, en-GB…). */
export function localeOfUserLocale(userLocale: string | null | undefined): Locale {
  return typeof userLocale === 'string' && /^en(?:[-_]|$)/i.test(userLocale) ? 'en' : 'ja';
}

/** The language of the user's Google account; Japanese when it cannot be read. */
export function googleAccountLocale(): Locale {
  let userLocale: string | null = null;
  try {
    userLocale = Session.getActiveUserLocale();
  } catch {
    // Not available to this execution.
  }
  return localeOfUserLocale(userLocale);
}

/**
 * The add-on's language: the preference stored for the spreadsheet, else the user's Google
 * locale. Before authorization (onOpen in AuthMode.NONE) properties cannot be read, so only the
 * user's locale decides.
 */
export function addonLocale(): Locale {
  try {
    const preferred = loadPrefs().locale;
    if (preferred !== null) return preferred;
  } catch {
    // PropertiesService is unavailable in AuthMode.NONE.
  }
  return googleAccountLocale();
}

import type { Request, Response } from 'express';
import { LOCALES, type Locale } from '../../shared/i18n/locale.ts';

/**
 * The reader's language from Accept-Language (`en-US` reads as `en`); Japanese when the header is
 * missing or names neither. The answer says which it used and that it varies by the header.
 */
export function requestLocale(req: Request, res: Response): Locale {
  const header = req.headers['accept-language'];
  const best = typeof header === 'string' && header.trim() !== '' ? req.acceptsLanguages(...LOCALES) : false;
  const locale: Locale = best === 'en' ? 'en' : 'ja';
  res.setHeader('Content-Language', locale);
  res.vary('Accept-Language');
  return locale;
}

import { format, type Message, type MessageParams } from '../../../shared/i18n/locale.ts';
import { addonLocale } from '../i18n/addon-locale.ts';

/** A message in the add-on user's language (Japanese unless they chose English). */
export function localize(message: Message, params?: MessageParams): string {
  return format(message[addonLocale()], params);
}

import type { Locale } from '../../shared/i18n/locale.ts';
import { withLocalizedStageLabels } from '../../shared/settings/localized-stages.ts';
import type { SyncSettings } from '../../shared/settings/sync-settings.ts';
import type { Db } from '../db/database.ts';
import { resolveSpreadsheetSettings } from '../sync/spreadsheet-settings.ts';

/** The settings a sync of the spreadsheet reads and flags with, and the language it writes in. */
export interface SheetSettings {
  readonly settings: SyncSettings;
  readonly locale: Locale;
  /** The settings before the default stage labels speak the sheet's language: to render them in a reader's. */
  readonly configured: SyncSettings;
}

/**
 * As the sync engine derives them (resolveSpreadsheetSettings: a Google sheet keeps its own time zone);
 * the language is the configured one, else the deals tab's header language.
 */
export async function sheetSettings(db: Db, spreadsheetId: string, dealsLocale: Locale | null): Promise<SheetSettings | null> {
  const row = await db.selectFrom('spreadsheets').select(['source_kind', 'time_zone', 'settings']).where('id', '=', spreadsheetId).executeTakeFirst();
  if (row === undefined) return null;
  const { settings: configured } = resolveSpreadsheetSettings({ kind: row.source_kind, timeZone: row.time_zone }, row.settings);
  const locale = configured.locale ?? dealsLocale ?? 'ja';
  return { settings: withLocalizedStageLabels(configured, locale), locale, configured };
}

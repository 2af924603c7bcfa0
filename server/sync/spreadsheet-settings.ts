import { applySettingsOverrides } from '../../shared/settings/settings-overrides.ts';
import { DEFAULT_SETTINGS, type SyncSettings } from '../../shared/settings/sync-settings.ts';
import type { SourceKind } from '../spreadsheets/spreadsheet.table.ts';

/** What decides a spreadsheet's calendar: where it comes from and the zone it records, if any. */
export interface SpreadsheetZone {
  readonly kind: SourceKind;
  readonly timeZone: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The one rule for a spreadsheet's settings, used by the sync, the visit path, the deal card and
 * requests so they all agree on "today": a Google spreadsheet keeps its own time zone (a
 * `timeZone` override is reported and ignored, as Google's own formulas and the add-on use it);
 * other sources (.xlsx, which records no zone) take the override, else the zone they give, else the default.
 */
export function resolveSpreadsheetSettings(sheet: SpreadsheetZone, overrides: unknown): { settings: SyncSettings; problems: string[] } {
  // Stored rows hold the zone the source gave, or the default when it gave none: same as here.
  const zone = sheet.timeZone ?? DEFAULT_SETTINGS.timeZone;
  const base: SyncSettings = { ...DEFAULT_SETTINGS, timeZone: zone };
  if (sheet.kind !== 'google' || !isRecord(overrides) || !('timeZone' in overrides)) return applySettingsOverrides(base, overrides);
  const { timeZone: _ignored, ...rest } = overrides;
  const { settings, problems } = applySettingsOverrides(base, rest);
  return { settings, problems: [`settings.timeZone: the spreadsheet's own time zone (${zone}) is used on Google Sheets`, ...problems] };
}


/** The zone "today" is counted in for a spreadsheet, by the rule above (daily report, digest). */
export function spreadsheetTimeZone(sheet: SpreadsheetZone, overrides: unknown): string {
  return resolveSpreadsheetSettings(sheet, overrides).settings.timeZone;
}

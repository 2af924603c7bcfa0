import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings/sync-settings.ts';
import { resolveSpreadsheetSettings } from '../../../server/sync/spreadsheet-settings.ts';

describe('resolveSpreadsheetSettings', () => {
  it('keeps a Google sheet\'s own time zone and reports the override once when settings override timeZone', () => {
    const { settings, problems } = resolveSpreadsheetSettings({ kind: 'google', timeZone: 'Asia/Tokyo' }, { timeZone: 'UTC', warningRatio: 0.5 });
    expect(settings.timeZone).toBe('Asia/Tokyo');
    expect(settings.warningRatio).toBe(0.5);
    expect(problems).toEqual(['settings.timeZone: the spreadsheet\'s own time zone (Asia/Tokyo) is used on Google Sheets']);
  });

  it('reports only the own-zone problem when a Google sheet\'s timeZone override is not even a zone', () => {
    const { settings, problems } = resolveSpreadsheetSettings({ kind: 'google', timeZone: 'Europe/Berlin' }, { timeZone: 'Mars/Olympus' });
    expect(settings.timeZone).toBe('Europe/Berlin');
    expect(problems).toEqual(['settings.timeZone: the spreadsheet\'s own time zone (Europe/Berlin) is used on Google Sheets']);
  });

  it('uses the default zone for a Google sheet whose zone Google did not give, still ignoring the override', () => {
    const { settings, problems } = resolveSpreadsheetSettings({ kind: 'google', timeZone: null }, { timeZone: 'UTC' });
    expect(settings.timeZone).toBe(DEFAULT_SETTINGS.timeZone);
    expect(problems).toHaveLength(1);
  });

  it('applies the override without a problem when the source is an .xlsx workbook, whatever zone is stored', () => {
    for (const timeZone of [null, 'Asia/Tokyo']) {
      const { settings, problems } = resolveSpreadsheetSettings({ kind: 'xlsx', timeZone }, { timeZone: 'UTC' });
      expect(settings.timeZone).toBe('UTC');
      expect(problems).toEqual([]);
    }
  });

  it('uses the default zone for an .xlsx workbook, which records none, when nothing is overridden', () => {
    expect(resolveSpreadsheetSettings({ kind: 'xlsx', timeZone: null }, null).settings.timeZone).toBe(DEFAULT_SETTINGS.timeZone);
  });

  it('takes Google\'s zone and reports nothing when no timeZone is overridden', () => {
    const { settings, problems } = resolveSpreadsheetSettings({ kind: 'google', timeZone: 'America/New_York' }, { dayCounting: 'business' });
    expect(settings).toMatchObject({ timeZone: 'America/New_York', dayCounting: 'business' });
    expect(problems).toEqual([]);
  });
});

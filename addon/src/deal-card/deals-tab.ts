import type { SheetGrid } from '../../../shared/mapping/sheet-grid.ts';
import { HEADER_SCAN_ROWS, resolveMapping } from '../../../shared/mapping/resolve-mapping.ts';
import type { ResolvedTab } from '../../../shared/mapping/tab-mapping.ts';
import { readGridHead } from '../bootstrap/sheet-cells.ts';
import { storedMappingSpec } from '../bootstrap/stored-tabs.ts';
import { t } from '../i18n/addon-messages.ts';
import { locateServiceColumns } from '../sync/service-column-locator.ts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;


export interface DealsTab {
  readonly sheet: Sheet;
  readonly tab: ResolvedTab<'deals'>;
  /** The ID [SFA] column, by developer metadata or header marker; null before the first sync. */
  readonly idColumn: number | null;
  readonly flagsColumn: number | null;
}

/**
 * The deals tab: the one set-up stored (its columns found again by header text), else the one the
 * shared detection recognises, as the sync does. Null when there is none.
 */
export function findDealsTab(ss: Spreadsheet): DealsTab | null {
  const timeZone = ss.getSpreadsheetTimeZone();
  const spec = storedMappingSpec();
  const stored = spec?.tabs?.deals;
  let grids: SheetGrid[];
  if (stored !== undefined) {
    const sheet = ss.getSheetByName(stored.sheet);
    if (sheet === null) return null;
    grids = [readGridHead(sheet, Math.max(HEADER_SCAN_ROWS, stored.headerRow ?? 0), timeZone)];
  } else {
    grids = ss.getSheets().map((sheet) => readGridHead(sheet, HEADER_SCAN_ROWS, timeZone));
  }
  const resolved = resolveMapping(grids, stored === undefined ? null : { tabs: { deals: stored } });
  const tab = resolved.tabs.find((t): t is ResolvedTab<'deals'> => t.kind === 'deals');
  if (tab === undefined) return null;
  const sheet = ss.getSheetByName(tab.sheet);
  if (sheet === null) return null;
  const located = locateServiceColumns(sheet);
  return {
    sheet,
    tab,
    idColumn: located?.columns.id ?? tab.serviceColumns.id ?? null,
    flagsColumn: located?.columns.flags ?? tab.serviceColumns.flags ?? null,
  };
}

/** What to say when there is no deals tab: set the sheet up, by the menu item's own label. */
export function noDealsTabMessage(): string {
  return t('error.no_deals_tab', { menu: t('menu.setUp') });
}

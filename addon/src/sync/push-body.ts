// What the add-on pushes: the mapped tabs' cells (or, before set-up, the tabs the shared detection
// recognises), where developer metadata places the service's columns, and the stored mapping.
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { HEADER_SCAN_ROWS, resolveMapping } from '../../../shared/mapping/resolve-mapping.ts';
import { TAB_KINDS } from '../../../shared/records/tab-kind.ts';
import type { SheetGrid } from '../../../shared/mapping/sheet-grid.ts';
import type { ServiceColumnTags } from '../../../shared/write-plan/service-column-tags.ts';
import type { StoredMapping } from '../platform/document-store.ts';
import { dateSerializer, readHeaderCells, readSheetCells } from './sheet-values.ts';
import { taggedServiceColumns } from './service-column-locator.ts';

export interface PushTabBody {
  readonly name: string;
  readonly values: CellValue[][];
  readonly serviceColumns?: ServiceColumnTags;
}

export interface PushBody {
  readonly title: string;
  readonly timeZone: string;
  readonly tabs: readonly PushTabBody[];
  readonly mapping?: StoredMapping;
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The sheet names a stored mapping names, each once, in deals, visits, requests order. */
export function mappedSheetNames(mapping: StoredMapping): string[] {
  const names: string[] = [];
  for (const kind of TAB_KINDS) {
    const sheet = mapping.tabs?.[kind]?.sheet;
    if (typeof sheet === 'string' && sheet !== '' && !names.includes(sheet)) names.push(sheet);
  }
  return names;
}

/** Pure: the tabs the shared detection finds in these grids, or null when none holds deals. */
export function detectedSheetNames(grids: readonly SheetGrid[]): string[] | null {
  const tabs = resolveMapping(grids, null).tabs;
  if (!tabs.some((t) => t.kind === 'deals')) return null;
  return tabs.map((t) => t.sheet);
}

/** The sheets to push, or null when there is no stored mapping and no deals tab to be found. */
function sheetsToPush(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, mapping: StoredMapping | null, toSerial: (d: Date) => number | null): Sheet[] | null {
  if (mapping !== null) {
    const names = mappedSheetNames(mapping);
    if (names.length > 0) {
      // A mapped tab that is gone is the service's to report (it names the sheet); the rest still go.
      const sheets = names.map((n) => spreadsheet.getSheetByName(n)).filter((s): s is Sheet => s !== null);
      if (sheets.length > 0) return sheets;
    }
  }
  const sheets = spreadsheet.getSheets();
  const grids = sheets.map((s) => ({ name: s.getName(), rows: readHeaderCells(s, HEADER_SCAN_ROWS, toSerial) }));
  const names = detectedSheetNames(grids);
  return names === null ? null : sheets.filter((s) => names.includes(s.getName()));
}

function tabBody(sheet: Sheet, toSerial: (d: Date) => number | null): PushTabBody {
  const values = readSheetCells(sheet, toSerial);
  const tags = taggedServiceColumns(sheet);
  // The service takes a header row up to one past the rows sent (a header row whose cells were cleared).
  if (tags === null || tags.headerRow > values.length + 1) return { name: sheet.getName(), values };
  return { name: sheet.getName(), values, serviceColumns: tags };
}

/** The push body, or null when nothing can be synced before set-up. */
export function buildPushBody(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, mapping: StoredMapping | null): PushBody | null {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const toSerial = dateSerializer(timeZone);
  const sheets = sheetsToPush(spreadsheet, mapping, toSerial);
  if (sheets === null) return null;
  const tabs = sheets.map((s) => tabBody(s, toSerial));
  return { title: spreadsheet.getName(), timeZone, tabs, ...(mapping === null ? {} : { mapping }) };
}

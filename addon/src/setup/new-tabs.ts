import { cellText } from '../../../shared/cells/cell-text.ts';
import type { TabSpec } from '../../../shared/mapping/tab-mapping.ts';
import type { TabKind } from '../../../shared/records/tab-kind.ts';
import { serviceColumnOfHeader } from '../../../shared/write-plan/service-columns.ts';
import { newTabHeaders, fieldsOf } from './field-labels.ts';
import { NEW_TAB_NAMES } from './setup-messages.ts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function headerRowIs(sheet: Sheet, headers: readonly string[]): boolean {
  if (sheet.getLastRow() < 1 || sheet.getLastColumn() < headers.length) return false;
  const row = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
  // The service's own columns follow once a sync ran.
  return headers.every((h, i) => cellText(row[i]) === h) && row.slice(headers.length).every((c) => c === '' || serviceColumnOfHeader(cellText(c)) !== null);
}

export interface NewTab {
  readonly spec: Required<TabSpec>;
  /** Whether the tab is there already (set-up created it before: a repeated save). */
  readonly exists: boolean;
}

/**
 * The visits or requests tab for a team that has none, with Japanese headers in row 1. A tab
 * set-up created before is reused; any other tab of that name is left alone and the new one gets
 * a numbered name. Reads only: createNewTab makes it.
 */
export function plannedNewTab(ss: Spreadsheet, kind: Exclude<TabKind, 'deals'>): NewTab {
  const headers = newTabHeaders(kind);
  const fields = fieldsOf(kind);
  const spec = (sheet: string): Required<TabSpec> => ({
    sheet,
    headerRow: 1,
    columns: Object.fromEntries(fields.map((f, i) => [f, headers[i] ?? f])),
  });
  const base = NEW_TAB_NAMES[kind];
  let name: string = base;
  for (let n = 2; ; n++) {
    const existing = ss.getSheetByName(name);
    if (existing === null) return { spec: spec(name), exists: false };
    if (headerRowIs(existing, headers)) return { spec: spec(name), exists: true };
    name = `${base} (${n})`;
  }
}

/** Creates a planned tab: its headers in row 1 (frozen, bold). Writes only into the tab it creates. */
export function createNewTab(ss: Spreadsheet, tab: NewTab): void {
  const headers = Object.values(tab.spec.columns);
  // insertSheet activates the new tab: the user stays where they were.
  const active = ss.getActiveSheet();
  const sheet = ss.insertSheet(tab.spec.sheet);
  const header = sheet.getRange(1, 1, 1, headers.length);
  header.setValues([headers]);
  header.setFontWeight('bold');
  sheet.setFrozenRows(1);
  active.activate();
}

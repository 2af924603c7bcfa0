// Where the service's columns are on a sheet. Developer metadata first: it follows a column the
// team moved or renamed. The `[SFA]` header markers otherwise (a sheet set up by the .xlsx path, or
// before the tags existed).
import { cellText } from '../../../shared/cells/cell-text.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { HEADER_SCAN_ROWS } from '../../../shared/mapping/resolve-mapping.ts';
import { HEADER_ROW_TAG, SERVICE_COLUMN_TAG, serviceColumnKeyOf, type ServiceColumnTags } from '../../../shared/write-plan/service-column-tags.ts';
import { serviceColumnOfHeader, type ServiceColumnKey } from '../../../shared/write-plan/service-columns.ts';
import { readHeaderCells } from './sheet-values.ts';

export interface ServiceColumnLocation {
  readonly headerRow: number;
  readonly columns: Readonly<Partial<Record<ServiceColumnKey, number>>>;
}

export interface MetadataTag {
  readonly metadata: GoogleAppsScript.Spreadsheet.DeveloperMetadata;
  /** 1-based row or column the tag sits on. */
  readonly index: number;
  readonly value: string | null;
}

function find(sheet: GoogleAppsScript.Spreadsheet.Sheet, key: string, type: GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
  return sheet.createDeveloperMetadataFinder().withKey(key).withLocationType(type).find();
}

/** The service-column tags on the sheet's columns, left to right. */
export function columnTags(sheet: GoogleAppsScript.Spreadsheet.Sheet): MetadataTag[] {
  return find(sheet, SERVICE_COLUMN_TAG, SpreadsheetApp.DeveloperMetadataLocationType.COLUMN)
    .map((metadata) => ({ metadata, index: metadata.getLocation().getColumn()?.getColumn() ?? 0, value: metadata.getValue() }))
    .filter((t) => t.index > 0)
    .sort((a, b) => a.index - b.index);
}

/** The header-row tags on the sheet's rows, top to bottom. */
export function headerRowTags(sheet: GoogleAppsScript.Spreadsheet.Sheet): MetadataTag[] {
  return find(sheet, HEADER_ROW_TAG, SpreadsheetApp.DeveloperMetadataLocationType.ROW)
    .map((metadata) => ({ metadata, index: metadata.getLocation().getRow()?.getRow() ?? 0, value: metadata.getValue() }))
    .filter((t) => t.index > 0)
    .sort((a, b) => a.index - b.index);
}

/** What the developer metadata says, as the push sync's `serviceColumns` carries it; null when untagged. */
export function taggedServiceColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet): ServiceColumnTags | null {
  const headerRow = headerRowTags(sheet)[0]?.index;
  if (headerRow === undefined) return null;
  const columns: { key: ServiceColumnKey; column: number }[] = [];
  for (const tag of columnTags(sheet)) {
    const key = serviceColumnKeyOf(tag.value);
    // The leftmost tag of a key wins, as the service reads them.
    if (key !== null && !columns.some((c) => c.key === key)) columns.push({ key, column: tag.index });
  }
  return columns.length === 0 ? null : { headerRow, columns };
}

/** Pure: the header row holding the most `[SFA]` headers in the rows given, and their columns. */
export function markedServiceColumns(rows: readonly (readonly CellValue[])[]): ServiceColumnLocation | null {
  let best: ServiceColumnLocation | null = null;
  let bestCount = 0;
  for (let r = 0; r < rows.length; r++) {
    const columns: Partial<Record<ServiceColumnKey, number>> = {};
    let count = 0;
    (rows[r] ?? []).forEach((cell, c) => {
      const key = serviceColumnOfHeader(cellText(cell));
      if (key !== null && columns[key] === undefined) {
        columns[key] = c + 1;
        count++;
      }
    });
    if (count > bestCount) {
      best = { headerRow: r + 1, columns };
      bestCount = count;
    }
  }
  return best;
}

/** Where the sheet's service columns are: developer metadata first, `[SFA]` headers otherwise. */
export function locateServiceColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet): ServiceColumnLocation | null {
  const tagged = taggedServiceColumns(sheet);
  if (tagged !== null) {
    const columns: Partial<Record<ServiceColumnKey, number>> = {};
    for (const { key, column } of tagged.columns) columns[key] = column;
    return { headerRow: tagged.headerRow, columns };
  }
  // Header text only: dates need no serial.
  return markedServiceColumns(readHeaderCells(sheet, HEADER_SCAN_ROWS, () => null));
}

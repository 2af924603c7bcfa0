// Developer metadata on each service column and on the header row (visibility DOCUMENT), as the
// service's Google source tags them: the team may then move or rename the columns, and the next
// push tells the service where they went.
import { columnLetter } from '../../../shared/mapping/column-letter.ts';
import { HEADER_ROW_TAG, SERVICE_COLUMN_TAG } from '../../../shared/write-plan/service-column-tags.ts';
import type { ServiceColumnKey } from '../../../shared/write-plan/service-columns.ts';
import { columnTags, headerRowTags } from './service-column-locator.ts';

// The header row's tag needs no value; a constant one keeps it readable in the metadata list.
const HEADER_ROW_VALUE = 'header';

/** Tags every service column and the header row where a tag is missing or stale; a key keeps one tag. */
export function tagServiceColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, headerRow: number, columns: Readonly<Partial<Record<ServiceColumnKey, number>>>): number {
  const wanted = Object.entries(columns).filter((e): e is [ServiceColumnKey, number] => e[1] !== undefined);
  if (wanted.length === 0) return 0;
  const visibility = SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT;
  const existing = columnTags(sheet);
  let changed = 0;
  for (const [key, column] of wanted) {
    const tags = existing.filter((t) => t.value === key);
    if (tags.length === 1 && tags[0]?.index === column) continue;
    for (const t of tags) t.metadata.remove();
    const letter = columnLetter(column);
    sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(SERVICE_COLUMN_TAG, key, visibility);
    changed++;
  }
  const rowTags = headerRowTags(sheet);
  if (!(rowTags.length === 1 && rowTags[0]?.index === headerRow)) {
    for (const t of rowTags) t.metadata.remove();
    sheet.getRange(`${headerRow}:${headerRow}`).addDeveloperMetadata(HEADER_ROW_TAG, HEADER_ROW_VALUE, visibility);
    changed++;
  }
  return changed;
}

import type { sheets_v4 } from 'googleapis';
import type { ServiceColumnKey } from '../../../shared/write-plan/service-columns.ts';
import { HEADER_ROW_TAG, SERVICE_COLUMN_TAG, serviceColumnKeyOf, type ServiceColumnTags } from '../../../shared/write-plan/service-column-tags.ts';

const METADATA = 'developerMetadata(metadataId,metadataKey,metadataValue,location(dimensionRange))';

/**
 * One spreadsheets.get: title, time zone, each tab's id and grid size, and the developer metadata
 * of its rows and columns (dimension metadata comes only inside GridData; no cell is fetched).
 */
export const SPREADSHEET_FIELDS =
  'properties(title,timeZone),' +
  'sheets(properties(sheetId,title,sheetType,gridProperties(rowCount,columnCount)),' +
  `data(startRow,startColumn,rowMetadata(${METADATA}),columnMetadata(${METADATA})))`;

/** A developer metadata tag found on a row or column; 1-based. */
export interface HeaderRowTag {
  readonly metadataId: number | null;
  readonly row: number;
}

export interface ColumnTag {
  readonly metadataId: number | null;
  readonly key: ServiceColumnKey;
  readonly column: number;
}

export interface TabMeta {
  readonly sheetId: number;
  readonly title: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly headerRowTags: readonly HeaderRowTag[];
  readonly columnTags: readonly ColumnTag[];
}

export interface SpreadsheetMeta {
  readonly title: string;
  readonly timeZone: string | null;
  /** Grid tabs only: chart sheets and data-source sheets hold no rows to read. */
  readonly tabs: readonly TabMeta[];
}

/** Each tagged dimension's 1-based index, from the metadata's own location or its place in the list. */
function tagsIn(
  dimensions: readonly sheets_v4.Schema$DimensionProperties[] | undefined,
  start: number,
  key: string,
): { metadataId: number | null; index: number; value: string | null }[] {
  const found: { metadataId: number | null; index: number; value: string | null }[] = [];
  if (dimensions === undefined) return found;
  for (let i = 0; i < dimensions.length; i++) {
    const list = dimensions[i]?.developerMetadata;
    if (list === undefined) continue;
    for (const m of list) {
      if (m.metadataKey !== key) continue;
      const index = (m.location?.dimensionRange?.startIndex ?? start + i) + 1;
      found.push({ metadataId: m.metadataId ?? null, index, value: m.metadataValue ?? null });
    }
  }
  return found;
}

function tabMetaOf(sheet: sheets_v4.Schema$Sheet): TabMeta | null {
  const p = sheet.properties;
  const sheetId = p?.sheetId ?? null;
  const title = p?.title ?? null;
  if (sheetId === null || title === null) return null;
  if ((p?.sheetType ?? 'GRID') !== 'GRID') return null;
  const headerRowTags: HeaderRowTag[] = [];
  const columnTags: ColumnTag[] = [];
  for (const data of sheet.data ?? []) {
    for (const t of tagsIn(data.rowMetadata, data.startRow ?? 0, HEADER_ROW_TAG)) headerRowTags.push({ metadataId: t.metadataId, row: t.index });
    for (const t of tagsIn(data.columnMetadata, data.startColumn ?? 0, SERVICE_COLUMN_TAG)) {
      const key = serviceColumnKeyOf(t.value);
      if (key !== null) columnTags.push({ metadataId: t.metadataId, key, column: t.index });
    }
  }
  headerRowTags.sort((a, b) => a.row - b.row);
  return {
    sheetId,
    title,
    rowCount: p?.gridProperties?.rowCount ?? 0,
    columnCount: p?.gridProperties?.columnCount ?? 0,
    headerRowTags,
    columnTags,
  };
}

/** The parts of a spreadsheets.get answer the source uses. */
export function spreadsheetMetaOf(spreadsheet: sheets_v4.Schema$Spreadsheet): SpreadsheetMeta {
  const tabs = (spreadsheet.sheets ?? []).map(tabMetaOf).filter((t): t is TabMeta => t !== null);
  return { title: spreadsheet.properties?.title ?? '', timeZone: spreadsheet.properties?.timeZone ?? null, tabs };
}

/** Where a tab's metadata places its service columns, or null when it tags none. */
export function serviceColumnTagsOf(tab: TabMeta): ServiceColumnTags | null {
  const headerRow = tab.headerRowTags[0]?.row;
  if (headerRow === undefined || tab.columnTags.length === 0) return null;
  return { headerRow, columns: tab.columnTags.map(({ key, column }) => ({ key, column })) };
}

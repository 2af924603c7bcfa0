import type { sheets_v4 } from 'googleapis';
import { HEADER_ROW_TAG, SERVICE_COLUMN_TAG } from '../../../shared/write-plan/service-column-tags.ts';
import { columnRuns } from '../../../shared/write-plan/column-runs.ts';
import type { ServiceColumnKey } from '../../../shared/write-plan/service-columns.ts';
import type { TabPlan, WritePlan } from '../../../shared/write-plan/write-plan.ts';
import { setupRequests } from './setup-requests.ts';
import type { TabMeta } from './spreadsheet-meta.ts';
import type { AppendedDateCell } from './value-writes.ts';

type Request = sheets_v4.Schema$Request;

/** The grid size a tab's plan needs: every column and row it writes or formats. */
function extentOf(tab: TabPlan): { rows: number; columns: number } {
  let rows = tab.headerRow;
  let columns = 0;
  for (const c of Object.values(tab.columns)) columns = Math.max(columns, c ?? 0);
  for (const c of tab.newColumns) columns = Math.max(columns, c.column);
  for (const w of tab.writes) {
    if (w.row > rows) rows = w.row;
    if (w.column > columns) columns = w.column;
  }
  return { rows, columns };
}

function appendRequests(tab: TabPlan, meta: TabMeta): Request[] {
  const { rows, columns } = extentOf(tab);
  const requests: Request[] = [];
  // values.batchUpdate refuses ranges past the grid ("exceeds grid limits"): grow it first.
  if (columns > meta.columnCount) requests.push({ appendDimension: { sheetId: meta.sheetId, dimension: 'COLUMNS', length: columns - meta.columnCount } });
  if (rows > meta.rowCount) requests.push({ appendDimension: { sheetId: meta.sheetId, dimension: 'ROWS', length: rows - meta.rowCount } });
  return requests;
}

/** The new columns' headers, as plain strings, in the same batch as their metadata. */
function headerRequests(tab: TabPlan, meta: TabMeta): Request[] {
  const headerOf = new Map(tab.newColumns.map((c) => [c.column, c.header]));
  return columnRuns([...headerOf.keys()]).map(([first, last]) => {
    const values: sheets_v4.Schema$CellData[] = [];
    for (let c = first; c <= last; c++) values.push({ userEnteredValue: { stringValue: headerOf.get(c) ?? '' } });
    return {
      updateCells: {
        start: { sheetId: meta.sheetId, rowIndex: tab.headerRow - 1, columnIndex: first - 1 },
        rows: [{ values }],
        fields: 'userEnteredValue',
      },
    };
  });
}

const deleteTag = (metadataId: number): Request => ({ deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId } } } });

function createTag(sheetId: number, dimension: 'ROWS' | 'COLUMNS', index: number, key: string, value: string | null): Request {
  return {
    createDeveloperMetadata: {
      developerMetadata: {
        metadataKey: key,
        ...(value === null ? {} : { metadataValue: value }),
        location: { dimensionRange: { sheetId, dimension, startIndex: index - 1, endIndex: index } },
        visibility: 'DOCUMENT',
      },
    },
  };
}

/**
 * Tags every service column of the tab, and its header row, where the tags are missing or stale:
 * new columns, and columns created before tagging existed. A key keeps one tag per tab.
 */
function tagRequests(tab: TabPlan, meta: TabMeta): Request[] {
  const requests: Request[] = [];
  const wanted = Object.entries(tab.columns).filter((e): e is [ServiceColumnKey, number] => e[1] !== undefined);
  for (const [key, column] of wanted) {
    const tags = meta.columnTags.filter((t) => t.key === key);
    if (tags.length === 1 && tags[0]?.column === column) continue;
    for (const t of tags) if (t.metadataId !== null) requests.push(deleteTag(t.metadataId));
    requests.push(createTag(meta.sheetId, 'COLUMNS', column, SERVICE_COLUMN_TAG, key));
  }
  const headerTagged = meta.headerRowTags.length === 1 && meta.headerRowTags[0]?.row === tab.headerRow;
  if (wanted.length > 0 && !headerTagged) {
    for (const t of meta.headerRowTags) if (t.metadataId !== null) requests.push(deleteTag(t.metadataId));
    requests.push(createTag(meta.sheetId, 'ROWS', tab.headerRow, HEADER_ROW_TAG, null));
  }
  return requests;
}

/** One tab's part of the setup batchUpdate: grow the grid, headers, tags, then the setup steps. */
export function tabStructureRequests(tab: TabPlan, meta: TabMeta): Request[] {
  return [
    ...appendRequests(tab, meta),
    ...headerRequests(tab, meta),
    ...tagRequests(tab, meta),
    ...setupRequests(tab.setup, { sheetId: meta.sheetId, headerRow: tab.headerRow, lastColumn: extentOf(tab).columns }),
  ];
}

/**
 * A date format on each date cell of the appended rows: a serial written RAW into a cell with no
 * format would show as a bare number. Only those cells: the team's own column formats stay.
 */
function appendedDateRequests(dates: readonly AppendedDateCell[], metaOf: (sheet: string) => TabMeta): Request[] {
  return dates.map((d) => ({
    repeatCell: {
      range: { sheetId: metaOf(d.sheet).sheetId, startRowIndex: d.row - 1, endRowIndex: d.row, startColumnIndex: d.column - 1, endColumnIndex: d.column },
      cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'yyyy/mm/dd' } } },
      fields: 'userEnteredFormat.numberFormat',
    },
  }));
}

/**
 * The whole plan's structural changes as one atomic spreadsheets.batchUpdate, or nothing when the
 * sheet is set up already. `metaOf` gives each tab as the last read saw it. Appended rows must be
 * placed first (placeAppendedRows): their cells then count as writes, and the grid grows to fit.
 */
export function planStructureRequests(plan: WritePlan, metaOf: (sheet: string) => TabMeta, dates: readonly AppendedDateCell[] = []): Request[] {
  return [...plan.tabs.flatMap((tab) => tabStructureRequests(tab, metaOf(tab.sheet))), ...appendedDateRequests(dates, metaOf)];
}

// What a spreadsheets.get shows once a setup batch has landed: the tags it created, the grid it grew.
const leavesTrace = (r: Request): boolean => r.createDeveloperMetadata !== undefined || r.appendDimension !== undefined;

/** Whether a later spreadsheets.get can tell that this setup batch landed. */
export function isCheckable(requests: readonly Request[]): boolean {
  return requests.some(leavesTrace);
}

/**
 * Whether the plan's setup batch has landed, judged from the spreadsheet fetched after sending it:
 * every column and header row tagged where the plan puts them, the grid grown to fit. The batch is
 * atomic, so these traces mean the rest of it (filter views, formats, protection) landed too.
 */
export function structureLanded(plan: WritePlan, metaOf: (sheet: string) => TabMeta, dates: readonly AppendedDateCell[] = []): boolean {
  return !isCheckable(planStructureRequests(plan, metaOf, dates));
}

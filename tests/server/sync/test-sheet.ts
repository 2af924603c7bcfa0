// Builds deal and visit sheets as in-memory grids, laid out the way teams lay them out: a title
// row, a blank row, then a header row in the team's own (odd) order. Readers find rows by deal
// title and cells by header, so tests never hard-code where a column happens to sit.

import { serialFromIsoDate, type IsoDate } from '../../../shared/calendar/iso-date.ts';
import { cellText } from '../../../shared/cells/cell-text.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { SERVICE_COLUMNS_BY_KIND, serviceColumnOfHeader, serviceHeader, type ServiceColumnKey } from '../../../shared/write-plan/service-columns.ts';
import { GridSource, type MutableGrid } from '../../../server/sources/grid/grid-source.ts';

export const DEALS_SHEET = '案件一覧';
export const VISITS_SHEET = '訪問記録';
export const SHEET_TITLE = '2026年度 営業案件管理表';
/** 1-based: the title is row 1, row 2 is blank, the headers are row 3. */
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = HEADER_ROW + 1;

/** The team's headers for each deal field this sheet uses. */
export const DEAL_HEADERS = {
  account: '顧客名',
  title: '案件名',
  owner: '担当者',
  stage: 'ステージ',
  amount: '金額',
  quoteSentOn: '見積提出日',
  ball: 'ボール',
  nextActionOn: '次回予定日',
  stageChangedOn: 'ステージ変更日',
} as const;
export type DealColumn = keyof typeof DEAL_HEADERS;

/** Deliberately not the order the fields are declared in: the sync must go by header. */
export const DEAL_COLUMN_ORDER: readonly DealColumn[] = [
  'owner',
  'title',
  'stage',
  'amount',
  'account',
  'ball',
  'quoteSentOn',
  'nextActionOn',
  'stageChangedOn',
];

export type DealRowInput = { readonly title: string } & { readonly [C in Exclude<DealColumn, 'title'>]?: CellValue };

export const VISIT_HEADERS = {
  visitedOn: '訪問日',
  account: '顧客名',
  dealTitle: '案件名',
  ball: 'ボール',
} as const;
export type VisitColumn = keyof typeof VISIT_HEADERS;
const VISIT_COLUMN_ORDER: readonly VisitColumn[] = ['visitedOn', 'account', 'dealTitle', 'ball'];
export type VisitRowInput = { readonly [C in VisitColumn]?: CellValue };

/** The service headers the sync appends to a Japanese deals tab, in the order it appends them. */
export const DEAL_SERVICE_HEADERS: readonly string[] = SERVICE_COLUMNS_BY_KIND.deals.map((k) => serviceHeader(k, 'ja'));

export function serviceHeaderOf(key: ServiceColumnKey): string {
  return serviceHeader(key, 'ja');
}

/** A date as Sheets hands it over (UNFORMATTED_VALUE, SERIAL_NUMBER). */
export function serial(date: IsoDate): number {
  return serialFromIsoDate(date);
}

function sheetWithHeaders(name: string, title: string, headers: readonly string[], rows: readonly CellValue[][]): MutableGrid {
  return { name, rows: [[title], [], [...headers], ...rows.map((r) => [...r])] };
}

/** A deals tab: title, blank row, headers in `columns` order, one row per input. */
export function dealGrid(rows: readonly DealRowInput[], options: { name?: string; columns?: readonly DealColumn[] } = {}): MutableGrid {
  const columns = options.columns ?? DEAL_COLUMN_ORDER;
  return sheetWithHeaders(
    options.name ?? DEALS_SHEET,
    SHEET_TITLE,
    columns.map((c) => DEAL_HEADERS[c]),
    rows.map((row) => dealCells(row, columns)),
  );
}

function dealCells(row: DealRowInput, columns: readonly DealColumn[]): CellValue[] {
  return columns.map((c) => (c === 'title' ? row.title : (row[c] ?? null)));
}

export function visitGrid(rows: readonly VisitRowInput[], name = VISITS_SHEET): MutableGrid {
  return sheetWithHeaders(
    name,
    '訪問記録',
    VISIT_COLUMN_ORDER.map((c) => VISIT_HEADERS[c]),
    rows.map((row) => VISIT_COLUMN_ORDER.map((c) => row[c] ?? null)),
  );
}

/** A source over the grids, as the add-on's pushed values would be. */
export function gridSource(spreadsheetId: string, ...grids: MutableGrid[]): GridSource {
  return new GridSource({ spreadsheetId, kind: 'values', title: `test ${spreadsheetId}`, timeZone: 'Asia/Tokyo' }, grids);
}

/** A deep copy of every cell, to compare a grid against later. */
export function snapshot(grid: MutableGrid): CellValue[][] {
  return grid.rows.map((r) => [...r]);
}

/** The header row's texts. */
export function headersOf(grid: MutableGrid): string[] {
  return (grid.rows[HEADER_ROW - 1] ?? []).map((c) => cellText(c));
}

/** The 1-based column holding `header`; throws when the header is missing or not unique. */
export function columnOf(grid: MutableGrid, header: string): number {
  const headers = headersOf(grid);
  const at = headers.indexOf(header);
  if (at < 0) throw new Error(`no column ${header} in ${grid.name}: ${headers.join(', ')}`);
  if (headers.lastIndexOf(header) !== at) throw new Error(`two columns ${header} in ${grid.name}`);
  return at + 1;
}

/** 1-based columns of the service's headers (… [SFA]). */
export function serviceColumns(grid: MutableGrid): number[] {
  return headersOf(grid).flatMap((h, i) => (serviceColumnOfHeader(h) === null ? [] : [i + 1]));
}

export interface SheetRow {
  /** 1-based sheet row. */
  readonly sheetRow: number;
  readonly cells: CellValue[];
}

const isEmpty = (v: CellValue | undefined): boolean => v === null || v === undefined || v === '';

/** Rows below the header with a value in any team column. */
export function dataRows(grid: MutableGrid): SheetRow[] {
  const service = new Set(serviceColumns(grid));
  const out: SheetRow[] = [];
  for (let i = HEADER_ROW; i < grid.rows.length; i++) {
    const cells = grid.rows[i] ?? [];
    if (cells.some((v, c) => !service.has(c + 1) && !isEmpty(v))) out.push({ sheetRow: i + 1, cells });
  }
  return out;
}

/** Every row carrying `title` in its title column, top to bottom. */
export function rowsOf(grid: MutableGrid, title: string, titleHeader: string = DEAL_HEADERS.title): SheetRow[] {
  const column = columnOf(grid, titleHeader);
  return dataRows(grid).filter((r) => r.cells[column - 1] === title);
}

/** The one row carrying `title`; throws when there is none or several. */
export function rowOf(grid: MutableGrid, title: string, titleHeader: string = DEAL_HEADERS.title): SheetRow {
  const rows = rowsOf(grid, title, titleHeader);
  const [row] = rows;
  if (row === undefined || rows.length > 1) throw new Error(`${rows.length} rows titled ${title} in ${grid.name}`);
  return row;
}

/** The cell under `header` of the row titled `title`. */
export function cellOf(grid: MutableGrid, title: string, header: string): CellValue {
  return rowOf(grid, title).cells[columnOf(grid, header) - 1] ?? null;
}

/** The id the sync wrote beside the row titled `title`. */
export function idOf(grid: MutableGrid, title: string): string {
  const id = cellOf(grid, title, serviceHeaderOf('id'));
  if (typeof id !== 'string' || id === '') throw new Error(`row ${title} has no id`);
  return id;
}

/** The values under `header`, one per data row, top to bottom. */
export function columnValues(grid: MutableGrid, header: string): CellValue[] {
  const column = columnOf(grid, header);
  return dataRows(grid).map((r) => r.cells[column - 1] ?? null);
}

/** The value under a service column for each row, by deal title. */
export function serviceValues(grid: MutableGrid, key: ServiceColumnKey): Map<string, CellValue> {
  const title = columnOf(grid, DEAL_HEADERS.title);
  const column = columnOf(grid, serviceHeaderOf(key));
  return new Map(dataRows(grid).map((r) => [cellText(r.cells[title - 1]), r.cells[column - 1] ?? null]));
}

/**
 * Every non-empty cell outside the service columns (as the header row names them now), by
 * address: what the team owns. Equal before and after a sync when the sync left the team alone.
 */
export function teamCells(grid: MutableGrid): Map<string, CellValue> {
  const service = new Set(serviceColumns(grid));
  const out = new Map<string, CellValue>();
  grid.rows.forEach((cells, r) => {
    cells.forEach((v, c) => {
      if (!service.has(c + 1) && !isEmpty(v)) out.set(`R${r + 1}C${c + 1}`, v);
    });
  });
  return out;
}

/** Sets the cell under `header` of the row titled `title`, as a user typing would. */
export function setCell(grid: MutableGrid, title: string, header: string, value: CellValue): void {
  const { cells } = rowOf(grid, title);
  const column = columnOf(grid, header);
  while (cells.length < column) cells.push(null);
  cells[column - 1] = value;
}

/** Deletes the row titled `title` (the whole row, as a user deleting it) and returns its cells. */
export function deleteRow(grid: MutableGrid, title: string): CellValue[] {
  const { sheetRow, cells } = rowOf(grid, title);
  grid.rows.splice(sheetRow - 1, 1);
  return cells;
}

/** Inserts a whole row of cells (service cells included) below the last row, or at a sheet row. */
export function insertRow(grid: MutableGrid, cells: readonly CellValue[], atSheetRow?: number): void {
  const at = atSheetRow === undefined ? grid.rows.length : atSheetRow - 1;
  grid.rows.splice(at, 0, [...cells]);
}

/** Appends a deal typed in by hand under the current headers (no id). */
export function appendDeal(grid: MutableGrid, row: DealRowInput): void {
  const byHeader = new Map<string, CellValue>(
    (Object.keys(DEAL_HEADERS) as DealColumn[]).map((c) => [DEAL_HEADERS[c], c === 'title' ? row.title : (row[c] ?? null)]),
  );
  grid.rows.push(headersOf(grid).map((h) => byHeader.get(h) ?? null));
}

// In-memory spreadsheets. Cells live in per-row arrays; formulas, formats and validation rules
// are sparse arrays beside the values, so a row moves as one object and a column is a splice.

import type { sheets_v4 } from 'googleapis';

export type Scalar = string | number | boolean;
/** A stored literal; null or undefined is an empty cell. */
export type StoredValue = Scalar | null | undefined;

export interface RowCells {
  values: StoredValue[];
  formulas?: (string | undefined)[];
  /** userEnteredFormat per cell; format objects are never mutated, only replaced. */
  formats?: (sheets_v4.Schema$CellFormat | undefined)[];
  validations?: (sheets_v4.Schema$DataValidationRule | undefined)[];
}

export interface DimensionProps {
  hiddenByUser?: boolean;
  pixelSize?: number;
}

export interface SheetModel {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  frozenColumnCount: number;
  hidden: boolean;
  tabColor: sheets_v4.Schema$Color | undefined;
  rows: (RowCells | undefined)[];
  rowProps: (DimensionProps | undefined)[];
  columnProps: (DimensionProps | undefined)[];
  conditionalFormats: sheets_v4.Schema$ConditionalFormatRule[];
  protectedRanges: sheets_v4.Schema$ProtectedRange[];
  filterViews: sheets_v4.Schema$FilterView[];
  basicFilter: sheets_v4.Schema$BasicFilter | null;
}

export type Dimension = 'ROWS' | 'COLUMNS';

// Metadata on rows and columns covers exactly one of them, as the API requires.
export type MetadataLocation =
  | { kind: 'SPREADSHEET' }
  | { kind: 'SHEET'; sheetId: number }
  | { kind: 'ROW' | 'COLUMN'; sheetId: number; index: number };

export interface StoredMetadata {
  metadataId: number;
  metadataKey: string;
  metadataValue: string | null;
  visibility: string;
  location: MetadataLocation;
}

export interface SpreadsheetModel {
  spreadsheetId: string;
  title: string;
  locale: string;
  timeZone: string;
  sheets: SheetModel[];
  metadata: StoredMetadata[];
  /** Lower-cased emails that may open the spreadsheet. */
  sharedWith: Set<string>;
}

export const DEFAULT_ROW_HEIGHT = 21;
export const DEFAULT_COLUMN_WIDTH = 100;

export function emptySheet(sheetId: number, title: string, rowCount: number, columnCount: number): SheetModel {
  return {
    sheetId,
    title,
    rowCount,
    columnCount,
    frozenRowCount: 0,
    frozenColumnCount: 0,
    hidden: false,
    tabColor: undefined,
    rows: [],
    rowProps: [],
    columnProps: [],
    conditionalFormats: [],
    protectedRanges: [],
    filterViews: [],
    basicFilter: null,
  };
}

export function findSheet(doc: SpreadsheetModel, sheetId: number): SheetModel | undefined {
  return doc.sheets.find((sheet) => sheet.sheetId === sheetId);
}

/** Exact title first, then case-insensitive, as Sheets resolves range titles. */
export function findSheetByTitle(doc: SpreadsheetModel, title: string): SheetModel | undefined {
  const exact = doc.sheets.find((sheet) => sheet.title === title);
  if (exact !== undefined) return exact;
  const lower = title.toLowerCase();
  return doc.sheets.find((sheet) => sheet.title.toLowerCase() === lower);
}

export function rowAt(sheet: SheetModel, row: number): RowCells {
  let cells = sheet.rows[row];
  if (cells === undefined) {
    cells = { values: [] };
    sheet.rows[row] = cells;
  }
  return cells;
}

export function cloneRow(row: RowCells): RowCells {
  const copy: RowCells = { values: row.values.slice() };
  if (row.formulas !== undefined) copy.formulas = row.formulas.slice();
  if (row.formats !== undefined) copy.formats = row.formats.slice();
  if (row.validations !== undefined) copy.validations = row.validations.slice();
  return copy;
}

function cloneProps(props: (DimensionProps | undefined)[]): (DimensionProps | undefined)[] {
  const copy: (DimensionProps | undefined)[] = new Array(props.length);
  for (let i = 0; i < props.length; i++) {
    const p = props[i];
    if (p !== undefined) copy[i] = { ...p };
  }
  return copy;
}

export function cloneSheet(sheet: SheetModel): SheetModel {
  const rows: (RowCells | undefined)[] = new Array(sheet.rows.length);
  for (let i = 0; i < sheet.rows.length; i++) {
    const row = sheet.rows[i];
    if (row !== undefined) rows[i] = cloneRow(row);
  }
  return {
    ...sheet,
    tabColor: sheet.tabColor === undefined ? undefined : { ...sheet.tabColor },
    rows,
    rowProps: cloneProps(sheet.rowProps),
    columnProps: cloneProps(sheet.columnProps),
    conditionalFormats: structuredClone(sheet.conditionalFormats),
    protectedRanges: structuredClone(sheet.protectedRanges),
    filterViews: structuredClone(sheet.filterViews),
    basicFilter: sheet.basicFilter === null ? null : structuredClone(sheet.basicFilter),
  };
}

export function cloneMetadata(entry: StoredMetadata): StoredMetadata {
  return { ...entry, location: { ...entry.location } };
}

/** Every id in use by sheets and sheet objects, so new ids never collide. */
export function takenIds(doc: SpreadsheetModel): Set<number> {
  const ids = new Set<number>();
  for (const sheet of doc.sheets) {
    ids.add(sheet.sheetId);
    for (const range of sheet.protectedRanges) if (range.protectedRangeId != null) ids.add(range.protectedRangeId);
    for (const view of sheet.filterViews) if (view.filterViewId != null) ids.add(view.filterViewId);
  }
  for (const entry of doc.metadata) ids.add(entry.metadataId);
  return ids;
}

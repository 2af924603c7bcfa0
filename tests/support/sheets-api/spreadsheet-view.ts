// The Spreadsheet resource as spreadsheets.get returns it (and inspect() snapshots it).

import type { sheets_v4 } from 'googleapis';
import type { Bounds } from './a1-notation.ts';
import { computeCell, extendedValue, renderComputed } from './cell-values.ts';
import { metadataView } from './developer-metadata.ts';
import { maskNames } from './field-mask.ts';
import type { FieldMask } from './field-mask.ts';
import { resolveRange } from './range-resolution.ts';
import { sheetPropertiesView } from './sheet-properties.ts';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from './spreadsheet-model.ts';
import type { DimensionProps, SheetModel, SpreadsheetModel } from './spreadsheet-model.ts';

export interface ViewOptions {
  ranges?: readonly string[];
  includeGridData: boolean;
  /** With a mask, the mask alone decides whether grid data is built (includeGridData is ignored). */
  mask: FieldMask | null;
}

interface GridWants {
  rowData: boolean;
  rowMetadata: boolean;
  columnMetadata: boolean;
}

const FORMATTED = { value: 'FORMATTED_VALUE', dateTime: 'FORMATTED_STRING' } as const;

function metadataByIndex(doc: SpreadsheetModel, sheet: SheetModel, kind: 'ROW' | 'COLUMN'): Map<number, sheets_v4.Schema$DeveloperMetadata[]> {
  const byIndex = new Map<number, sheets_v4.Schema$DeveloperMetadata[]>();
  for (const entry of doc.metadata) {
    const location = entry.location;
    if (location.kind !== kind || location.sheetId !== sheet.sheetId) continue;
    const list = byIndex.get(location.index) ?? [];
    list.push(metadataView(entry));
    byIndex.set(location.index, list);
  }
  return byIndex;
}

function dimensionView(
  props: DimensionProps | undefined,
  defaultSize: number,
  metadata: sheets_v4.Schema$DeveloperMetadata[] | undefined,
): sheets_v4.Schema$DimensionProperties {
  const view: sheets_v4.Schema$DimensionProperties = { pixelSize: props?.pixelSize ?? defaultSize };
  if (props?.hiddenByUser === true) view.hiddenByUser = true;
  if (metadata !== undefined) view.developerMetadata = metadata;
  return view;
}

function cellView(doc: SpreadsheetModel, sheet: SheetModel, rowIndex: number, column: number): sheets_v4.Schema$CellData {
  const row = sheet.rows[rowIndex];
  const cell: sheets_v4.Schema$CellData = {};
  if (row === undefined) return cell;
  const formula = row.formulas?.[column];
  const literal = row.values[column];
  const format = row.formats?.[column];
  if (formula !== undefined) cell.userEnteredValue = { formulaValue: formula };
  else if (literal !== undefined && literal !== null) cell.userEnteredValue = extendedValue(literal);
  const computed = formula === undefined ? (literal ?? undefined) : computeCell(doc, sheet, rowIndex, column);
  const effective = extendedValue(computed);
  if (effective !== undefined) {
    cell.effectiveValue = effective;
    cell.formattedValue = String(renderComputed(computed, format, undefined, FORMATTED));
  }
  if (format !== undefined) cell.userEnteredFormat = structuredClone(format);
  const validation = row.validations?.[column];
  if (validation !== undefined) cell.dataValidation = structuredClone(validation);
  return cell;
}

function rowDataView(doc: SpreadsheetModel, sheet: SheetModel, bounds: Bounds): sheets_v4.Schema$RowData[] {
  const rows: sheets_v4.Schema$RowData[] = [];
  let keptRows = 0;
  const lastRow = Math.min(bounds.endRow, sheet.rows.length);
  for (let r = bounds.startRow; r < lastRow; r++) {
    const row = sheet.rows[r];
    const values: sheets_v4.Schema$CellData[] = [];
    let kept = 0;
    if (row !== undefined) {
      const width = Math.max(row.values.length, row.formulas?.length ?? 0, row.formats?.length ?? 0, row.validations?.length ?? 0);
      for (let c = bounds.startColumn; c < Math.min(bounds.endColumn, width); c++) {
        const cell = cellView(doc, sheet, r, c);
        values.push(cell);
        if (Object.keys(cell).length > 0) kept = values.length;
      }
    }
    values.length = kept;
    rows.push(kept === 0 ? {} : { values });
    if (kept > 0) keptRows = rows.length;
  }
  rows.length = keptRows;
  return rows;
}

function gridDataView(doc: SpreadsheetModel, sheet: SheetModel, bounds: Bounds, wants: GridWants): sheets_v4.Schema$GridData {
  const data: sheets_v4.Schema$GridData = { startRow: bounds.startRow, startColumn: bounds.startColumn };
  if (wants.rowMetadata) {
    const metadata = metadataByIndex(doc, sheet, 'ROW');
    const rowMetadata: sheets_v4.Schema$DimensionProperties[] = [];
    for (let r = bounds.startRow; r < bounds.endRow; r++) {
      rowMetadata.push(dimensionView(sheet.rowProps[r], DEFAULT_ROW_HEIGHT, metadata.get(r)));
    }
    data.rowMetadata = rowMetadata;
  }
  if (wants.columnMetadata) {
    const metadata = metadataByIndex(doc, sheet, 'COLUMN');
    const columnMetadata: sheets_v4.Schema$DimensionProperties[] = [];
    for (let c = bounds.startColumn; c < bounds.endColumn; c++) {
      columnMetadata.push(dimensionView(sheet.columnProps[c], DEFAULT_COLUMN_WIDTH, metadata.get(c)));
    }
    data.columnMetadata = columnMetadata;
  }
  if (wants.rowData) {
    const rowData = rowDataView(doc, sheet, bounds);
    if (rowData.length > 0) data.rowData = rowData;
  }
  return data;
}

function sheetView(
  doc: SpreadsheetModel,
  sheet: SheetModel,
  index: number,
  dataBounds: Bounds[] | null,
  wants: GridWants,
): sheets_v4.Schema$Sheet {
  const view: sheets_v4.Schema$Sheet = { properties: sheetPropertiesView(sheet, index) };
  const sheetMetadata = doc.metadata.filter((m) => m.location.kind === 'SHEET' && m.location.sheetId === sheet.sheetId);
  if (sheetMetadata.length > 0) view.developerMetadata = sheetMetadata.map(metadataView);
  if (sheet.conditionalFormats.length > 0) view.conditionalFormats = structuredClone(sheet.conditionalFormats);
  if (sheet.protectedRanges.length > 0) view.protectedRanges = structuredClone(sheet.protectedRanges);
  if (sheet.filterViews.length > 0) view.filterViews = structuredClone(sheet.filterViews);
  if (sheet.basicFilter !== null) view.basicFilter = structuredClone(sheet.basicFilter);
  if (dataBounds !== null) view.data = dataBounds.map((bounds) => gridDataView(doc, sheet, bounds, wants));
  return view;
}

export function spreadsheetView(doc: SpreadsheetModel, options: ViewOptions): sheets_v4.Schema$Spreadsheet {
  const { mask } = options;
  const named = (path: string[]): boolean => (mask === null ? options.includeGridData : maskNames(mask, path));
  const wantsGrid = named(['sheets', 'data']);
  const wants: GridWants = {
    rowData: named(['sheets', 'data', 'rowData']),
    rowMetadata: named(['sheets', 'data', 'rowMetadata']),
    columnMetadata: named(['sheets', 'data', 'columnMetadata']),
  };

  const rangesBySheet = new Map<number, Bounds[]>();
  for (const text of options.ranges ?? []) {
    const range = resolveRange(doc, text);
    const list = rangesBySheet.get(range.sheet.sheetId) ?? [];
    list.push(range.bounds);
    rangesBySheet.set(range.sheet.sheetId, list);
  }
  const limited = (options.ranges ?? []).length > 0;

  const sheets: sheets_v4.Schema$Sheet[] = [];
  doc.sheets.forEach((sheet, index) => {
    const bounds = rangesBySheet.get(sheet.sheetId);
    if (limited && bounds === undefined) return;
    const whole: Bounds = { startRow: 0, endRow: sheet.rowCount, startColumn: 0, endColumn: sheet.columnCount };
    sheets.push(sheetView(doc, sheet, index, wantsGrid ? (bounds ?? [whole]) : null, wants));
  });

  const view: sheets_v4.Schema$Spreadsheet = {
    spreadsheetId: doc.spreadsheetId,
    properties: { title: doc.title, locale: doc.locale, autoRecalc: 'ON_CHANGE', timeZone: doc.timeZone },
    sheets,
  };
  const topLevel = doc.metadata.filter((m) => m.location.kind === 'SPREADSHEET');
  if (topLevel.length > 0) view.developerMetadata = topLevel.map(metadataView);
  view.spreadsheetUrl = `https://docs.google.com/spreadsheets/d/${doc.spreadsheetId}/edit`;
  return view;
}

// SheetProperties on the wire, and writing masked updates back into the model.

import type { sheets_v4 } from 'googleapis';
import type { SheetModel } from './spreadsheet-model.ts';

export function sheetPropertiesView(sheet: SheetModel, index: number): sheets_v4.Schema$SheetProperties {
  const gridProperties: sheets_v4.Schema$GridProperties = { rowCount: sheet.rowCount, columnCount: sheet.columnCount };
  // Zero counts and false flags are left out, as Google's proto3 JSON does.
  if (sheet.frozenRowCount > 0) gridProperties.frozenRowCount = sheet.frozenRowCount;
  if (sheet.frozenColumnCount > 0) gridProperties.frozenColumnCount = sheet.frozenColumnCount;
  const properties: sheets_v4.Schema$SheetProperties = {
    sheetId: sheet.sheetId,
    title: sheet.title,
    index,
    sheetType: 'GRID',
    gridProperties,
  };
  if (sheet.hidden) properties.hidden = true;
  if (sheet.tabColor !== undefined) properties.tabColor = { ...sheet.tabColor };
  return properties;
}

/** The editable part of properties after a masked update; the caller validates before applying. */
export interface EditableProperties {
  title: string;
  index: number;
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  frozenColumnCount: number;
  hidden: boolean;
  tabColor: sheets_v4.Schema$Color | undefined;
}

export function editableProperties(properties: sheets_v4.Schema$SheetProperties): EditableProperties {
  const grid = properties.gridProperties ?? {};
  return {
    title: properties.title ?? '',
    index: properties.index ?? 0,
    rowCount: grid.rowCount ?? 0,
    columnCount: grid.columnCount ?? 0,
    frozenRowCount: grid.frozenRowCount ?? 0,
    frozenColumnCount: grid.frozenColumnCount ?? 0,
    hidden: properties.hidden ?? false,
    tabColor: properties.tabColor ?? undefined,
  };
}

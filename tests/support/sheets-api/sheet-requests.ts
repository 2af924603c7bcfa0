// addSheet, deleteSheet, updateSheetProperties, updateSpreadsheetProperties.

import type { sheets_v4 } from 'googleapis';
import { truncateGrid } from './dimension-shift.ts';
import { applyUpdateMask } from './field-mask.ts';
import { RequestRejection } from './google-error.ts';
import { allocateId, requiredMask, writableSheet } from './request-context.ts';
import type { RequestContext, RequestReply } from './request-context.ts';
import { editableProperties, sheetPropertiesView } from './sheet-properties.ts';
import { emptySheet } from './spreadsheet-model.ts';
import type { SheetModel, SpreadsheetModel } from './spreadsheet-model.ts';

function assertFreeTitle(doc: SpreadsheetModel, title: string, except?: SheetModel): void {
  if (title.trim() === '') throw new RequestRejection('Sheet names cannot be empty.');
  const lower = title.toLowerCase();
  if (doc.sheets.some((s) => s !== except && s.title.toLowerCase() === lower)) {
    throw new RequestRejection(`A sheet with the name "${title}" already exists. Please enter another name.`);
  }
}

function assertGridSizes(rowCount: number, columnCount: number, frozenRows: number, frozenColumns: number): void {
  if (!Number.isInteger(rowCount) || rowCount < 1) throw new RequestRejection('The sheet must have at least one row.');
  if (!Number.isInteger(columnCount) || columnCount < 1) throw new RequestRejection('The sheet must have at least one column.');
  if (frozenRows < 0 || frozenRows >= rowCount) throw new RequestRejection("You can't freeze all visible rows on the sheet.");
  if (frozenColumns < 0 || frozenColumns >= columnCount) throw new RequestRejection("You can't freeze all visible columns on the sheet.");
}

export function addSheet(request: sheets_v4.Schema$AddSheetRequest, context: RequestContext): RequestReply {
  const { doc } = context;
  const properties = request.properties ?? {};
  let title = properties.title ?? '';
  if (title === '') {
    let n = doc.sheets.length + 1;
    while (doc.sheets.some((s) => s.title.toLowerCase() === `sheet${n}`)) n++;
    title = `Sheet${n}`;
  }
  assertFreeTitle(doc, title);
  const grid = properties.gridProperties ?? {};
  const rowCount = grid.rowCount ?? 1000;
  const columnCount = grid.columnCount ?? 26;
  assertGridSizes(rowCount, columnCount, grid.frozenRowCount ?? 0, grid.frozenColumnCount ?? 0);
  const index = properties.index ?? doc.sheets.length;
  if (index < 0 || index > doc.sheets.length) throw new RequestRejection(`Invalid index: ${index}`);
  const sheet = emptySheet(allocateId(context, properties.sheetId, 'sheet'), title, rowCount, columnCount);
  sheet.frozenRowCount = grid.frozenRowCount ?? 0;
  sheet.frozenColumnCount = grid.frozenColumnCount ?? 0;
  sheet.hidden = properties.hidden ?? false;
  sheet.tabColor = properties.tabColor ?? undefined;
  doc.sheets.splice(index, 0, sheet);
  context.draft.adoptSheet(sheet);
  return { addSheet: { properties: sheetPropertiesView(sheet, index) } };
}

export function deleteSheet(request: sheets_v4.Schema$DeleteSheetRequest, context: RequestContext): RequestReply {
  const { doc } = context;
  const sheet = writableSheet(context, request.sheetId);
  if (doc.sheets.length === 1) throw new RequestRejection("You can't remove all the sheets in a document.");
  doc.sheets.splice(doc.sheets.indexOf(sheet), 1);
  doc.metadata = doc.metadata.filter((m) => m.location.kind === 'SPREADSHEET' || m.location.sheetId !== sheet.sheetId);
  return undefined;
}

export function updateSheetProperties(request: sheets_v4.Schema$UpdateSheetPropertiesRequest, context: RequestContext): RequestReply {
  const { doc } = context;
  const mask = requiredMask(request.fields);
  const sheet = writableSheet(context, request.properties?.sheetId);
  const oldIndex = doc.sheets.indexOf(sheet);
  const merged = sheetPropertiesView(sheet, oldIndex) as Record<string, unknown>;
  applyUpdateMask(merged, request.properties, mask);
  const next = editableProperties(merged);
  if (next.title !== sheet.title) assertFreeTitle(doc, next.title, sheet);
  assertGridSizes(next.rowCount, next.columnCount, next.frozenRowCount, next.frozenColumnCount);
  if (next.index < 0 || next.index > doc.sheets.length) throw new RequestRejection(`Invalid index: ${next.index}`);

  truncateGrid(doc, sheet, next.rowCount, next.columnCount);
  sheet.rowCount = next.rowCount;
  sheet.columnCount = next.columnCount;
  sheet.title = next.title;
  sheet.frozenRowCount = next.frozenRowCount;
  sheet.frozenColumnCount = next.frozenColumnCount;
  sheet.hidden = next.hidden;
  sheet.tabColor = next.tabColor;
  if (next.index !== oldIndex) {
    // Indexes count "before the move", so moving right lands one earlier once removed.
    doc.sheets.splice(oldIndex, 1);
    doc.sheets.splice(next.index > oldIndex ? next.index - 1 : next.index, 0, sheet);
  }
  return undefined;
}

export function updateSpreadsheetProperties(
  request: sheets_v4.Schema$UpdateSpreadsheetPropertiesRequest,
  context: RequestContext,
): RequestReply {
  const { doc } = context;
  const mask = requiredMask(request.fields);
  const merged: Record<string, unknown> = { title: doc.title, locale: doc.locale, timeZone: doc.timeZone };
  applyUpdateMask(merged, request.properties, mask);
  if (typeof merged['title'] === 'string') doc.title = merged['title'];
  if (typeof merged['locale'] === 'string') doc.locale = merged['locale'];
  if (typeof merged['timeZone'] === 'string') doc.timeZone = merged['timeZone'];
  return undefined;
}

// What every batchUpdate subrequest handler gets, and the small lookups they share.

import type { sheets_v4 } from 'googleapis';
import { parseFieldMask } from './field-mask.ts';
import type { FieldMask } from './field-mask.ts';
import { GoogleApiError, RequestRejection } from './google-error.ts';
import { newObjectId } from './ids.ts';
import type { SpreadsheetDraft } from './spreadsheet-draft.ts';
import type { SheetModel, SpreadsheetModel } from './spreadsheet-model.ts';

export interface RequestContext {
  readonly draft: SpreadsheetDraft;
  readonly doc: SpreadsheetModel;
  /** Ids already used in this spreadsheet (sheets, metadata, protected ranges, filter views). */
  readonly takenIds: Set<number>;
}

export type RequestReply = sheets_v4.Schema$Response | undefined;

/** The draft's writable copy of a sheet; an omitted sheetId is 0, as in the proto. */
export function writableSheet(context: RequestContext, sheetId: number | null | undefined): SheetModel {
  const id = sheetId ?? 0;
  const sheet = context.draft.writableSheet(id);
  if (sheet === undefined) throw new RequestRejection(`No grid with id: ${id}`);
  return sheet;
}

export function allocateId(context: RequestContext, wanted: number | null | undefined, what: string): number {
  if (wanted != null) {
    if (!Number.isInteger(wanted) || wanted < 0) throw new RequestRejection(`Invalid ${what} id: ${wanted}`);
    if (context.takenIds.has(wanted)) throw new RequestRejection(`A ${what} with id ${wanted} already exists.`);
    context.takenIds.add(wanted);
    return wanted;
  }
  const id = newObjectId(context.takenIds);
  context.takenIds.add(id);
  return id;
}

export function requiredMask(fields: string | null | undefined): FieldMask {
  if (fields == null || fields.trim() === '') throw new RequestRejection("'fields' is required.");
  try {
    return parseFieldMask(fields);
  } catch (error) {
    if (error instanceof GoogleApiError) throw new RequestRejection(error.message);
    throw error;
  }
}

export function dimensionOf(value: string | null | undefined): 'ROWS' | 'COLUMNS' {
  if (value === 'ROWS' || value === 'COLUMNS') return value;
  throw new RequestRejection('range.dimension must be ROWS or COLUMNS.');
}

export function countOf(sheet: SheetModel, dimension: 'ROWS' | 'COLUMNS'): number {
  return dimension === 'ROWS' ? sheet.rowCount : sheet.columnCount;
}

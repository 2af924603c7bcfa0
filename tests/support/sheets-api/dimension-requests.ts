// insertDimension, deleteDimension, moveDimension, appendDimension, updateDimensionProperties.

import type { sheets_v4 } from 'googleapis';
import { deleteDimension as deleteSpan, insertDimension as insertSpan, moveDimension as moveSpan } from './dimension-shift.ts';
import { applyUpdateMask } from './field-mask.ts';
import { RequestRejection } from './google-error.ts';
import { countOf, dimensionOf, requiredMask, writableSheet } from './request-context.ts';
import type { RequestContext, RequestReply } from './request-context.ts';
import type { DimensionProps } from './spreadsheet-model.ts';

function noun(dimension: 'ROWS' | 'COLUMNS'): string {
  return dimension === 'ROWS' ? 'rows' : 'columns';
}

function span(range: sheets_v4.Schema$DimensionRange | undefined, count: number): { start: number; end: number } {
  const start = range?.startIndex ?? 0;
  const end = range?.endIndex ?? count;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new RequestRejection(`Invalid dimension range: startIndex ${start}, endIndex ${end}.`);
  }
  return { start, end };
}

export function insertDimension(request: sheets_v4.Schema$InsertDimensionRequest, context: RequestContext): RequestReply {
  const sheet = writableSheet(context, request.range?.sheetId);
  const dimension = dimensionOf(request.range?.dimension);
  const count = countOf(sheet, dimension);
  const { start, end } = span(request.range, count);
  if (request.range?.endIndex == null || end === start) throw new RequestRejection('range.endIndex must be greater than range.startIndex.');
  if (start > count) {
    throw new RequestRejection(`Cannot insert ${noun(dimension)} at index ${start}: the sheet has only ${count} ${noun(dimension)}.`);
  }
  if (request.inheritFromBefore === true && start === 0) {
    throw new RequestRejection('Cannot inherit properties from before when inserting at the start of the sheet.');
  }
  insertSpan(context.doc, sheet, dimension, start, end - start);
  return undefined;
}

export function deleteDimension(request: sheets_v4.Schema$DeleteDimensionRequest, context: RequestContext): RequestReply {
  const sheet = writableSheet(context, request.range?.sheetId);
  const dimension = dimensionOf(request.range?.dimension);
  const count = countOf(sheet, dimension);
  const { start, end } = span(request.range, count);
  if (end > count || start >= count) {
    throw new RequestRejection(
      `Cannot delete ${noun(dimension)} [${start}, ${end}): the sheet has only ${count} ${noun(dimension)}.`,
    );
  }
  if (start === 0 && end === count) throw new RequestRejection(`You can't delete all the ${noun(dimension)} on the sheet.`);
  if (end > start) deleteSpan(context.doc, sheet, dimension, start, end);
  return undefined;
}

export function moveDimension(request: sheets_v4.Schema$MoveDimensionRequest, context: RequestContext): RequestReply {
  const sheet = writableSheet(context, request.source?.sheetId);
  const dimension = dimensionOf(request.source?.dimension);
  const count = countOf(sheet, dimension);
  const { start, end } = span(request.source, count);
  const destination = request.destinationIndex;
  if (end > count || end === start) throw new RequestRejection(`Invalid source range [${start}, ${end}) for ${count} ${noun(dimension)}.`);
  if (destination == null || !Number.isInteger(destination) || destination < 0 || destination > count) {
    throw new RequestRejection(`destinationIndex ${destination ?? '(missing)'} is out of range.`);
  }
  if (destination > start && destination < end) {
    throw new RequestRejection('destinationIndex must not be inside the source range.');
  }
  moveSpan(context.doc, sheet, dimension, start, end, destination);
  return undefined;
}

export function appendDimension(request: sheets_v4.Schema$AppendDimensionRequest, context: RequestContext): RequestReply {
  const sheet = writableSheet(context, request.sheetId);
  const dimension = dimensionOf(request.dimension);
  const length = request.length ?? 0;
  if (!Number.isInteger(length) || length < 1) throw new RequestRejection('length must be at least 1.');
  if (dimension === 'ROWS') sheet.rowCount += length;
  else sheet.columnCount += length;
  return undefined;
}

export function updateDimensionProperties(
  request: sheets_v4.Schema$UpdateDimensionPropertiesRequest,
  context: RequestContext,
): RequestReply {
  const mask = requiredMask(request.fields);
  const sheet = writableSheet(context, request.range?.sheetId);
  const dimension = dimensionOf(request.range?.dimension);
  const count = countOf(sheet, dimension);
  const { start, end } = span(request.range, count);
  if (end > count) throw new RequestRejection(`Invalid dimension range [${start}, ${end}) for ${count} ${noun(dimension)}.`);
  const pixelSize = request.properties?.pixelSize;
  if (pixelSize != null && (!Number.isInteger(pixelSize) || pixelSize < 0)) throw new RequestRejection('pixelSize must be a positive integer.');
  const settable = { hiddenByUser: request.properties?.hiddenByUser, pixelSize };
  const props = dimension === 'ROWS' ? sheet.rowProps : sheet.columnProps;
  for (let i = start; i < end; i++) {
    const next: Record<string, unknown> = { ...props[i] };
    applyUpdateMask(next, settable, mask);
    const updated: DimensionProps = {};
    if (next['hiddenByUser'] === true) updated.hiddenByUser = true;
    if (typeof next['pixelSize'] === 'number') updated.pixelSize = next['pixelSize'];
    props[i] = Object.keys(updated).length === 0 ? undefined : updated;
  }
  return undefined;
}

// Protected ranges, conditional format rules, filter views and the basic filter.

import type { sheets_v4 } from 'googleapis';
import { RequestRejection } from './google-error.ts';
import { gridRangeBounds } from './grid-range.ts';
import { allocateId, writableSheet } from './request-context.ts';
import type { RequestContext, RequestReply } from './request-context.ts';
import type { SheetModel } from './spreadsheet-model.ts';

type GridRange = sheets_v4.Schema$GridRange;

/** The sheet a GridRange is on, after checking the range fits the grid. */
function sheetForRange(context: RequestContext, range: GridRange | undefined, field: string): SheetModel {
  if (range == null) throw new RequestRejection(`${field} is required.`);
  const sheet = writableSheet(context, range.sheetId);
  gridRangeBounds(sheet, range);
  return sheet;
}

export function addProtectedRange(request: sheets_v4.Schema$AddProtectedRangeRequest, context: RequestContext): RequestReply {
  const input = request.protectedRange ?? {};
  if (input.namedRangeId != null || input.tableId != null) throw new RequestRejection('Only protected ranges given by range are supported.');
  const sheet = sheetForRange(context, input.range ?? undefined, 'protectedRange.range');
  const protectedRange: sheets_v4.Schema$ProtectedRange = {
    ...input,
    protectedRangeId: allocateId(context, input.protectedRangeId, 'protected range'),
    range: { ...input.range, sheetId: sheet.sheetId },
    requestingUserCanEdit: true,
  };
  sheet.protectedRanges.push(protectedRange);
  return { addProtectedRange: { protectedRange: structuredClone(protectedRange) } };
}

export function deleteProtectedRange(request: sheets_v4.Schema$DeleteProtectedRangeRequest, context: RequestContext): RequestReply {
  const id = request.protectedRangeId;
  const owner = context.doc.sheets.find((s) => s.protectedRanges.some((p) => p.protectedRangeId === id));
  if (owner === undefined || id == null) throw new RequestRejection(`No protected range with id: ${id ?? '(missing)'}`);
  const sheet = writableSheet(context, owner.sheetId);
  sheet.protectedRanges = sheet.protectedRanges.filter((p) => p.protectedRangeId !== id);
  return undefined;
}

export function addConditionalFormatRule(
  request: sheets_v4.Schema$AddConditionalFormatRuleRequest,
  context: RequestContext,
): RequestReply {
  const rule = request.rule ?? {};
  const ranges = rule.ranges ?? [];
  if (ranges.length === 0) throw new RequestRejection('rule.ranges must contain at least one range.');
  if ((rule.booleanRule == null) === (rule.gradientRule == null)) {
    throw new RequestRejection('Exactly one of rule.booleanRule or rule.gradientRule must be set.');
  }
  const sheet = sheetForRange(context, ranges[0], 'rule.ranges[0]');
  for (const range of ranges) {
    if ((range.sheetId ?? 0) !== sheet.sheetId) throw new RequestRejection('All ranges of a conditional format rule must be on the same sheet.');
    gridRangeBounds(sheet, range);
  }
  const index = request.index ?? 0;
  if (!Number.isInteger(index) || index < 0 || index > sheet.conditionalFormats.length) {
    throw new RequestRejection(`Invalid index ${index}: the sheet has ${sheet.conditionalFormats.length} conditional format rules.`);
  }
  sheet.conditionalFormats.splice(index, 0, { ...rule, ranges: ranges.map((r) => ({ ...r, sheetId: sheet.sheetId })) });
  return undefined;
}

export function deleteConditionalFormatRule(
  request: sheets_v4.Schema$DeleteConditionalFormatRuleRequest,
  context: RequestContext,
): RequestReply {
  const sheet = writableSheet(context, request.sheetId);
  const index = request.index ?? 0;
  const [rule] = sheet.conditionalFormats.splice(index, 1);
  if (rule === undefined) throw new RequestRejection(`No conditional format on sheet ${sheet.sheetId} at index ${index}.`);
  return { deleteConditionalFormatRule: { rule } };
}

export function addFilterView(request: sheets_v4.Schema$AddFilterViewRequest, context: RequestContext): RequestReply {
  const input = request.filter ?? {};
  const sheet = sheetForRange(context, input.range ?? undefined, 'filter.range');
  const filter: sheets_v4.Schema$FilterView = {
    ...input,
    filterViewId: allocateId(context, input.filterViewId, 'filter view'),
    title: input.title ?? `Filter ${sheet.filterViews.length + 1}`,
    range: { ...input.range, sheetId: sheet.sheetId },
  };
  sheet.filterViews.push(filter);
  return { addFilterView: { filter: structuredClone(filter) } };
}

export function deleteFilterView(request: sheets_v4.Schema$DeleteFilterViewRequest, context: RequestContext): RequestReply {
  const id = request.filterId;
  const owner = context.doc.sheets.find((s) => s.filterViews.some((v) => v.filterViewId === id));
  if (owner === undefined || id == null) throw new RequestRejection(`No filter view with id: ${id ?? '(missing)'}`);
  const sheet = writableSheet(context, owner.sheetId);
  sheet.filterViews = sheet.filterViews.filter((v) => v.filterViewId !== id);
  return undefined;
}

export function setBasicFilter(request: sheets_v4.Schema$SetBasicFilterRequest, context: RequestContext): RequestReply {
  const input = request.filter ?? {};
  const sheet = sheetForRange(context, input.range ?? undefined, 'filter.range');
  sheet.basicFilter = { ...input, range: { ...input.range, sheetId: sheet.sheetId } };
  return undefined;
}

export function clearBasicFilter(request: sheets_v4.Schema$ClearBasicFilterRequest, context: RequestContext): RequestReply {
  writableSheet(context, request.sheetId).basicFilter = null;
  return undefined;
}

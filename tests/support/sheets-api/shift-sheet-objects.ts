// Shifting what sits on a sheet's rows/columns when they move: ranges of conditional formats,
// protected ranges, filter views and the basic filter (best effort), column indexes in filter
// specs, and developer metadata on rows/columns (deleted with its row/column).

import type { sheets_v4 } from 'googleapis';
import type { Shift } from './index-shift.ts';
import type { Dimension, SheetModel, SpreadsheetModel } from './spreadsheet-model.ts';

type GridRange = sheets_v4.Schema$GridRange;

function shiftRange(range: GridRange | undefined, sheetId: number, dimension: Dimension, shift: Shift): GridRange | null | undefined {
  if (range == null || (range.sheetId ?? 0) !== sheetId) return range;
  const startKey = dimension === 'ROWS' ? 'startRowIndex' : 'startColumnIndex';
  const endKey = dimension === 'ROWS' ? 'endRowIndex' : 'endColumnIndex';
  const start = range[startKey];
  const end = range[endKey];
  if (shift.keepsRange !== undefined && !shift.keepsRange(start ?? 0, end ?? Number.MAX_SAFE_INTEGER)) return range;
  const next: GridRange = { ...range };
  if (start != null) next[startKey] = shift.start(start);
  if (end != null) next[endKey] = shift.end(end);
  const newStart = next[startKey] ?? 0;
  const newEnd = next[endKey];
  if (newEnd != null && newEnd <= newStart && (end == null || start == null || end > start)) return null;
  return next;
}

function shiftSpecs(specs: { dimensionIndex?: number | null }[] | undefined, shift: Shift): { dimensionIndex?: number | null }[] | undefined {
  if (specs === undefined) return undefined;
  return specs.flatMap((spec) => {
    if (spec.dimensionIndex == null) return [spec];
    const index = shift.index(spec.dimensionIndex);
    return index === null ? [] : [{ ...spec, dimensionIndex: index }];
  });
}

function shiftFilterSpecs(specs: sheets_v4.Schema$FilterSpec[] | undefined, shift: Shift): sheets_v4.Schema$FilterSpec[] | undefined {
  if (specs === undefined) return undefined;
  return specs.flatMap((spec) => {
    if (spec.columnIndex == null) return [spec];
    const index = shift.index(spec.columnIndex);
    return index === null ? [] : [{ ...spec, columnIndex: index }];
  });
}

function shiftCriteria(
  criteria: Record<string, sheets_v4.Schema$FilterCriteria> | undefined | null,
  shift: Shift,
): Record<string, sheets_v4.Schema$FilterCriteria> | undefined {
  if (criteria == null) return undefined;
  const out: Record<string, sheets_v4.Schema$FilterCriteria> = {};
  for (const [key, value] of Object.entries(criteria)) {
    const index = shift.index(Number(key));
    if (index !== null) out[String(index)] = value;
  }
  return out;
}

function shiftFilter<F extends sheets_v4.Schema$FilterView | sheets_v4.Schema$BasicFilter>(
  filter: F,
  sheetId: number,
  dimension: Dimension,
  shift: Shift,
): F | null {
  const range = shiftRange(filter.range, sheetId, dimension, shift);
  if (range === null) return null;
  const next: F = { ...filter };
  if (range !== undefined) next.range = range;
  if (dimension === 'COLUMNS') {
    const sortSpecs = shiftSpecs(filter.sortSpecs, shift);
    if (sortSpecs !== undefined) next.sortSpecs = sortSpecs;
    const filterSpecs = shiftFilterSpecs(filter.filterSpecs, shift);
    if (filterSpecs !== undefined) next.filterSpecs = filterSpecs;
    const criteria = shiftCriteria(filter.criteria, shift);
    if (criteria !== undefined) next.criteria = criteria;
  }
  return next;
}

export function shiftSheetObjects(doc: SpreadsheetModel, sheet: SheetModel, dimension: Dimension, shift: Shift): void {
  const id = sheet.sheetId;
  sheet.conditionalFormats = sheet.conditionalFormats.flatMap((rule) => {
    const ranges = (rule.ranges ?? []).map((r) => shiftRange(r, id, dimension, shift)).filter((r): r is GridRange => r != null);
    return ranges.length === 0 ? [] : [{ ...rule, ranges }];
  });
  sheet.protectedRanges = sheet.protectedRanges.flatMap((protectedRange) => {
    const range = shiftRange(protectedRange.range, id, dimension, shift);
    if (range === null) return [];
    const next = { ...protectedRange };
    if (range !== undefined) next.range = range;
    if (protectedRange.unprotectedRanges != null) {
      next.unprotectedRanges = protectedRange.unprotectedRanges
        .map((r) => shiftRange(r, id, dimension, shift))
        .filter((r): r is GridRange => r != null);
    }
    return [next];
  });
  sheet.filterViews = sheet.filterViews.flatMap((view) => {
    const next = shiftFilter(view, id, dimension, shift);
    return next === null ? [] : [next];
  });
  if (sheet.basicFilter !== null) sheet.basicFilter = shiftFilter(sheet.basicFilter, id, dimension, shift);

  const kind = dimension === 'ROWS' ? 'ROW' : 'COLUMN';
  doc.metadata = doc.metadata.flatMap((entry) => {
    const location = entry.location;
    if ((location.kind !== 'ROW' && location.kind !== 'COLUMN') || location.kind !== kind || location.sheetId !== id) return [entry];
    const index = shift.index(location.index);
    return index === null ? [] : [{ ...entry, location: { ...location, index } }];
  });
}

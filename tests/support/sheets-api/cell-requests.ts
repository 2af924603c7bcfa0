// updateCells, repeatCell, setDataValidation: CellData written under a `fields` mask.

import type { sheets_v4 } from 'googleapis';
import type { Bounds } from './a1-notation.ts';
import { writeInput } from './cell-values.ts';
import type { CellInput } from './cell-values.ts';
import { applyUpdateMask } from './field-mask.ts';
import type { FieldMask } from './field-mask.ts';
import { RequestRejection } from './google-error.ts';
import { describeGridRange, gridRangeBounds } from './grid-range.ts';
import { requiredMask, writableSheet } from './request-context.ts';
import type { RequestContext, RequestReply } from './request-context.ts';
import { rowAt } from './spreadsheet-model.ts';
import type { SheetModel } from './spreadsheet-model.ts';

function inputOf(value: sheets_v4.Schema$ExtendedValue | undefined): CellInput {
  if (value == null) return { kind: 'clear' };
  if (value.formulaValue != null) return { kind: 'formula', formula: value.formulaValue };
  if (value.numberValue != null) return { kind: 'value', value: value.numberValue };
  if (value.boolValue != null) return { kind: 'value', value: value.boolValue };
  // Strings set through CellData are stored verbatim, never parsed.
  if (value.stringValue != null) return value.stringValue === '' ? { kind: 'clear' } : { kind: 'value', value: value.stringValue };
  return { kind: 'clear' };
}

function selects(mask: FieldMask, field: string): FieldMask | null {
  if (mask.leaf || mask.star) return { leaf: true, star: false, children: new Map() };
  return mask.children.get(field) ?? null;
}

/**
 * Writes one CellData under the mask; fields the mask names but the cell lacks are cleared.
 * Format and rule objects are shared, not copied: request bodies are freshly parsed and stored
 * cell objects are never mutated.
 */
function applyCellData(sheet: SheetModel, r: number, c: number, cell: sheets_v4.Schema$CellData, mask: FieldMask): void {
  if (selects(mask, 'userEnteredValue') !== null) writeInput(sheet, r, c, inputOf(cell.userEnteredValue));

  const formatMask = selects(mask, 'userEnteredFormat');
  if (formatMask !== null) {
    const current = sheet.rows[r]?.formats?.[c];
    let next: sheets_v4.Schema$CellFormat | undefined;
    if (formatMask.leaf) next = cell.userEnteredFormat ?? undefined;
    else {
      const merged: Record<string, unknown> = { ...current };
      applyUpdateMask(merged, cell.userEnteredFormat, formatMask);
      next = Object.keys(merged).length === 0 ? undefined : merged;
    }
    if (next !== undefined || current !== undefined) (rowAt(sheet, r).formats ??= [])[c] = next;
  }

  if (selects(mask, 'dataValidation') !== null) {
    const rule = cell.dataValidation ?? undefined;
    if (rule !== undefined || sheet.rows[r]?.validations?.[c] !== undefined) {
      (rowAt(sheet, r).validations ??= [])[c] = rule;
    }
  }
}

function outsideGrid(sheet: SheetModel, range: sheets_v4.Schema$GridRange): RequestRejection {
  return new RequestRejection(
    `Range (${describeGridRange(sheet, range)}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
  );
}

export function updateCells(request: sheets_v4.Schema$UpdateCellsRequest, context: RequestContext): RequestReply {
  const mask = requiredMask(request.fields);
  const rows = request.rows ?? [];
  let sheet: SheetModel;
  let bounds: Bounds;
  if (request.range != null) {
    sheet = writableSheet(context, request.range.sheetId);
    bounds = gridRangeBounds(sheet, request.range);
  } else if (request.start != null) {
    sheet = writableSheet(context, request.start.sheetId);
    const startRow = request.start.rowIndex ?? 0;
    const startColumn = request.start.columnIndex ?? 0;
    const width = rows.reduce((max, row) => Math.max(max, row.values?.length ?? 0), 0);
    bounds = { startRow, startColumn, endRow: startRow + rows.length, endColumn: startColumn + width };
    if (bounds.endRow > sheet.rowCount || bounds.endColumn > sheet.columnCount) {
      throw outsideGrid(sheet, {
        sheetId: sheet.sheetId,
        startRowIndex: startRow,
        endRowIndex: bounds.endRow,
        startColumnIndex: startColumn,
        endColumnIndex: bounds.endColumn,
      });
    }
  } else {
    throw new RequestRejection('Either start or range must be specified.');
  }
  if (request.range != null && rows.length > bounds.endRow - bounds.startRow) {
    throw new RequestRejection('The rows given do not fit in the range.');
  }
  for (let r = bounds.startRow; r < bounds.endRow; r++) {
    const rowData = rows[r - bounds.startRow]?.values ?? [];
    if (request.range != null && rowData.length > bounds.endColumn - bounds.startColumn) {
      throw new RequestRejection('The cells given do not fit in the range.');
    }
    // With `start` only the given cells are written; with `range` the rest of it is cleared.
    const end = request.range != null ? bounds.endColumn : bounds.startColumn + rowData.length;
    for (let c = bounds.startColumn; c < end; c++) applyCellData(sheet, r, c, rowData[c - bounds.startColumn] ?? {}, mask);
  }
  return undefined;
}

export function repeatCell(request: sheets_v4.Schema$RepeatCellRequest, context: RequestContext): RequestReply {
  const mask = requiredMask(request.fields);
  const sheet = writableSheet(context, request.range?.sheetId);
  const bounds = gridRangeBounds(sheet, request.range ?? {});
  const cell = request.cell ?? {};
  for (let r = bounds.startRow; r < bounds.endRow; r++) {
    for (let c = bounds.startColumn; c < bounds.endColumn; c++) applyCellData(sheet, r, c, cell, mask);
  }
  return undefined;
}

const LIST_CONDITIONS = new Set(['ONE_OF_LIST', 'ONE_OF_RANGE']);

export function setDataValidation(request: sheets_v4.Schema$SetDataValidationRequest, context: RequestContext): RequestReply {
  const sheet = writableSheet(context, request.range?.sheetId);
  const bounds = gridRangeBounds(sheet, request.range ?? {});
  const rule = request.rule ?? undefined;
  if (rule !== undefined) {
    const type = rule.condition?.type;
    if (type == null) throw new RequestRejection('rule.condition.type is required.');
    if (LIST_CONDITIONS.has(type) && (rule.condition?.values ?? []).length === 0) {
      throw new RequestRejection(`Invalid ConditionValue for ${type}: at least one value is required.`);
    }
  }
  const mask: FieldMask = { leaf: false, star: false, children: new Map([['dataValidation', { leaf: true, star: false, children: new Map() }]]) };
  const cell: sheets_v4.Schema$CellData = rule === undefined ? {} : { dataValidation: rule };
  for (let r = bounds.startRow; r < bounds.endRow; r++) {
    for (let c = bounds.startColumn; c < bounds.endColumn; c++) applyCellData(sheet, r, c, cell, mask);
  }
  return undefined;
}

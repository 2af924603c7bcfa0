// spreadsheets.values.*: get, batchGet, update, batchUpdate, append, clear, batchClear.

import type { sheets_v4 } from 'googleapis';
import { formatRange } from './a1-notation.ts';
import type { DateTimeRenderOption, RenderOptions, ValueInputOption, ValueRenderOption } from './cell-values.ts';
import { insertDimension } from './dimension-shift.ts';
import { GoogleApiError, invalidArgument } from './google-error.ts';
import { resolveRange, resolveReadableRange } from './range-resolution.ts';
import type { ResolvedRange } from './range-resolution.ts';
import type { SpreadsheetModel } from './spreadsheet-model.ts';
import { readValueRange } from './values-read.ts';
import type { MajorDimension } from './values-read.ts';
import { applyWrite, clearBounds, findTable, planWrite } from './values-write.ts';
import type { WritePlan } from './values-write.ts';

type Params = { get(name: string): string | null; getAll(name: string): string[] };

function enumValue<T extends string>(value: unknown, allowed: readonly T[], fallback: T, field: string, type: string): T {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw invalidArgument(`Invalid value at '${field}' (type.googleapis.com/google.apps.sheets.v4.${type}), "${String(value)}"`);
}

function renderOptions(valueOption: unknown, dateOption: unknown, prefix = ''): RenderOptions {
  return {
    value: enumValue<ValueRenderOption>(
      valueOption,
      ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'],
      'FORMATTED_VALUE',
      `${prefix}value_render_option`,
      'ValueRenderOption',
    ),
    dateTime: enumValue<DateTimeRenderOption>(
      dateOption,
      ['SERIAL_NUMBER', 'FORMATTED_STRING'],
      'SERIAL_NUMBER',
      `${prefix}date_time_render_option`,
      'DateTimeRenderOption',
    ),
  };
}

function majorDimensionOf(value: unknown): MajorDimension {
  const dimension = enumValue(value, ['ROWS', 'COLUMNS', 'DIMENSION_UNSPECIFIED'], 'ROWS', 'major_dimension', 'Dimension');
  return dimension === 'COLUMNS' ? 'COLUMNS' : 'ROWS';
}

function inputOption(value: unknown): ValueInputOption {
  if (value === 'RAW' || value === 'USER_ENTERED') return value;
  if (value === undefined || value === null || value === '' || value === 'INPUT_VALUE_OPTION_UNSPECIFIED') {
    throw invalidArgument('Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED');
  }
  throw invalidArgument(`Invalid value at 'value_input_option' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), "${String(value)}"`);
}

function asObject(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** Re-labels an error for one entry of a batch ("Invalid data[2]: …"). */
function labelled<T>(label: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof GoogleApiError && error.code === 400) throw invalidArgument(`Invalid ${label}: ${error.message}`);
    throw error;
  }
}

export function valuesGet(doc: SpreadsheetModel, rangeText: string, query: Params): sheets_v4.Schema$ValueRange {
  const options = renderOptions(query.get('valueRenderOption'), query.get('dateTimeRenderOption'));
  const range = resolveReadableRange(doc, rangeText);
  return readValueRange(doc, range.sheet, range.bounds, options, majorDimensionOf(query.get('majorDimension')));
}

export function valuesBatchGet(doc: SpreadsheetModel, query: Params): sheets_v4.Schema$BatchGetValuesResponse {
  const options = renderOptions(query.get('valueRenderOption'), query.get('dateTimeRenderOption'));
  const majorDimension = majorDimensionOf(query.get('majorDimension'));
  const ranges = query.getAll('ranges');
  const resolved = ranges.map((text) => resolveReadableRange(doc, text));
  const response: sheets_v4.Schema$BatchGetValuesResponse = { spreadsheetId: doc.spreadsheetId };
  if (resolved.length > 0) {
    response.valueRanges = resolved.map((range) => readValueRange(doc, range.sheet, range.bounds, options, majorDimension));
  }
  return response;
}

interface PlannedWrite {
  plan: WritePlan;
}

function writeAll(
  doc: SpreadsheetModel,
  planned: PlannedWrite[],
  option: ValueInputOption,
  includeValues: boolean,
  responseOptions: RenderOptions,
): sheets_v4.Schema$UpdateValuesResponse[] {
  return planned.map(({ plan }) => {
    const { response, updatedBounds } = applyWrite(doc, plan, option);
    if (includeValues) response.updatedData = readValueRange(doc, plan.sheet, updatedBounds, responseOptions, 'ROWS');
    return response;
  });
}

function checkBodyRange(doc: SpreadsheetModel, path: ResolvedRange, bodyRange: unknown): void {
  if (typeof bodyRange !== 'string' || bodyRange === '') return;
  const other = resolveRange(doc, bodyRange);
  const same =
    other.sheet === path.sheet &&
    other.bounds.startRow === path.bounds.startRow &&
    other.bounds.startColumn === path.bounds.startColumn &&
    other.bounds.endRow === path.bounds.endRow &&
    other.bounds.endColumn === path.bounds.endColumn;
  if (!same) {
    throw invalidArgument(`Requested range [${path.original}] does not match the range in the request body [${bodyRange}].`);
  }
}

export function valuesUpdate(doc: SpreadsheetModel, rangeText: string, query: Params, body: unknown): sheets_v4.Schema$UpdateValuesResponse {
  const option = inputOption(query.get('valueInputOption'));
  const responseOptions = renderOptions(query.get('responseValueRenderOption'), query.get('responseDateTimeRenderOption'), 'response_');
  const input = asObject(body);
  const range = resolveRange(doc, rangeText);
  checkBodyRange(doc, range, input['range']);
  const plan = planWrite(range, input['values'], majorDimensionOf(input['majorDimension']));
  const [response] = writeAll(doc, [{ plan }], option, query.get('includeValuesInResponse') === 'true', responseOptions);
  return response ?? { spreadsheetId: doc.spreadsheetId };
}

export function valuesBatchUpdate(doc: SpreadsheetModel, body: unknown): sheets_v4.Schema$BatchUpdateValuesResponse {
  const input = asObject(body);
  const option = inputOption(input['valueInputOption']);
  const responseOptions = renderOptions(input['responseValueRenderOption'], input['responseDateTimeRenderOption'], 'response_');
  const data = Array.isArray(input['data']) ? (input['data'] as unknown[]) : [];
  // Plan every entry first: one bad entry means nothing is written.
  const planned = data.map((entry, i) =>
    labelled(`data[${i}]`, () => {
      const valueRange = asObject(entry);
      const rangeText = typeof valueRange['range'] === 'string' ? valueRange['range'] : '';
      return { plan: planWrite(resolveRange(doc, rangeText), valueRange['values'], majorDimensionOf(valueRange['majorDimension'])) };
    }),
  );
  const responses = writeAll(doc, planned, option, input['includeValuesInResponse'] === true, responseOptions);
  const result: sheets_v4.Schema$BatchUpdateValuesResponse = { spreadsheetId: doc.spreadsheetId };
  const sum = (pick: (r: sheets_v4.Schema$UpdateValuesResponse) => number | null | undefined): number =>
    responses.reduce((total, r) => total + (pick(r) ?? 0), 0);
  const sheets = new Set(planned.filter((_, i) => (responses[i]?.updatedCells ?? 0) > 0).map(({ plan }) => plan.sheet.sheetId));
  // Zero totals are omitted, as proto3 JSON does.
  if (sum((r) => r.updatedRows) > 0) result.totalUpdatedRows = sum((r) => r.updatedRows);
  if (sum((r) => r.updatedColumns) > 0) result.totalUpdatedColumns = sum((r) => r.updatedColumns);
  if (sum((r) => r.updatedCells) > 0) result.totalUpdatedCells = sum((r) => r.updatedCells);
  if (sheets.size > 0) result.totalUpdatedSheets = sheets.size;
  if (responses.length > 0) result.responses = responses;
  return result;
}

export function valuesAppend(doc: SpreadsheetModel, rangeText: string, query: Params, body: unknown): sheets_v4.Schema$AppendValuesResponse {
  const option = inputOption(query.get('valueInputOption'));
  const insertOption = enumValue(query.get('insertDataOption'), ['OVERWRITE', 'INSERT_ROWS'], 'OVERWRITE', 'insert_data_option', 'InsertDataOption');
  const responseOptions = renderOptions(query.get('responseValueRenderOption'), query.get('responseDateTimeRenderOption'), 'response_');
  const input = asObject(body);
  const range = resolveReadableRange(doc, rangeText);
  const { sheet, bounds } = range;
  const table = findTable(sheet, bounds);
  const origin = { row: table.endRow, column: bounds.startColumn };
  const originRange: ResolvedRange = {
    sheet,
    cells: { start: origin, end: null },
    bounds: { startRow: origin.row, endRow: origin.row + 1, startColumn: origin.column, endColumn: origin.column + 1 },
    original: rangeText,
  };
  const plan = planWrite(originRange, input['values'], majorDimensionOf(input['majorDimension']), true);
  const height = plan.rows.length;
  if (insertOption === 'INSERT_ROWS' && height > 0 && origin.row < sheet.rowCount) insertDimension(doc, sheet, 'ROWS', origin.row, height);
  sheet.rowCount = Math.max(sheet.rowCount, origin.row + height);
  const [updates] = writeAll(doc, [{ plan }], option, query.get('includeValuesInResponse') === 'true', responseOptions);
  const response: sheets_v4.Schema$AppendValuesResponse = { spreadsheetId: doc.spreadsheetId };
  if (table.endRow > table.startRow) {
    response.tableRange = formatRange(sheet.title, {
      startRow: table.startRow,
      endRow: table.endRow,
      startColumn: bounds.startColumn,
      endColumn: table.endColumn,
    });
  }
  if (updates !== undefined) response.updates = updates;
  return response;
}

export function valuesClear(doc: SpreadsheetModel, rangeText: string): sheets_v4.Schema$ClearValuesResponse {
  const range = resolveReadableRange(doc, rangeText);
  clearBounds(range.sheet, range.bounds);
  return { spreadsheetId: doc.spreadsheetId, clearedRange: formatRange(range.sheet.title, range.bounds) };
}

export function valuesBatchClear(doc: SpreadsheetModel, body: unknown): sheets_v4.Schema$BatchClearValuesResponse {
  const input = asObject(body);
  const texts = Array.isArray(input['ranges']) ? (input['ranges'] as unknown[]).map(String) : [];
  const ranges = texts.map((text, i) => labelled(`ranges[${i}]`, () => resolveReadableRange(doc, text)));
  for (const range of ranges) clearBounds(range.sheet, range.bounds);
  return { spreadsheetId: doc.spreadsheetId, clearedRanges: ranges.map((r) => formatRange(r.sheet.title, r.bounds)) };
}

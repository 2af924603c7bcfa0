// spreadsheets.batchUpdate: atomicity, replies, sorting, and objects that follow rows/columns;
// validation rules read back through spreadsheets.get limited by ranges.

import type { sheets_v4 } from 'googleapis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFailure, sheetsAsUser } from './stand-in-clients.ts';
import { startSheetsStandIn } from './sheets-stand-in.ts';
import type { SheetsStandIn, StandInCell } from './sheets-stand-in.ts';

const USER = 'manager@example.com';
let standIn: SheetsStandIn;
let sheets: sheets_v4.Sheets;

beforeAll(async () => {
  standIn = await startSheetsStandIn({ quotaPerMinutePerUser: null });
  sheets = sheetsAsUser(standIn, USER);
});

afterAll(async () => {
  await standIn.close();
});

function newSpreadsheet(rows: StandInCell[][], extra: { frozenRowCount?: number } = {}): string {
  return standIn.createSpreadsheet({ title: 'Pipeline', sheets: [{ title: 'Deals', rows, ...extra }], sharedWith: [USER] });
}

async function batch(spreadsheetId: string, requests: sheets_v4.Schema$Request[]): Promise<sheets_v4.Schema$BatchUpdateSpreadsheetResponse> {
  return (await sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } })).data;
}

describe('atomicity', () => {
  it('applies nothing and names requests[i] when one subrequest is invalid', async () => {
    const id = newSpreadsheet([['a', 'b']]);
    const failure = await apiFailure(
      batch(id, [
        { addSheet: { properties: { title: 'Archive' } } },
        { insertDimension: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 } } },
        { deleteDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 0, endIndex: 5000 } } },
      ]),
    );

    expect(failure.status).toBe(400);
    expect(failure.body.error.status).toBe('INVALID_ARGUMENT');
    expect(failure.body.error.message).toMatch(/^Invalid requests\[2\]\.deleteDimension: /);
    const after = standIn.inspect(id);
    expect(after.sheets?.map((s) => s.properties?.title)).toEqual(['Deals']);
    expect(standIn.values(id, 'Deals')).toEqual([['a', 'b']]);
  });

  it('refuses the whole batch when a subrequest names an unknown grid or an unknown kind', async () => {
    const id = newSpreadsheet([['a']]);
    const noGrid = await apiFailure(batch(id, [{ updateSheetProperties: { properties: { sheetId: 123, title: 'x' }, fields: 'title' } }]));
    const unknown = await apiFailure(batch(id, [{ addSheet: {} }, { frobnicate: {} } as sheets_v4.Schema$Request]));

    expect(noGrid.body.error.message).toBe('Invalid requests[0].updateSheetProperties: No grid with id: 123');
    expect(unknown.body.error.message).toBe(`Invalid JSON payload received. Unknown name "frobnicate" at 'requests[1]': Cannot find field.`);
    expect(standIn.inspect(id).sheets).toHaveLength(1);
  });
});

describe('replies', () => {
  it('returns ids and properties in request order when objects are added', async () => {
    const id = newSpreadsheet([['h1', 'h2']]);
    const response = await batch(id, [
      { addSheet: { properties: { title: 'Archive', gridProperties: { rowCount: 10, columnCount: 3 } } } },
      { updateSheetProperties: { properties: { sheetId: 0, gridProperties: { frozenRowCount: 1 } }, fields: 'gridProperties.frozenRowCount' } },
      { addFilterView: { filter: { title: 'Mine', range: { sheetId: 0, startRowIndex: 0, startColumnIndex: 0, endColumnIndex: 2 } } } },
      {
        addProtectedRange: {
          protectedRange: { range: { sheetId: 0, startColumnIndex: 1, endColumnIndex: 2 }, warningOnly: true, description: 'ids' },
        },
      },
      { createDeveloperMetadata: { developerMetadata: { metadataKey: 'k', visibility: 'DOCUMENT', location: { spreadsheet: true } } } },
    ]);

    const [addSheet, frozen, filterView, protectedRange, metadata] = response.replies ?? [];
    expect(addSheet?.addSheet?.properties).toMatchObject({ title: 'Archive', index: 1, gridProperties: { rowCount: 10, columnCount: 3 } });
    expect(addSheet?.addSheet?.properties?.sheetId).toBeGreaterThan(0);
    expect(frozen).toEqual({});
    expect(filterView?.addFilterView?.filter).toMatchObject({ title: 'Mine', filterViewId: expect.any(Number) });
    expect(protectedRange?.addProtectedRange?.protectedRange).toMatchObject({ warningOnly: true, protectedRangeId: expect.any(Number) });
    expect(metadata?.createDeveloperMetadata?.developerMetadata).toMatchObject({
      metadataId: expect.any(Number),
      location: { locationType: 'SPREADSHEET', spreadsheet: true },
    });
    const deals = standIn.inspect(id).sheets?.[0];
    expect(deals?.properties?.gridProperties).toEqual({ rowCount: 1000, columnCount: 26, frozenRowCount: 1 });
  });
});

describe('sortRange', () => {
  it('moves whole rows within the range columns, numbers before text and blanks last, when sorting ascending', async () => {
    const id = newSpreadsheet([
      ['id', 'amount', 'note', 'outside'],
      ['d1', 'n/a', 'x', 'o1'],
      ['d2', 300, 'y', 'o2'],
      ['d3', null, 'z', 'o3'],
      ['d4', 100, 'w', 'o4'],
    ]);
    await batch(id, [
      {
        sortRange: {
          range: { sheetId: 0, startRowIndex: 1, endRowIndex: 5, startColumnIndex: 0, endColumnIndex: 3 },
          sortSpecs: [{ dimensionIndex: 1, sortOrder: 'ASCENDING' }],
        },
      },
    ]);

    expect(standIn.values(id, 'Deals')).toEqual([
      ['id', 'amount', 'note', 'outside'],
      ['d4', 100, 'w', 'o1'],
      ['d2', 300, 'y', 'o2'],
      ['d1', 'n/a', 'x', 'o3'],
      ['d3', '', 'z', 'o4'],
    ]);
  });

  it('keeps blanks last when sorting descending', async () => {
    const id = newSpreadsheet([[1], [null], [3], [2]]);
    await batch(id, [
      {
        sortRange: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 4, endColumnIndex: 1 },
          sortSpecs: [{ dimensionIndex: 0, sortOrder: 'DESCENDING' }],
        },
      },
    ]);

    expect(standIn.values(id, 'Deals')).toEqual([[3], [2], [1]]);
  });
});

describe('dimension changes', () => {
  it('moves values, the hidden flag and validation with a column when a column is inserted before it', async () => {
    const id = newSpreadsheet([['a', 'b', 'c']]);
    await batch(id, [
      {
        updateDimensionProperties: {
          range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 },
          properties: { hiddenByUser: true },
          fields: 'hiddenByUser',
        },
      },
      {
        setDataValidation: {
          range: { sheetId: 0, startRowIndex: 1, endRowIndex: 3, startColumnIndex: 1, endColumnIndex: 2 },
          rule: {
            condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'won' }, { userEnteredValue: 'lost' }] },
            strict: true,
            showCustomUi: true,
          },
        },
      },
      { addProtectedRange: { protectedRange: { range: { sheetId: 0, startColumnIndex: 1, endColumnIndex: 2 }, warningOnly: true } } },
      { insertDimension: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 } } },
    ]);

    expect(standIn.values(id, 'Deals')).toEqual([['', 'a', 'b', 'c']]);
    const sheet = standIn.inspect(id).sheets?.[0];
    const columns = sheet?.data?.[0]?.columnMetadata ?? [];
    expect(columns.map((c) => c.hiddenByUser === true)).toEqual([false, false, true, ...Array<boolean>(24).fill(false)]);
    expect(sheet?.data?.[0]?.rowData?.[1]?.values?.[2]?.dataValidation?.condition?.type).toBe('ONE_OF_LIST');
    expect(sheet?.protectedRanges?.[0]?.range).toEqual({ sheetId: 0, startColumnIndex: 2, endColumnIndex: 3 });
  });

  it('moves rows as the docs describe when moveDimension is given a destination index', async () => {
    const id = newSpreadsheet([[0], [1], [2], [3], [4]]);
    await batch(id, [{ moveDimension: { source: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 3 }, destinationIndex: 4 } }]);

    expect(standIn.values(id, 'Deals')).toEqual([[0], [3], [1], [2], [4]]);
  });

  it('refuses a deleteDimension when it would remove every row', async () => {
    const id = newSpreadsheet([['a']]);
    const failure = await apiFailure(batch(id, [{ deleteDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 0, endIndex: 1000 } } }]));

    expect(failure.body.error.message).toBe("Invalid requests[0].deleteDimension: You can't delete all the rows on the sheet.");
  });

  it('renders the new format and the verbatim string when repeatCell and updateCells write them', async () => {
    const id = newSpreadsheet([[46346, 'x']]);
    await batch(id, [
      {
        repeatCell: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 },
          cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'yyyy-mm-dd' } } },
          fields: 'userEnteredFormat.numberFormat',
        },
      },
      {
        updateCells: {
          start: { sheetId: 0, rowIndex: 0, columnIndex: 1 },
          rows: [{ values: [{ userEnteredValue: { stringValue: '=not a formula' } }] }],
          fields: 'userEnteredValue',
        },
      },
    ]);

    const read = await sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Deals!A1:B1' });
    expect(read.data.values).toEqual([['2026-11-20', '=not a formula']]);
  });
});

const CHIPS: sheets_v4.Schema$DataValidationRule = {
  condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: '提案' }, { userEnteredValue: '受注' }] },
  strict: true,
  showCustomUi: true,
};

describe('validation read back through spreadsheets.get with ranges', () => {
  it('answers one GridData per range, only for the sheets the ranges touch, with only the masked fields', async () => {
    const id = standIn.createSpreadsheet({
      title: '営業',
      sheets: [
        { title: '案件', rows: [['顧客名', 'ステージ'], ['A社', '提案'], ['B社', '受注'], ['C社', '提案']] },
        { title: 'メモ', rows: [['x']] },
      ],
      sharedWith: [USER],
    });
    const range = { sheetId: 0, startRowIndex: 2, endRowIndex: 3, startColumnIndex: 1, endColumnIndex: 2 };
    await batch(id, [{ setDataValidation: { range, rule: CHIPS } }]);

    const got = await sheets.spreadsheets.get({
      spreadsheetId: id,
      ranges: ["'案件'!B2:B10", "'案件'!A2:A3"],
      fields: 'sheets(properties(sheetId),data(startRow,startColumn,rowData(values(dataValidation(condition(type))))))',
    });
    expect(got.data.sheets).toHaveLength(1);
    const [column, accounts] = got.data.sheets?.[0]?.data ?? [];
    // A zero start may be left out (proto3 JSON); readers take a missing one as 0.
    expect([column?.startRow, column?.startColumn, accounts?.startRow, accounts?.startColumn ?? 0]).toEqual([1, 1, 1, 0]);
    // Rows B2:B4 hold values, B3 a rule: only its type comes back; the empty rows below are left out.
    expect(column?.rowData).toEqual([{ values: [{}] }, { values: [{ dataValidation: { condition: { type: 'ONE_OF_LIST' } } }] }, { values: [{}] }]);
    expect(accounts?.rowData).toEqual([{ values: [{}] }, { values: [{}] }]);
  });
});

// spreadsheets.values through the real googleapis client: input options, null vs "", trimming,
// render options, grid limits, atomic batches and non-ASCII sheet titles.

import type { sheets_v4 } from 'googleapis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFailure, sheetsAsUser } from './stand-in-clients.ts';
import { startSheetsStandIn } from './sheets-stand-in.ts';
import type { SheetsStandIn } from './sheets-stand-in.ts';

const USER = 'rep@example.com';
let standIn: SheetsStandIn;
let sheets: sheets_v4.Sheets;

beforeAll(async () => {
  standIn = await startSheetsStandIn({ quotaPerMinutePerUser: null });
  sheets = sheetsAsUser(standIn, USER);
});

afterAll(async () => {
  await standIn.close();
});

function newSpreadsheet(rows: (string | number | boolean | null)[][] = [], title = 'Deals'): string {
  return standIn.createSpreadsheet({ title: 'Pipeline', sheets: [{ title, rows }], sharedWith: [USER] });
}

async function write(spreadsheetId: string, range: string, values: unknown[][], valueInputOption: 'RAW' | 'USER_ENTERED'): Promise<void> {
  await sheets.spreadsheets.values.batchUpdate({ spreadsheetId, requestBody: { valueInputOption, data: [{ range, values }] } });
}

describe('values input options', () => {
  it('keeps strings verbatim when written RAW', async () => {
    const id = newSpreadsheet();
    await write(id, 'Deals!A1', [['=SUM(A1)', '123', '2026/11/20', 'TRUE']], 'RAW');

    expect(standIn.values(id, 'Deals')).toEqual([['=SUM(A1)', '123', '2026/11/20', 'TRUE']]);
    const formulas = await sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Deals!A1:D1', valueRenderOption: 'FORMULA' });
    expect(formulas.data.values).toEqual([['=SUM(A1)', '123', '2026/11/20', 'TRUE']]);
  });

  it('parses strings like typing when written USER_ENTERED', async () => {
    const id = newSpreadsheet();
    await write(id, 'Deals!A1', [['1,200', '2026/11/20', 'true', "'0012", '=B1+1', 'plain text', 42]], 'USER_ENTERED');

    expect(standIn.values(id, 'Deals')).toEqual([[1200, 46346, true, '0012', 46347, 'plain text', 42]]);
    const formulas = await sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Deals!E1', valueRenderOption: 'FORMULA' });
    expect(formulas.data.values).toEqual([['=B1+1']]);
  });

  it('shows an error value when a USER_ENTERED formula calls an unknown function', async () => {
    const id = newSpreadsheet();
    await write(id, 'Deals!A1', [['=NOPE(1)']], 'USER_ENTERED');

    expect(standIn.values(id, 'Deals')).toEqual([['#NAME?']]);
  });

  it('seeds createSpreadsheet rows as typed, and verbatim when the sheet asks for RAW', async () => {
    const id = standIn.createSpreadsheet({
      title: 'Seeded',
      sheets: [
        { title: 'Typed', rows: [['2026-01-05', '3', "'3"]] },
        { title: 'Raw', rows: [['2026-01-05', '3']], valueInputOption: 'RAW' },
      ],
      sharedWith: [USER],
    });

    expect(standIn.values(id, 'Typed')).toEqual([[46027, 3, '3']]);
    expect(standIn.values(id, 'Raw')).toEqual([['2026-01-05', '3']]);
  });
});

describe('null and empty strings', () => {
  it('leaves a cell unchanged when its value is null and clears it when it is ""', async () => {
    const id = newSpreadsheet([['a', 'b', 'c', 'd']]);
    await write(id, 'Deals!A1:D1', [[null, '', 'C', null]], 'RAW');

    expect(standIn.values(id, 'Deals')).toEqual([['a', '', 'C', 'd']]);
  });

  it('counts only the cells it wrote when some values are null', async () => {
    const id = newSpreadsheet();
    const response = await sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Deals!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['x', null, 'y']] },
    });

    expect(response.data).toMatchObject({ updatedRange: 'Deals!A1:C1', updatedCells: 2, updatedRows: 1, updatedColumns: 2 });
  });
});

describe('reading ranges', () => {
  it('omits trailing empty cells and rows but keeps empty rows in between when reading', async () => {
    const id = newSpreadsheet([['a', '', 'c', ''], [], ['', 'x'], ['', ''], []]);
    const response = await sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Deals!A1:F10' });

    expect(response.data).toEqual({ range: 'Deals!A1:F10', majorDimension: 'ROWS', values: [['a', '', 'c'], [], ['', 'x']] });
  });

  it('has no values key when the range is empty', async () => {
    const id = newSpreadsheet([['a']]);
    const response = await sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['Deals!B2:C3', 'Deals!A:A'] });

    expect(response.data.valueRanges).toEqual([
      { range: 'Deals!B2:C3', majorDimension: 'ROWS' },
      { range: 'Deals!A1:A1000', majorDimension: 'ROWS', values: [['a']] },
    ]);
  });

  it('echoes whole-sheet and open-ended ranges resolved against the grid when they are read', async () => {
    const id = newSpreadsheet([['h1', 'h2'], ['v1', 'v2']]);
    const response = await sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['Deals', 'Deals!A2:F', 'B1'] });

    expect(response.data.valueRanges?.map((r) => r.range)).toEqual(['Deals!A1:Z1000', 'Deals!A2:F1000', 'Deals!B1']);
    expect(response.data.valueRanges?.[1]?.values).toEqual([['v1', 'v2']]);
  });

  it('transposes when majorDimension is COLUMNS', async () => {
    const id = newSpreadsheet([[1, 2], [3, 4]]);
    const response = await sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'Deals!A1:B2',
      majorDimension: 'COLUMNS',
      valueRenderOption: 'UNFORMATTED_VALUE',
    });

    expect(response.data.values).toEqual([
      [1, 3],
      [2, 4],
    ]);
  });
});

describe('render options', () => {
  it('returns dates as serials or as text when SERIAL_NUMBER or FORMATTED_STRING is asked for', async () => {
    const id = newSpreadsheet([['2026/11/20', 1234.5, true]]);
    const read = (valueRenderOption: string, dateTimeRenderOption?: string) =>
      sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Deals!A1:C1', valueRenderOption, dateTimeRenderOption });

    expect((await read('UNFORMATTED_VALUE', 'SERIAL_NUMBER')).data.values).toEqual([[46346, 1234.5, true]]);
    expect((await read('UNFORMATTED_VALUE', 'FORMATTED_STRING')).data.values).toEqual([['2026/11/20', 1234.5, true]]);
    expect((await read('FORMATTED_VALUE')).data.values).toEqual([['2026/11/20', '1234.5', 'TRUE']]);
  });
});

describe('grid limits and atomic batches', () => {
  it('refuses a write past the last column with Google\'s message when the grid is 26 columns wide', async () => {
    const id = newSpreadsheet([], 'Sheet1');
    const failure = await apiFailure(
      sheets.spreadsheets.values.update({ spreadsheetId: id, range: 'Sheet1!AA1', valueInputOption: 'RAW', requestBody: { values: [['x']] } }),
    );

    expect(failure).toEqual({
      status: 400,
      body: {
        error: {
          code: 400,
          message: 'Range (Sheet1!AA1) exceeds grid limits. Max rows: 1000, max columns: 26',
          status: 'INVALID_ARGUMENT',
        },
      },
    });
  });

  it('applies nothing when one entry of a batch reaches past the grid', async () => {
    const id = newSpreadsheet([['keep']]);
    const failure = await apiFailure(
      sheets.spreadsheets.values.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          valueInputOption: 'RAW',
          data: [
            { range: 'Deals!A1', values: [['changed']] },
            { range: 'Deals!A999', values: [['a'], ['b'], ['c']] },
          ],
        },
      }),
    );

    expect(failure.status).toBe(400);
    expect(failure.body.error.message).toBe('Invalid data[1]: Range (Deals!A999) exceeds grid limits. Max rows: 1000, max columns: 26');
    expect(standIn.values(id, 'Deals')).toEqual([['keep']]);
  });

  it('refuses values that overflow a bounded range when the range has more than one cell', async () => {
    const id = newSpreadsheet();
    const failure = await apiFailure(write(id, 'Deals!A1:B1', [['a', 'b', 'c']], 'RAW'));

    expect(failure.body.error.message).toBe('Invalid data[0]: Requested writing within range [Deals!A1:B1], but tried writing to column [C]');
  });

  it('answers "Unable to parse range" when the sheet does not exist', async () => {
    const id = newSpreadsheet();
    const failure = await apiFailure(sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Nope!A1' }));

    expect(failure.body.error).toEqual({ code: 400, message: 'Unable to parse range: Nope!A1', status: 'INVALID_ARGUMENT' });
  });
});

describe('Japanese sheet titles', () => {
  it('reads and writes through quoted and unquoted A1 ranges when titles are Japanese', async () => {
    const id = standIn.createSpreadsheet({
      title: '営業',
      sheets: [{ title: '案件 一覧', rows: [['会社名', '金額']] }, { title: '顧客' }],
      sharedWith: [USER],
    });
    await sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: "'案件 一覧'!A2",
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['株式会社テスト', '1,500,000']] },
    });
    await write(id, '顧客!B2', [['山田']], 'RAW');

    const response = await sheets.spreadsheets.values.batchGet({
      spreadsheetId: id,
      ranges: ["'案件 一覧'!A1:B", '顧客'],
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(response.data.valueRanges).toEqual([
      { range: "'案件 一覧'!A1:B1000", majorDimension: 'ROWS', values: [['会社名', '金額'], ['株式会社テスト', 1500000]] },
      { range: "'顧客'!A1:Z1000", majorDimension: 'ROWS', values: [[], ['', '山田']] },
    ]);
  });

  it("accepts a quote inside a title when it is escaped as ''", async () => {
    const id = standIn.createSpreadsheet({ title: 'q', sheets: [{ title: "Bob's deals", rows: [['x']] }], sharedWith: [USER] });
    const response = await sheets.spreadsheets.values.get({ spreadsheetId: id, range: "'Bob''s deals'!A1" });

    expect(response.data).toEqual({ range: "'Bob''s deals'!A1", majorDimension: 'ROWS', values: [['x']] });
  });
});

describe('append and clear', () => {
  it('appends after the last row of the table when values.append is called', async () => {
    const id = newSpreadsheet([['name', 'amount'], ['A', 1]]);
    const response = await sheets.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'Deals!A1:B1',
      valueInputOption: 'RAW',
      requestBody: { values: [['B', 2]] },
    });

    expect(response.data).toMatchObject({ tableRange: 'Deals!A1:B2', updates: { updatedRange: 'Deals!A3:B3', updatedCells: 2 } });
    expect(standIn.values(id, 'Deals')).toEqual([['name', 'amount'], ['A', 1], ['B', 2]]);
  });

  it('removes values but keeps the grid when values.clear is called', async () => {
    const id = newSpreadsheet([['a', 'b'], ['c', 'd']]);
    const response = await sheets.spreadsheets.values.clear({ spreadsheetId: id, range: 'Deals!B1:B2' });

    expect(response.data.clearedRange).toBe('Deals!B1:B2');
    expect(standIn.values(id, 'Deals')).toEqual([['a'], ['c']]);
  });
});

import { describe, expect, it } from 'vitest';
import { fakeAppsScript } from './fake-apps-script.ts';

const deals = () =>
  fakeAppsScript({
    sheets: [
      {
        name: '案件',
        rows: [
          ['会社名', '金額', '期日'],
          ['A社', '1,200,000', '2026/11/20'],
        ],
      },
    ],
  });

describe('Sheet.getRange', () => {
  it('throws the coordinates error when the range runs past the last row or column', () => {
    const sheet = deals().g.SpreadsheetApp.getActive().getSheetByName('案件');
    expect(sheet?.getMaxRows()).toBe(1000);
    expect(() => sheet?.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet?.getRange(1, 26, 1, 2)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(sheet?.getRange(1000, 26).getA1Notation()).toBe('Z1000');
  });

  it('throws Apps Script’s messages when a start or size is below 1', () => {
    const sheet = deals().g.SpreadsheetApp.getActiveSheet();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
  });

  it('refuses arguments that match no signature, naming their types', () => {
    const sheet = deals().g.SpreadsheetApp.getActiveSheet();
    expect(() => sheet.getRange(1, 1, undefined, 1)).toThrow("The parameters (number,number,null,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    expect(() => sheet.getRange(1.5, 1)).toThrow('(number,number)');
    expect(() => sheet.getRange('1', 1)).toThrow('(String,number)');
  });

  it('resolves A1 notation, open-ended columns and sheet-qualified names', () => {
    const { g } = deals();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    const block = sheet.getRange('B2:C3');
    expect([block.getRow(), block.getColumn(), block.getNumRows(), block.getNumColumns(), block.getLastRow(), block.getLastColumn()]).toEqual([2, 2, 2, 2, 3, 3]);
    const column = sheet.getRange('C:C');
    expect([column.getRow(), column.getNumRows(), column.getA1Notation()]).toEqual([1, 1000, 'C:C']);
    expect(g.SpreadsheetApp.getActive().getRange("'案件'!A2").getValue()).toBe('A社');
    expect(() => sheet.getRange('AAA1')).toThrow('Range not found');
    expect(() => sheet.getRange('A1:B')).not.toThrow();
  });

  it('reads the content extent when getLastRow, getLastColumn and getDataRange are asked', () => {
    const sheet = deals().g.SpreadsheetApp.getActiveSheet();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C2');
    sheet.getRange(5, 5).setValue('x');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:E5');
    sheet.getRange(5, 5).setValue('');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 3]);
  });
});

describe('Range.setValues', () => {
  it('throws Apps Script’s message when the data has fewer or more rows than the range', () => {
    const sheet = deals().g.SpreadsheetApp.getActiveSheet();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([['a', 'b']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  it('throws for a ragged row and writes nothing, not even the rows before it', () => {
    const { g, state } = deals();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    expect(() =>
      sheet.getRange(5, 1, 2, 2).setValues([
        ['a', 'b'],
        ['c', 'd', 'e'],
      ]),
    ).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.');
    expect(sheet.getRange(5, 1).getValue()).toBe('');
    expect(state.writes).toEqual([]);
  });

  it('refuses a one-dimensional array as the real signature check does', () => {
    const sheet = deals().g.SpreadsheetApp.getActiveSheet();
    expect(() => sheet.getRange(1, 1, 1, 2).setValues(['a', 'b'])).toThrow(
      "The parameters (String[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  it('returns empty strings for empty cells and numbers, booleans and dates as typed', () => {
    const { g } = deals();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    sheet.getRange(3, 1, 1, 4).setValues([['0012', 'TRUE', '2026-04-01', '12.5%']]);
    const [row] = sheet.getRange(3, 1, 1, 5).getValues();
    expect(row?.slice(0, 2)).toEqual([12, true]);
    expect(row?.[2]).toBeInstanceOf(Date);
    expect(row?.[3]).toBeCloseTo(0.125);
    expect(row?.[4]).toBe('');
  });

  it('records each written cell, with whether it became a formula', () => {
    const { g, state } = deals();
    g.SpreadsheetApp.getActiveSheet().getRange(4, 1, 1, 3).setValues([['=1+1', "'=1+1", null]]);
    expect(state.writes).toEqual([
      { sheet: '案件', row: 4, column: 1, value: '=1+1', formula: true },
      { sheet: '案件', row: 4, column: 2, value: "'=1+1", formula: false },
      { sheet: '案件', row: 4, column: 3, value: null, formula: false },
    ]);
  });

  it('throws when a cell would exceed 50,000 characters', () => {
    const sheet = deals().g.SpreadsheetApp.getActiveSheet();
    expect(() => sheet.getRange(1, 1).setValue('あ'.repeat(50_001))).toThrow('Your input contains more than the maximum of 50000 characters in a single cell.');
  });
});

describe('Range.setValue', () => {
  it('stores a string beginning with = as a formula and reads back its result', () => {
    const sheet = deals().g.SpreadsheetApp.getActiveSheet();
    const cell = sheet.getRange('D2');
    cell.setValue('=B2*2');
    expect(cell.getFormula()).toBe('=B2*2');
    expect(cell.getValue()).toBe(2_400_000);
  });

  it('keeps the text after a leading apostrophe and drops the apostrophe on read', () => {
    const sheet = deals().g.SpreadsheetApp.getActiveSheet();
    const cell = sheet.getRange('D2');
    cell.setValue("'=HYPERLINK(\"http://evil\")");
    expect(cell.getFormula()).toBe('');
    expect(cell.getValue()).toBe('=HYPERLINK("http://evil")');
    cell.setValue("'0012");
    expect(cell.getValue()).toBe('0012');
  });

  it('stores strings verbatim, formulas and numbers included, when the cell is plain text @', () => {
    const sheet = deals().g.SpreadsheetApp.getActiveSheet();
    const range = sheet.getRange('D2:D4').setNumberFormat('@');
    range.setValues([['0012'], ['=1+1'], ['2026-04-01']]);
    expect(range.getValues()).toEqual([['0012'], ['=1+1'], ['2026-04-01']]);
    expect(range.getFormulas()).toEqual([[''], [''], ['']]);
    expect(range.getNumberFormats()).toEqual([['@'], ['@'], ['@']]);
  });

  it('parses strings like typed input when the cell is not plain text', () => {
    const sheet = deals().g.SpreadsheetApp.getActiveSheet();
    const cell = sheet.getRange('E2');
    expect(cell.setValue('1,200').getValue()).toBe(1200);
    expect(cell.setValue('false').getValue()).toBe(false);
    expect(cell.setValue('次回訪問').getValue()).toBe('次回訪問');
    expect(sheet.getRange('F3').setValue('2026/4/1 9:30').getValue()).toEqual(new Date('2026-04-01T00:30:00Z'));
  });

  it('keeps the format guessed from the first typed value, as Sheets does, so a later date reads as a number', () => {
    const sheet = deals().g.SpreadsheetApp.getActiveSheet();
    const cell = sheet.getRange('E2').setValue('1,200');
    expect(cell.getNumberFormat()).toBe('#,##0');
    expect(cell.setValue('2026/4/1').getValue()).toBe(46_113);
  });
});

describe('dates in a Tokyo spreadsheet', () => {
  it('reads a typed calendar date back as local midnight in Asia/Tokyo', () => {
    const [[, , due]] = [deals().g.SpreadsheetApp.getActiveSheet().getRange('A2:C2').getValues()[0] ?? []];
    expect(due).toEqual(new Date('2026-11-19T15:00:00Z'));
  });

  it('reads the same typed date as local midnight of the sheet’s own zone elsewhere', () => {
    const { g } = fakeAppsScript({ timeZone: 'America/Los_Angeles', locale: 'en_US', sheets: [{ name: 'Deals', rows: [['11/20/2026']] }] });
    expect(g.SpreadsheetApp.getActiveSheet().getRange('A1').getValue()).toEqual(new Date('2026-11-20T08:00:00Z'));
  });

  it('round-trips a Date instant through setValue and getValue, across the UTC date line', () => {
    const { g } = deals();
    const cell = g.SpreadsheetApp.getActiveSheet().getRange('F2');
    const lateUtc = new Date('2026-03-31T23:30:00Z'); // 08:30 on 1 April in Tokyo
    cell.setValue(lateUtc);
    expect(cell.getValue()).toEqual(lateUtc);
    expect(cell.getDisplayValue()).toBe('2026/04/01 8:30:00');
  });

  it('treats a plain number in a date-formatted cell as a date serial', () => {
    const { g } = deals();
    const cell = g.SpreadsheetApp.getActiveSheet().getRange('C2');
    cell.setValue(46_113); // serial of 2026-04-01
    expect(cell.getValue()).toEqual(new Date('2026-03-31T15:00:00Z'));
  });
});

describe('Range formats and active range', () => {
  it('sets number formats cell by cell and checks their shape', () => {
    const sheet = deals().g.SpreadsheetApp.getActiveSheet();
    const range = sheet.getRange('A5:B5');
    range.setNumberFormats([['@', 'yyyy-mm-dd']]);
    expect(range.getNumberFormats()).toEqual([['@', 'yyyy-mm-dd']]);
    expect(sheet.getRange('C5').getNumberFormat()).toBe('0.###############');
    expect(() => range.setNumberFormats([['@']])).toThrow('The data has 1 but the range has 2.');
  });

  it('moves the active cell when a range is activated', () => {
    const { g } = deals();
    g.SpreadsheetApp.getActiveSheet().getRange('B2').activate();
    expect(g.SpreadsheetApp.getActive().getActiveCell().getA1Notation()).toBe('B2');
  });
});

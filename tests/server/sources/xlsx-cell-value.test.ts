import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { cellValueOf, excelDateFromSerial, serialFromExcelDate } from '../../../server/sources/xlsx/xlsx-cell-value.ts';

/** A fresh sheet with one value set at B2, read back through cellValueOf. */
function readBack(value: ExcelJS.CellValue): CellValue {
  const sheet = new ExcelJS.Workbook().addWorksheet('案件');
  sheet.getCell('B2').value = value;
  return cellValueOf(sheet.getCell('B2'));
}

const APRIL_1_2024 = new Date(Date.UTC(2024, 3, 1));

describe('cellValueOf', () => {
  it.each<[string, ExcelJS.CellValue, CellValue]>([
    ['an empty cell', null, null],
    ['a whole number', 120000, 120000],
    ['a fraction', 0.35, 0.35],
    ['a negative number', -5, -5],
    ['zero', 0, 0],
    ['a text', '株式会社A', '株式会社A'],
    ['a text with spaces, kept as written', ' 提案 ', ' 提案 '],
    ['an empty text', '', ''],
    ['true', true, true],
    ['false', false, false],
    ['a date', APRIL_1_2024, 45383],
    ['a date and time', new Date(Date.UTC(2024, 3, 1, 18)), 45383.75],
    ['rich text', { richText: [{ text: '株式会社' }, { text: 'A', font: { bold: true } }] }, '株式会社A'],
    ['a hyperlink', { text: 'A社サイト', hyperlink: 'https://example.com' }, 'A社サイト'],
    // exceljs's typings say a link's text is a string; a workbook can hold rich text there.
    ['a hyperlink whose text is partly formatted', { text: { richText: [{ text: 'A' }, { text: '社', font: { bold: true } }] }, hyperlink: 'https://a.example' } as unknown as ExcelJS.CellValue, 'A社'],
    ['a formula with a cached number', { formula: 'B1*2', result: 240000 }, 240000],
    ['a formula with a cached text', { formula: 'A1&"様"', result: 'A社様' }, 'A社様'],
    ['a formula with a cached boolean', { formula: 'B1>0', result: true }, true],
    ['a formula with a cached date', { formula: 'TODAY()', result: APRIL_1_2024 }, 45383],
    ['a formula without a cached result', { formula: 'B1*2' }, null],
    ['a formula whose result is #DIV/0!', { formula: '1/0', result: { error: '#DIV/0!' } }, '#DIV/0!'],
    ['a formula whose result is #N/A', { formula: 'VLOOKUP(A1,C:D,2,0)', result: { error: '#N/A' } }, '#N/A'],
    ['an error cell #N/A', { error: '#N/A' }, '#N/A'],
    ['an error cell #REF!', { error: '#REF!' }, '#REF!'],
  ])('reads %s', (_, value, expected) => {
    expect(readBack(value)).toEqual(expected);
  });

  it('reads a shared formula as its cached result', () => {
    const sheet = new ExcelJS.Workbook().addWorksheet('案件');
    sheet.getCell('C1').value = { formula: 'A1*2', result: 10 };
    sheet.getCell('C2').value = { sharedFormula: 'C1', result: 14 };
    expect([cellValueOf(sheet.getCell('C1')), cellValueOf(sheet.getCell('C2'))]).toEqual([10, 14]);
  });

  it('reads a merged range as its value at the master and empty text across its span', () => {
    const sheet = new ExcelJS.Workbook().addWorksheet('案件');
    sheet.mergeCells('C1:E2');
    sheet.getCell('C1').value = '備考';
    const read = ['C1', 'D1', 'E1', 'C2', 'E2'].map((a) => cellValueOf(sheet.getCell(a)));
    expect(read).toEqual(['備考', '', '', '', '']);
  });

  it('reads an empty merged master as nothing and its span as empty text', () => {
    const sheet = new ExcelJS.Workbook().addWorksheet('案件');
    sheet.mergeCells('A1:B1');
    expect([cellValueOf(sheet.getCell('A1')), cellValueOf(sheet.getCell('B1'))]).toEqual([null, '']);
  });

  it('reads a number merged over a span as the number at the master only', () => {
    const sheet = new ExcelJS.Workbook().addWorksheet('案件');
    sheet.getCell('A3').value = 45383;
    sheet.mergeCells('A3:A4');
    expect([cellValueOf(sheet.getCell('A3')), cellValueOf(sheet.getCell('A4'))]).toEqual([45383, '']);
  });

  it('reads a date as its serial when the workbook went through a file', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('案件');
    sheet.getCell('A1').value = APRIL_1_2024;
    sheet.getCell('A1').numFmt = 'yyyy/mm/dd';
    sheet.getCell('A2').value = { formula: 'A1+1', result: new Date(Date.UTC(2024, 3, 2)) };
    sheet.getCell('A2').numFmt = 'yyyy/mm/dd';
    sheet.getCell('A3').value = { richText: [{ text: 'リー' }, { text: 'ド', font: { italic: true } }] };
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(await book.xlsx.writeBuffer());
    const back = loaded.getWorksheet('案件');
    if (back === undefined) throw new Error('sheet lost');
    expect(['A1', 'A2', 'A3'].map((a) => cellValueOf(back.getCell(a)))).toEqual([45383, 45384, 'リード']);
  });
});

describe('serialFromExcelDate and excelDateFromSerial', () => {
  it.each<[Date, number]>([
    [new Date(Date.UTC(1970, 0, 1)), 25569],
    [new Date(Date.UTC(1900, 0, 1)), 2],
    [new Date(Date.UTC(2024, 3, 1)), 45383],
    [new Date(Date.UTC(2024, 3, 1, 12)), 45383.5],
    [new Date(Date.UTC(2026, 11, 31)), 46387],
  ])('turns %s into the serial %d', (date, serial) => {
    expect(serialFromExcelDate(date)).toBe(serial);
    expect(excelDateFromSerial(serial).getTime()).toBe(date.getTime());
  });

  it.each<number>([1, 45383, 45383.25, 45383.999988426, 60000.123])('round-trips the serial %d', (serial) => {
    expect(serialFromExcelDate(excelDateFromSerial(serial))).toBeCloseTo(serial, 8);
  });

  it('rounds a serial to the whole millisecond', () => {
    expect(excelDateFromSerial(45383 + 0.4 / 86_400_000).getTime()).toBe(excelDateFromSerial(45383).getTime());
  });
});

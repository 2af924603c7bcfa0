import { describe, expect, it } from 'vitest';
import { filterHiddenRows } from './filter.fake.ts';
import { fakeAppsScript, MANAGER, REP } from './fake-apps-script.ts';
import { snapshotSpreadsheet } from './spreadsheet-snapshot.ts';

const pipeline = () =>
  fakeAppsScript({
    sheets: [
      {
        name: '案件',
        rows: [
          ['会社名', 'ステージ', 'フラグ'],
          ['A社', '見積提出', '停滞'],
          ['B社', '提案', ''],
          ['C社', 'リード', '停滞, ボール'],
        ],
      },
    ],
  });

describe('Sheet.insertColumnsAfter', () => {
  it('shifts cells right, inherits the left column’s format, and throws past the last column', () => {
    const { g } = pipeline();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A:A').setNumberFormat('@');
    sheet.insertColumnsAfter(1, 1);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['会社名', '', 'ステージ', 'フラグ']]);
    expect(sheet.getMaxColumns()).toBe(27);
    expect(sheet.getRange('B2').getNumberFormat()).toBe('@');
    expect(() => sheet.insertColumnsAfter(28, 1)).toThrow('Those columns are out of bounds.');
  });
});

describe('Sheet.deleteRows', () => {
  it('removes rows and refuses to delete every non-frozen row', () => {
    const { g } = pipeline();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    sheet.setFrozenRows(1);
    sheet.deleteRows(2, 1);
    expect(sheet.getRange('A2').getValue()).toBe('B社');
    expect(() => sheet.deleteRows(2, sheet.getMaxRows() - 1)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
  });
});

describe('Sheet.hideColumns', () => {
  it('hides one column or several and reports them hidden', () => {
    const sheet = pipeline().g.SpreadsheetApp.getActiveSheet();
    sheet.hideColumns(3);
    sheet.hideColumns(5, 2);
    expect([1, 3, 5, 6, 7].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([false, true, true, true, false]);
    expect(() => sheet.hideColumns(26, 2)).toThrow('Those columns are out of bounds.');
  });
});

describe('Range.createFilter', () => {
  it('hides the rows failing the column criteria and refuses a second filter', () => {
    const { g, state } = pipeline();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    const filter = sheet.getDataRange().createFilter();
    filter.setColumnFilterCriteria(3, g.SpreadsheetApp.newFilterCriteria().whenCellNotEmpty().build());
    expect(filterHiddenRows(state.spreadsheet, state.spreadsheet.sheets[0]!)).toEqual([3]);
    filter.setColumnFilterCriteria(3, g.SpreadsheetApp.newFilterCriteria().whenTextContains('ボール').build());
    expect(filterHiddenRows(state.spreadsheet, state.spreadsheet.sheets[0]!)).toEqual([2, 3]);
    expect(sheet.getFilter()?.getColumnFilterCriteria(3)?.getCriteriaValues()).toEqual(['ボール']);
    expect(() => sheet.getRange('A1:B2').createFilter()).toThrow("You can't create a filter in a sheet that already has a filter.");
    expect(() => filter.setColumnFilterCriteria(4, null)).toThrow('out of the filter range');
    sheet.getFilter()?.remove();
    expect(sheet.getFilter()).toBeNull();
  });
});

describe('Sheet.setConditionalFormatRules', () => {
  it('replaces the sheet’s rules, and rule ranges follow inserted columns', () => {
    const { g, state } = pipeline();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    const rule = g.SpreadsheetApp.newConditionalFormatRule().whenTextContains('停滞').setBackground('#F4CCCC').setRanges([sheet.getRange('C2:C4')]).build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), rule]);
    sheet.insertColumnsAfter(1, 1);
    const [stored] = sheet.getConditionalFormatRules();
    expect(stored?.getRanges().map((r) => r.getA1Notation())).toEqual(['D2:D4']);
    expect(stored?.getBooleanCondition().getBackground()).toBe('#f4cccc');
    expect(snapshotSpreadsheet(state.spreadsheet).sheets[0]?.conditionalRules).toEqual([
      { ranges: ['D2:D4'], condition: 'TEXT_CONTAINS', values: ['停滞'], background: '#f4cccc', fontColor: null, bold: null },
    ]);
  });

  it('refuses a rule with no range', () => {
    const { g } = pipeline();
    expect(() => g.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$C2<>""').setBackground('#fff2cc').build()).toThrow('at least one range');
  });
});

describe('Range.setDataValidation', () => {
  it('puts a dropdown on each cell, which a script may still write past', () => {
    const { g, state } = pipeline();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    const rule = g.SpreadsheetApp.newDataValidation().requireValueInList(['us', 'customer'], true).setAllowInvalid(false).build();
    sheet.getRange('D2:D3').setDataValidation(rule);
    expect(sheet.getRange('D3').getDataValidation()?.getCriteriaValues()).toEqual([['us', 'customer'], true]);
    sheet.getRange('D2').setValue('other');
    expect(sheet.getRange('D2').getValue()).toBe('other');
    expect(snapshotSpreadsheet(state.spreadsheet).sheets[0]?.validations.D2).toEqual({ criteria: 'VALUE_IN_LIST', values: ['us', 'customer'], allowInvalid: false, helpText: null });
  });
});

describe('Sheet.protect', () => {
  it('returns the existing sheet protection, and warning-only protections block no one', () => {
    const { g, state } = pipeline();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    sheet.protect().setDescription('sheets-sfa').setWarningOnly(true);
    expect(sheet.protect().getDescription()).toBe('sheets-sfa');
    expect(sheet.getProtections(g.SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
    state.user = MANAGER;
    expect(() => sheet.getRange('A2').setValue('x')).not.toThrow();
  });

  it('blocks other users’ script writes only once the editor list is restricted', () => {
    const { g, state } = fakeAppsScript({ user: REP, sheets: [{ name: '案件', rows: [['会社名', 'フラグ']] }] });
    const sheet = g.SpreadsheetApp.getActiveSheet();
    const protection = sheet.getRange('B:B').protect().setDescription('computed');
    state.user = MANAGER;
    sheet.getRange('B2').setValue('open to editors of the file');
    state.user = REP;
    protection.removeEditors(protection.getEditors());
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([REP.email]);
    state.user = MANAGER;
    expect(() => sheet.getRange('B2').setValue('x')).toThrow('You are trying to edit a protected cell or object.');
    expect(() => sheet.getRange('A2').setValue('fine')).not.toThrow();
    expect(sheet.getProtections(g.SpreadsheetApp.ProtectionType.RANGE)[0]?.getRange().getA1Notation()).toBe('B1:B1000');
  });
});

describe('Spreadsheet.insertSheet', () => {
  it('adds an active 1000×26 sheet and refuses a duplicate name', () => {
    const { g } = pipeline();
    const ss = g.SpreadsheetApp.getActive();
    const visits = ss.insertSheet('訪問記録');
    expect([visits.getMaxRows(), visits.getMaxColumns(), ss.getActiveSheet().getName()]).toEqual([1000, 26, '訪問記録']);
    expect(() => ss.insertSheet('訪問記録')).toThrow('A sheet with the name "訪問記録" already exists. Please enter another name.');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['案件', '訪問記録']);
  });
});

describe('Sheet.appendRow', () => {
  it('writes after the last row with content and grows the sheet when full', () => {
    const { g } = fakeAppsScript({ sheets: [{ name: 'ログ', rows: [['a'], ['b']], maxRows: 2, maxColumns: 2 }] });
    const sheet = g.SpreadsheetApp.getActiveSheet();
    sheet.appendRow(['c', '2026-04-01', 'extra']);
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow()]).toEqual([3, 3, 3]);
    expect(sheet.getRange('A3').getValue()).toBe('c');
    expect(sheet.getRange('B3').getValue()).toBeInstanceOf(Date);
  });
});

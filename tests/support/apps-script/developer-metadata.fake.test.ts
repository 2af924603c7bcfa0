import { describe, expect, it } from 'vitest';
import { fakeAppsScript } from './fake-apps-script.ts';

const withHeaders = () =>
  fakeAppsScript({
    sheets: [
      { name: '案件', rows: [['会社名', 'ステージ', 'sfa_id']] },
      { name: '訪問記録', rows: [['訪問日']] },
    ],
  });

describe('Range.addDeveloperMetadata', () => {
  it('tags a whole column, and the tag follows the column when columns are inserted before it', () => {
    const { g } = withHeaders();
    const { SpreadsheetApp } = g;
    const sheet = SpreadsheetApp.getActive().getSheetByName('案件');
    sheet?.getRange('C:C').addDeveloperMetadata('sheets-sfa.column', 'id', SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
    sheet?.insertColumnsAfter(1, 2);
    const [found] = SpreadsheetApp.getActive().createDeveloperMetadataFinder().withKey('sheets-sfa.column').withValue('id').find();
    const location = found?.getLocation();
    expect(location?.getLocationType()).toBe(SpreadsheetApp.DeveloperMetadataLocationType.COLUMN);
    expect(location?.getColumn()?.getColumn()).toBe(5);
    expect(location?.getColumn()?.getValues()[0]).toEqual(['sfa_id']);
    expect(found?.getVisibility()).toBe(SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
    expect(sheet?.getRange(1, 2, 1, 2).getValues()).toEqual([['', '']]);
  });

  it('drops the tag with its column when the column is deleted', () => {
    const { g } = withHeaders();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    sheet.getRange(1, 2, sheet.getMaxRows(), 1).addDeveloperMetadata('stage');
    sheet.deleteColumns(2, 1);
    expect(g.SpreadsheetApp.getActive().createDeveloperMetadataFinder().withKey('stage').find()).toEqual([]);
  });

  it('refuses anything but the spreadsheet, a sheet, or one whole row or column', () => {
    const sheet = withHeaders().g.SpreadsheetApp.getActiveSheet();
    expect(() => sheet.getRange('A1:C1').addDeveloperMetadata('header')).toThrow(
      'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
    );
    expect(() => sheet.getRange('A:B').addDeveloperMetadata('two')).toThrow('arbitrary ranges');
    expect(() => sheet.getRange('1:1').addDeveloperMetadata('header-row')).not.toThrow();
  });

  it('moves row metadata down when rows are inserted above it, not below', () => {
    const { g } = withHeaders();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    sheet.getRange('1:1').addDeveloperMetadata('header-row', '1');
    sheet.insertRowsAfter(1, 1);
    sheet.insertRowsBefore(1, 2);
    const [entry] = sheet.createDeveloperMetadataFinder().withLocationType(g.SpreadsheetApp.DeveloperMetadataLocationType.ROW).find();
    expect(entry?.getLocation().getRow()?.getRow()).toBe(3);
    expect(entry?.getLocation().getRow()?.getValues()[0]?.slice(0, 3)).toEqual(['会社名', 'ステージ', 'sfa_id']);
  });
});

describe('DeveloperMetadataFinder', () => {
  it('finds by key, value and location type within its scope only', () => {
    const { g } = withHeaders();
    const ss = g.SpreadsheetApp.getActive();
    const deals = ss.getSheetByName('案件');
    const visits = ss.getSheetByName('訪問記録');
    deals?.getRange('A:A').addDeveloperMetadata('field', 'account');
    visits?.getRange('A:A').addDeveloperMetadata('field', 'visitedOn');
    visits?.addDeveloperMetadata('tab', 'visits');
    ss.addDeveloperMetadata('mapping-version', '3');
    expect(ss.createDeveloperMetadataFinder().withKey('field').find().map((m) => m.getValue())).toEqual(['account', 'visitedOn']);
    expect(visits?.createDeveloperMetadataFinder().withKey('field').find().map((m) => m.getValue())).toEqual(['visitedOn']);
    expect(visits?.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['visits']);
    expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['mapping-version']);
    const sheetScope = ss.createDeveloperMetadataFinder().withLocationType(g.SpreadsheetApp.DeveloperMetadataLocationType.SHEET).find();
    expect(sheetScope.map((m) => m.getLocation().getSheet()?.getName())).toEqual(['訪問記録']);
  });

  it('counts a column as in a range’s scope only when the range holds the whole column', () => {
    const { g } = withHeaders();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    sheet.getRange('B:B').addDeveloperMetadata('stage');
    expect(sheet.getRange('A1:C5').createDeveloperMetadataFinder().find()).toEqual([]);
    expect(sheet.getRange('A:C').createDeveloperMetadataFinder().find().map((m) => m.getKey())).toEqual(['stage']);
    expect(sheet.getRange('B:B').getDeveloperMetadata().map((m) => m.getKey())).toEqual(['stage']);
  });

  it('forgets removed metadata and updates values in place', () => {
    const { g } = withHeaders();
    const ss = g.SpreadsheetApp.getActive();
    ss.addDeveloperMetadata('a', '1');
    ss.addDeveloperMetadata('b', '2');
    const [a, b] = ss.getDeveloperMetadata();
    a?.remove();
    b?.setValue('20');
    expect(ss.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([['b', '20']]);
    expect(() => a?.getKey()).toThrow(/No developer metadata/);
  });

  it('throws once the spreadsheet holds more than 30,000 characters of metadata', () => {
    const ss = withHeaders().g.SpreadsheetApp.getActive();
    ss.addDeveloperMetadata('big', 'x'.repeat(29_990));
    expect(() => ss.addDeveloperMetadata('more', 'x'.repeat(20))).toThrow('30000-character limit');
  });
});

import { describe, expect, it } from 'vitest';
import {
  dateFormatRequest,
  dropdownRequest,
  filterViewRequest,
  hideColumnRequest,
  highlightRequest,
  protectColumnsRequests,
  setupRequests,
  type SetupTarget,
} from '../../../../server/sources/google/setup-requests.ts';
import { DEFAULT_SETTINGS } from '../../../../shared/settings/sync-settings.ts';
import type { ResolvedTab } from '../../../../shared/mapping/tab-mapping.ts';
import { tabSetup } from '../../../../shared/write-plan/tab-setup.ts';
import { SERVICE_COLUMNS_BY_KIND } from '../../../../shared/write-plan/service-columns.ts';

// 案件 with its header in row 3: A 顧客名, B 案件名, C ステージ, D 担当者; service columns E–J.
const AT: SetupTarget = { sheetId: 77, headerRow: 3, lastColumn: 10 };

describe('hideColumnRequest', () => {
  it('hides the one column, by user', () => {
    expect(hideColumnRequest({ kind: 'hideColumn', column: 5 }, AT)).toEqual({
      updateDimensionProperties: {
        range: { sheetId: 77, dimension: 'COLUMNS', startIndex: 4, endIndex: 5 },
        properties: { hiddenByUser: true },
        fields: 'hiddenByUser',
      },
    });
  });
});

describe('dateFormatRequest', () => {
  it('sets a DATE pattern on the data rows of the column only', () => {
    expect(dateFormatRequest({ kind: 'dateFormat', column: 6, pattern: 'yyyy/mm/dd' }, AT)).toEqual({
      repeatCell: {
        range: { sheetId: 77, startRowIndex: 3, startColumnIndex: 5, endColumnIndex: 6 },
        cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'yyyy/mm/dd' } } },
        fields: 'userEnteredFormat.numberFormat',
      },
    });
  });
});

describe('highlightRequest', () => {
  it('anchors the custom formula on the first data row’s flags cell, column fixed', () => {
    const request = highlightRequest({ kind: 'highlight', columns: [6, 10], flagsColumn: 9, containsText: '停滞', tone: 'stale' }, AT, 0);
    expect(request.addConditionalFormatRule?.index).toBe(0);
    const rule = request.addConditionalFormatRule?.rule;
    expect(rule?.ranges).toEqual([{ sheetId: 77, startRowIndex: 3, startColumnIndex: 5, endColumnIndex: 10 }]);
    expect(rule?.booleanRule?.condition).toEqual({ type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: '=ISNUMBER(SEARCH("停滞",$I4))' }] });
  });

  it.each([
    ['stale', { red: 0xf4 / 255, green: 0xc7 / 255, blue: 0xc3 / 255 }],
    ['warning', { red: 0xfc / 255, green: 0xe8 / 255, blue: 0xb2 / 255 }],
  ] as const)('paints a %s row in its tint', (tone, color) => {
    const request = highlightRequest({ kind: 'highlight', columns: [6, 10], flagsColumn: 9, containsText: 'x', tone }, AT, 1);
    expect(request.addConditionalFormatRule?.rule?.booleanRule?.format).toEqual({ backgroundColor: color });
  });

  it('doubles quotes in the text, so it stays one string literal', () => {
    const request = highlightRequest({ kind: 'highlight', columns: [1, 1], flagsColumn: 27, containsText: 'a"),TRUE,("', tone: 'warning' }, { ...AT, headerRow: 1 }, 0);
    expect(request.addConditionalFormatRule?.rule?.booleanRule?.condition?.values?.[0]?.userEnteredValue).toBe('=ISNUMBER(SEARCH("a""),TRUE,(""",$AA2))');
  });
});

describe('protectColumnsRequests', () => {
  it('protects each contiguous run from the header down, warning only, with the description', () => {
    expect(protectColumnsRequests({ kind: 'protectColumns', columns: [5, 6, 7, 9], description: 'sheets-sfa が更新する列です' }, AT)).toEqual([
      {
        addProtectedRange: {
          protectedRange: {
            range: { sheetId: 77, startRowIndex: 2, startColumnIndex: 4, endColumnIndex: 7 },
            description: 'sheets-sfa が更新する列です',
            warningOnly: true,
          },
        },
      },
      {
        addProtectedRange: {
          protectedRange: {
            range: { sheetId: 77, startRowIndex: 2, startColumnIndex: 8, endColumnIndex: 9 },
            description: 'sheets-sfa が更新する列です',
            warningOnly: true,
          },
        },
      },
    ]);
  });
});

describe('filterViewRequest', () => {
  it('filters from the header row over the used columns on the flags column', () => {
    expect(filterViewRequest({ kind: 'filterView', title: '停滞', flagsColumn: 9, containsText: '停滞' }, AT)).toEqual({
      addFilterView: {
        filter: {
          title: '停滞',
          range: { sheetId: 77, startRowIndex: 2, startColumnIndex: 0, endColumnIndex: 10 },
          filterSpecs: [{ columnIndex: 8, filterCriteria: { condition: { type: 'TEXT_CONTAINS', values: [{ userEnteredValue: '停滞' }] } } }],
        },
      },
    });
  });
});

describe('dropdownRequest', () => {
  it('lists the labels on the stage column’s data rows, warning rather than rejecting', () => {
    expect(dropdownRequest({ kind: 'dropdown', column: 3, values: ['提案', '見積提出'] }, AT)).toEqual({
      setDataValidation: {
        range: { sheetId: 77, startRowIndex: 3, startColumnIndex: 2, endColumnIndex: 3 },
        rule: {
          condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: '提案' }, { userEnteredValue: '見積提出' }] },
          strict: false,
          showCustomUi: true,
        },
      },
    });
  });
});

describe('setupRequests', () => {
  it('translates a new deals tab’s whole setup, highlights in plan order of precedence', () => {
    const tab: ResolvedTab<'deals'> = {
      kind: 'deals',
      sheet: '案件',
      headerRow: 3,
      fields: { account: 1, title: 2, stage: 3, owner: 4 },
      serviceColumns: {},
      headers: ['顧客名', '案件名', 'ステージ', '担当者'],
      lastHeaderColumn: 4,
      lastUsedColumn: 4,
      locale: 'ja',
    };
    const columns = { id: 5, stageEnteredOn: 6, daysInStage: 7, ballDays: 8, flags: 9, flagReasons: 10 };
    const steps = tabSetup(tab, DEFAULT_SETTINGS, 'ja', columns, new Set(SERVICE_COLUMNS_BY_KIND.deals));
    const requests = setupRequests(steps, AT);
    expect(requests.map((r) => Object.keys(r)[0])).toEqual([
      'updateDimensionProperties',
      'repeatCell',
      'addConditionalFormatRule',
      'addConditionalFormatRule',
      'addFilterView',
      'addFilterView',
      'addFilterView',
      'addFilterView',
      'addFilterView',
      'setDataValidation',
      'addProtectedRange',
    ]);
    expect(requests.flatMap((r) => (r.addConditionalFormatRule ? [r.addConditionalFormatRule.index] : []))).toEqual([0, 1]);
    expect(requests.flatMap((r) => (r.addFilterView ? [r.addFilterView.filter?.title] : []))).toEqual(['停滞', 'ボール滞留', '期限切れ', '引継ぎ放置', '要コスト確認']);
  });
});

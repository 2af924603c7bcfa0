import { describe, expect, it } from 'vitest';
import { serviceColumnTagsOf, spreadsheetMetaOf } from '../../../../server/sources/google/spreadsheet-meta.ts';

const tag = (key: string, value: string | null, dimension: 'ROWS' | 'COLUMNS', index: number, id: number) => ({
  metadataId: id,
  metadataKey: key,
  ...(value === null ? {} : { metadataValue: value }),
  location: { dimensionRange: { sheetId: 5, dimension, startIndex: index, endIndex: index + 1 } },
});

describe('spreadsheetMetaOf', () => {
  it('reads title, time zone, grid tabs and their service tags', () => {
    const meta = spreadsheetMetaOf({
      properties: { title: '営業管理', timeZone: 'Asia/Tokyo' },
      sheets: [
        {
          properties: { sheetId: 5, title: '案件', sheetType: 'GRID', gridProperties: { rowCount: 1000, columnCount: 12 } },
          data: [
            {
              rowMetadata: [{}, { developerMetadata: [tag('sheets-sfa.header-row', null, 'ROWS', 1, 7)] }, {}],
              columnMetadata: [
                {},
                { developerMetadata: [tag('sheets-sfa.column', 'flags', 'COLUMNS', 1, 8), tag('other-app', 'x', 'COLUMNS', 1, 9)] },
                { developerMetadata: [tag('sheets-sfa.column', 'notAKey', 'COLUMNS', 2, 10)] },
                // No location: the place in the list tells.
                { developerMetadata: [{ metadataId: 11, metadataKey: 'sheets-sfa.column', metadataValue: 'id' }] },
              ],
            },
          ],
        },
        { properties: { sheetId: 6, title: 'グラフ', sheetType: 'OBJECT' } },
        { properties: { sheetId: 7, title: '空', gridProperties: { rowCount: 10, columnCount: 2 } } },
      ],
    });
    expect(meta).toEqual({
      title: '営業管理',
      timeZone: 'Asia/Tokyo',
      tabs: [
        {
          sheetId: 5,
          title: '案件',
          rowCount: 1000,
          columnCount: 12,
          headerRowTags: [{ metadataId: 7, row: 2 }],
          columnTags: [
            { metadataId: 8, key: 'flags', column: 2 },
            { metadataId: 11, key: 'id', column: 4 },
          ],
        },
        { sheetId: 7, title: '空', rowCount: 10, columnCount: 2, headerRowTags: [], columnTags: [] },
      ],
    });
  });

  it('has no time zone when the answer gives none', () => {
    expect(spreadsheetMetaOf({ properties: { title: 't' } })).toEqual({ title: 't', timeZone: null, tabs: [] });
  });
});

describe('serviceColumnTagsOf', () => {
  const base = { sheetId: 1, title: 't', rowCount: 10, columnCount: 10 };
  it('uses the topmost header-row tag', () => {
    expect(
      serviceColumnTagsOf({ ...base, headerRowTags: [{ metadataId: 1, row: 2 }, { metadataId: 2, row: 5 }], columnTags: [{ metadataId: 3, key: 'id', column: 4 }] }),
    ).toEqual({ headerRow: 2, columns: [{ key: 'id', column: 4 }] });
  });

  it.each([
    ['no header-row tag', { ...base, headerRowTags: [], columnTags: [{ metadataId: 3, key: 'id' as const, column: 4 }] }],
    ['no column tag', { ...base, headerRowTags: [{ metadataId: 1, row: 2 }], columnTags: [] }],
  ])('is null given %s', (_, tab) => {
    expect(serviceColumnTagsOf(tab)).toBeNull();
  });
});

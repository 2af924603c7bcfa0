import { describe, expect, it } from 'vitest';
import type { TabMeta } from '../../../../server/sources/google/spreadsheet-meta.ts';
import { isCheckable, planStructureRequests, structureLanded, tabStructureRequests } from '../../../../server/sources/google/structure-requests.ts';
import type { TabPlan } from '../../../../shared/write-plan/write-plan.ts';

const META: TabMeta = { sheetId: 9, title: '案件', rowCount: 1000, columnCount: 6, headerRowTags: [], columnTags: [] };

const plan = (over: Partial<TabPlan> = {}): TabPlan => ({
  sheet: '案件',
  kind: 'visits',
  headerRow: 2,
  lastRow: 40,
  columns: { id: 5 },
  newColumns: [],
  writes: [],
  setup: [],
  ...over,
});

const kinds = (requests: ReturnType<typeof tabStructureRequests>) => requests.map((r) => Object.keys(r)[0]);

describe('tabStructureRequests', () => {
  it('asks nothing of a tab whose columns and header row are tagged where the plan has them', () => {
    const meta: TabMeta = { ...META, headerRowTags: [{ metadataId: 1, row: 2 }], columnTags: [{ metadataId: 2, key: 'id', column: 5 }] };
    expect(tabStructureRequests(plan({ writes: [{ row: 3, column: 5, value: 'v1' }] }), meta)).toEqual([]);
  });

  it('grows the grid, writes the headers and tags the new columns and the header row, atomically', () => {
    const tab = plan({
      kind: 'deals',
      columns: { id: 5, stageEnteredOn: 6, daysInStage: 7, ballDays: 8 },
      newColumns: [
        { key: 'id', column: 5, header: 'ID [SFA]' },
        { key: 'stageEnteredOn', column: 6, header: 'ステージ開始日 [SFA]' },
        { key: 'daysInStage', column: 7, header: '滞留日数 [SFA]' },
        { key: 'ballDays', column: 8, header: 'ボール滞留日数 [SFA]' },
      ],
      writes: [{ row: 1200, column: 7, value: 3 }],
      setup: [{ kind: 'hideColumn', column: 5 }],
    });
    const requests = tabStructureRequests(tab, META);
    expect(kinds(requests)).toEqual([
      'appendDimension',
      'appendDimension',
      'updateCells',
      'createDeveloperMetadata',
      'createDeveloperMetadata',
      'createDeveloperMetadata',
      'createDeveloperMetadata',
      'createDeveloperMetadata',
      'updateDimensionProperties',
    ]);
    expect(requests[0]).toEqual({ appendDimension: { sheetId: 9, dimension: 'COLUMNS', length: 2 } });
    expect(requests[1]).toEqual({ appendDimension: { sheetId: 9, dimension: 'ROWS', length: 200 } });
    expect(requests[2]).toEqual({
      updateCells: {
        start: { sheetId: 9, rowIndex: 1, columnIndex: 4 },
        rows: [
          {
            values: [
              { userEnteredValue: { stringValue: 'ID [SFA]' } },
              { userEnteredValue: { stringValue: 'ステージ開始日 [SFA]' } },
              { userEnteredValue: { stringValue: '滞留日数 [SFA]' } },
              { userEnteredValue: { stringValue: 'ボール滞留日数 [SFA]' } },
            ],
          },
        ],
        fields: 'userEnteredValue',
      },
    });
    expect(requests[4]).toEqual({
      createDeveloperMetadata: {
        developerMetadata: {
          metadataKey: 'sheets-sfa.column',
          metadataValue: 'stageEnteredOn',
          location: { dimensionRange: { sheetId: 9, dimension: 'COLUMNS', startIndex: 5, endIndex: 6 } },
          visibility: 'DOCUMENT',
        },
      },
    });
    expect(requests[7]).toEqual({
      createDeveloperMetadata: {
        developerMetadata: {
          metadataKey: 'sheets-sfa.header-row',
          location: { dimensionRange: { sheetId: 9, dimension: 'ROWS', startIndex: 1, endIndex: 2 } },
          visibility: 'DOCUMENT',
        },
      },
    });
  });

  it('writes each contiguous run of new headers in one updateCells', () => {
    const tab = plan({
      columns: { id: 2, flags: 8, flagReasons: 9 },
      newColumns: [
        { key: 'id', column: 2, header: 'ID [SFA]' },
        { key: 'flags', column: 8, header: 'フラグ [SFA]' },
        { key: 'flagReasons', column: 9, header: 'フラグ理由 [SFA]' },
      ],
    });
    const cells = tabStructureRequests(tab, { ...META, columnCount: 26 }).flatMap((r) => (r.updateCells ? [r.updateCells] : []));
    expect(cells.map((c) => [c.start?.columnIndex, c.rows?.[0]?.values?.length])).toEqual([
      [1, 1],
      [7, 2],
    ]);
  });

  it('tags service columns created before tagging existed, once', () => {
    const requests = tabStructureRequests(plan({ columns: { id: 5 } }), META);
    expect(kinds(requests)).toEqual(['createDeveloperMetadata', 'createDeveloperMetadata']);
  });

  it('moves a stale tag: the old one is deleted before the new one is made', () => {
    const meta: TabMeta = {
      ...META,
      columnCount: 26,
      headerRowTags: [{ metadataId: 10, row: 1 }],
      columnTags: [
        { metadataId: 11, key: 'id', column: 3 },
        { metadataId: 12, key: 'id', column: 5 },
      ],
    };
    const requests = tabStructureRequests(plan({ columns: { id: 5 } }), meta);
    expect(requests).toEqual([
      { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId: 11 } } } },
      { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId: 12 } } } },
      expect.objectContaining({ createDeveloperMetadata: expect.objectContaining({}) }),
      { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId: 10 } } } },
      expect.objectContaining({ createDeveloperMetadata: expect.objectContaining({}) }),
    ]);
  });

  it('spans filter views over every column the plan uses', () => {
    const tab = plan({ columns: { id: 5, flags: 12 }, setup: [{ kind: 'filterView', title: '停滞', flagsColumn: 12, containsText: '停滞' }] });
    const view = tabStructureRequests(tab, { ...META, columnCount: 26 }).find((r) => r.addFilterView)?.addFilterView;
    expect(view?.filter?.range).toEqual({ sheetId: 9, startRowIndex: 1, startColumnIndex: 0, endColumnIndex: 12 });
  });
});

describe('planStructureRequests', () => {
  it('refuses a plan naming a tab the spreadsheet lacks', () => {
    const metaOf = (sheet: string): TabMeta => {
      throw new Error(`write plan names a missing tab: ${sheet}`);
    };
    expect(() => planStructureRequests({ spreadsheetId: 's', tabs: [plan({ sheet: '消えた' })] }, metaOf)).toThrow(/消えた/);
  });
});

describe('structureLanded', () => {
  // A first sync's plan: two new columns with a filter view, on a grid too narrow and too short.
  const firstSync = plan({
    columns: { id: 7, flags: 8 },
    newColumns: [
      { key: 'id', column: 7, header: 'ID [SFA]' },
      { key: 'flags', column: 8, header: 'フラグ [SFA]' },
    ],
    writes: [{ row: 1001, column: 7, value: 'd1' }],
    setup: [{ kind: 'filterView', title: '停滞', flagsColumn: 8, containsText: '停滞' }],
  });
  const whole = { spreadsheetId: 's', tabs: [firstSync] };
  const landed: TabMeta = {
    ...META,
    rowCount: 1001,
    columnCount: 8,
    headerRowTags: [{ metadataId: 1, row: 2 }],
    columnTags: [
      { metadataId: 2, key: 'id', column: 7 },
      { metadataId: 3, key: 'flags', column: 8 },
    ],
  };

  it('says no when the sheet is still as it was before the batch', () => {
    expect(structureLanded(whole, () => META)).toBe(false);
  });

  it('says yes when the tags and the grown grid are there', () => {
    expect(structureLanded(whole, () => landed)).toBe(true);
  });

  it.each<[string, TabMeta]>([
    ['a column tag is missing', { ...landed, columnTags: landed.columnTags.slice(0, 1) }],
    ['the header row is untagged', { ...landed, headerRowTags: [] }],
    ['the grid has not grown', { ...landed, rowCount: 1000 }],
  ])('says no when %s', (_, meta) => {
    expect(structureLanded(whole, () => meta)).toBe(false);
  });
});

describe('isCheckable', () => {
  it('is true for a batch that tags or grows the grid, false for one that only adds setup', () => {
    expect(isCheckable(tabStructureRequests(plan({ columns: { id: 5 } }), META))).toBe(true);
    expect(isCheckable([{ appendDimension: { sheetId: 9, dimension: 'ROWS', length: 1 } }])).toBe(true);
    const tagged: TabMeta = { ...META, headerRowTags: [{ metadataId: 1, row: 2 }], columnTags: [{ metadataId: 2, key: 'id', column: 5 }] };
    const setupOnly = tabStructureRequests(plan({ setup: [{ kind: 'protectColumns', columns: [5], description: 'd' }] }), tagged);
    expect(kinds(setupOnly)).toEqual(['addProtectedRange']);
    expect(isCheckable(setupOnly)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { TabMeta } from '../../../../server/sources/google/spreadsheet-meta.ts';
import { dropdownScanRanges, VALIDATION_SCAN_ROWS, validatedColumns, withoutDropdownsOn } from '../../../../server/sources/google/team-validations.ts';
import type { SetupStep, TabPlan, WritePlan } from '../../../../shared/write-plan/write-plan.ts';

// 案件: header in row 3, the stage in column C; メモ holds no dropdown.
const META: Record<string, TabMeta> = {
  案件: { sheetId: 0, title: '案件', rowCount: 5000, columnCount: 11, headerRowTags: [], columnTags: [] },
  "Bob's 訪問": { sheetId: 42, title: "Bob's 訪問", rowCount: 1000, columnCount: 8, headerRowTags: [], columnTags: [] },
};
const metaOf = (sheet: string): TabMeta => {
  const meta = META[sheet];
  if (meta === undefined) throw new Error(`no tab ${sheet}`);
  return meta;
};

const DROPDOWN: SetupStep = { kind: 'dropdown', column: 3, values: ['提案', '見積提出'] };
const HIDE: SetupStep = { kind: 'hideColumn', column: 6 };

const tab = (over: Partial<TabPlan> = {}): TabPlan => ({
  sheet: '案件',
  kind: 'deals',
  headerRow: 3,
  lastRow: 6,
  columns: { id: 6 },
  newColumns: [],
  writes: [],
  setup: [HIDE, DROPDOWN],
  ...over,
});
const plan = (...tabs: TabPlan[]): WritePlan => ({ spreadsheetId: 's', tabs });

describe('dropdownScanRanges', () => {
  it('looks at the first VALIDATION_SCAN_ROWS rows below the header of each dropdown column', () => {
    expect(dropdownScanRanges(plan(tab(), tab({ sheet: "Bob's 訪問", headerRow: 1, setup: [{ ...DROPDOWN, column: 2 }] })), metaOf)).toEqual([
      `'案件'!C4:C${3 + VALIDATION_SCAN_ROWS}`,
      `'Bob''s 訪問'!B2:B${Math.min(1000, 1 + VALIDATION_SCAN_ROWS)}`,
    ]);
  });

  it('stops at the last row of the grid, where a range past it would be refused', () => {
    expect(dropdownScanRanges(plan(tab({ sheet: "Bob's 訪問", headerRow: 990 })), metaOf)).toEqual(["'Bob''s 訪問'!C991:C1000"]);
  });

  it('looks at nothing when no tab sets a dropdown up, or no row lies below the header', () => {
    expect(dropdownScanRanges(plan(tab({ setup: [HIDE] })), metaOf)).toEqual([]);
    expect(dropdownScanRanges(plan(tab({ sheet: "Bob's 訪問", headerRow: 1000 })), metaOf)).toEqual([]);
  });
});

describe('validatedColumns', () => {
  it('names each sheet and column whose fetched cells hold a rule, the zero sheet id and start left out as Google does', () => {
    const found = validatedColumns({
      sheets: [
        { properties: {}, data: [{ startRow: 3, rowData: [{}, { values: [{ dataValidation: { condition: { type: 'ONE_OF_LIST' } } }] }] }] },
        { properties: { sheetId: 42 }, data: [{ startRow: 1, startColumn: 1, rowData: [{ values: [{}] }, {}] }] },
        { properties: { sheetId: 7 }, data: [{ startRow: 1, startColumn: 4, rowData: [{}, {}, { values: [{ dataValidation: { condition: { type: 'BOOLEAN' } } }] }] }] },
      ],
    });
    expect([...found].sort()).toEqual(['0:1', '7:5']);
  });

  it('finds nothing in an answer without cells', () => {
    expect(validatedColumns({ sheets: [{ properties: { sheetId: 3 }, data: [{ startRow: 3, startColumn: 2 }] }] }).size).toBe(0);
    expect(validatedColumns({}).size).toBe(0);
  });
});

describe('withoutDropdownsOn', () => {
  it("drops the dropdown on a column holding the team's own rule and keeps every other step", () => {
    const visits = tab({ sheet: "Bob's 訪問", setup: [DROPDOWN] });
    const kept = withoutDropdownsOn(plan(tab(), visits), new Set(['0:3']), metaOf);
    expect(kept.tabs.map((t) => t.setup)).toEqual([[HIDE], [DROPDOWN]]);
  });

  it('returns the plan as it is when no column holds a rule', () => {
    const given = plan(tab());
    expect(withoutDropdownsOn(given, new Set(), metaOf)).toBe(given);
    expect(withoutDropdownsOn(given, new Set(['0:4', '42:3']), metaOf)).toEqual(given);
  });
});

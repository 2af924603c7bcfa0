// applyPlan on the Apps Script fakes: only the plan's cells are written, strings never become
// formulas, the service's columns get their headers, tags and formatting, and every cell follows
// its row's id when the sheet was sorted or edited between the push and the apply.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WritePlanWire, TabPlanWire } from '../../../shared/write-plan/plan-wire.ts';
import { createAddonSandbox, type AddonSandbox, type FakeSheetInit } from '../../support/apps-script/addon-sandbox.ts';
import type { SheetSnapshot } from '../../support/apps-script/apps-script-records.ts';
import type { AppliedPlan } from '../../../addon/src/sync/apply-plan.ts';
import { buildPlatformBundle } from './platform-bundle.ts';

const SHEET = '案件一覧';
const USER = { email: 'alice@example.co.jp', idToken: 'id-token', oauthToken: 'oauth-token' };

// Title, blank row, headers in row 3, three deals; the team's memo column holds a formula.
function dealsSheet(extra: Partial<FakeSheetInit> = {}): FakeSheetInit {
  return {
    name: SHEET,
    rows: [
      ['2026年度 営業案件管理表'],
      [],
      ['担当者', '案件名', 'ステージ', '金額', 'メモ'],
      ['佐藤', '基幹システム更新', '見積提出', 1200000, '=LEN(B4)'],
      ['田中', '倉庫管理 PoC', '提案', 3000000, '要確認'],
      ['鈴木', '保守契約 更新', 'クロージング', 800000, ''],
    ],
    ...extra,
  };
}

function tab(over: Partial<TabPlanWire>): TabPlanWire {
  return { sheet: SHEET, kind: 'deals', headerRow: 3, lastRow: 6, columns: { id: 6, flags: 7 }, newColumns: [], runs: [], setup: [], ...over };
}

const plan = (...tabs: TabPlanWire[]): WritePlanWire => ({ spreadsheetId: 'sheet-1', tabs });

const FIRST_PLAN = plan(
  tab({
    newColumns: [
      { key: 'id', column: 6, header: 'ID [SFA]' },
      { key: 'flags', column: 7, header: 'フラグ [SFA]' },
    ],
    runs: [
      { column: 6, startRow: 4, values: ['d-1', 'd-2', 'd-3'] },
      { column: 7, startRow: 4, values: ['停滞', null, '=HYPERLINK("http://evil.example")'] },
    ],
    setup: [
      { kind: 'hideColumn', column: 6 },
      { kind: 'highlight', columns: [7, 7], flagsColumn: 7, containsText: '停滞', tone: 'stale' },
      { kind: 'protectColumns', columns: [6, 7], description: 'sheets-sfa が更新する列です' },
      { kind: 'dropdown', column: 3, values: ['提案', '見積提出', 'クロージング'] },
      { kind: 'filterView', title: '停滞', flagsColumn: 7, containsText: '停滞' },
    ],
  }),
);

function sheetOf(sandbox: AddonSandbox, name = SHEET): SheetSnapshot {
  const found = sandbox.snapshot().sheets.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

/** The row a deal title is on now, 1-based. */
function rowOf(sheet: SheetSnapshot, title: string): number {
  return sheet.values.findIndex((r) => r[1] === title) + 1;
}

describe('applyPlan', () => {
  let bundleDir: string;
  let sandbox: AddonSandbox;
  const apply = (p: WritePlanWire, expected: Record<string, Record<number, string>> | null = null) => sandbox.call<AppliedPlan>('applyPlanNow', p, expected);

  beforeAll(async () => {
    bundleDir = await buildPlatformBundle();
  });

  beforeEach(() => {
    sandbox = createAddonSandbox({ bundleDir, spreadsheet: { id: 'sheet-1', name: '営業', timeZone: 'Asia/Tokyo', sheets: [dealsSheet()] }, user: USER, now: new Date('2026-11-20T00:00:00Z') });
  });

  it('writes the service columns and nothing of the team when the columns are created', () => {
    const before = sheetOf(sandbox);
    expect(apply(FIRST_PLAN)).toEqual({ cellsWritten: 8, deferred: 0, skippedSetup: 1 });
    const after = sheetOf(sandbox);
    before.values.forEach((row, r) => row.forEach((value, c) => expect(after.values[r]?.[c], `R${r + 1}C${c + 1}`).toEqual(value)));
    expect(after.formulas).toEqual({ E4: '=LEN(B4)' });
    expect(sandbox.writes().every((w) => w.column >= 6 && !w.formula)).toBe(true);
    expect(after.values[2]?.slice(5)).toEqual(['ID [SFA]', 'フラグ [SFA]']);
    // The team's text arrives as text: a formula-looking flag is not a formula.
    expect(after.values.map((r) => r[6])).toEqual(['', '', 'フラグ [SFA]', '停滞', '', '=HYPERLINK("http://evil.example")']);
  });

  it('tags the columns and the header row, hides the id, highlights, protects with a warning and adds the stage dropdown', () => {
    apply(FIRST_PLAN);
    const after = sheetOf(sandbox);
    const tags = after.metadata.map((m) => ({ key: m.key, value: m.value, location: m.location, index: m.index, visibility: m.visibility }));
    expect(tags).toEqual(
      expect.arrayContaining([
        { key: 'sheets-sfa.column', value: 'id', location: 'COLUMN', index: 6, visibility: 'DOCUMENT' },
        { key: 'sheets-sfa.column', value: 'flags', location: 'COLUMN', index: 7, visibility: 'DOCUMENT' },
        expect.objectContaining({ key: 'sheets-sfa.header-row', location: 'ROW', index: 3, visibility: 'DOCUMENT' }),
      ]),
    );
    expect(tags).toHaveLength(3);
    expect(after.hiddenColumns).toEqual([6]);
    expect(after.conditionalRules).toEqual([expect.objectContaining({ ranges: [`G4:G${after.maxRows}`], values: ['=ISNUMBER(SEARCH("停滞",$G4))'], background: '#f4c7c3' })]);
    expect(after.protections).toEqual([expect.objectContaining({ range: `F3:G${after.maxRows}`, warningOnly: true, description: 'sheets-sfa が更新する列です' })]);
    expect(after.validations.C4).toEqual(expect.objectContaining({ values: ['提案', '見積提出', 'クロージング'], allowInvalid: true }));
    expect(sandbox.call('locate', SHEET)).toEqual({ headerRow: 3, columns: { id: 6, flags: 7 } });
  });

  it('leaves the team\'s own dropdown on the stage column as it is, rather than replacing it with the stage list', () => {
    const own = ['提案', '見積提出', 'クロージング', '受注', '失注'];
    sandbox = createAddonSandbox({ bundleDir, spreadsheet: { id: 'sheet-1', name: '営業', timeZone: 'Asia/Tokyo', sheets: [dealsSheet({ dropdowns: { 'C4:C1000': own } })] }, user: USER });
    expect(apply(FIRST_PLAN).skippedSetup).toBe(2);
    const after = sheetOf(sandbox);
    expect(after.validations.C4).toEqual(expect.objectContaining({ values: own, allowInvalid: false }));
    expect(after.validations.C1000).toEqual(expect.objectContaining({ values: own, allowInvalid: false }));
  });

  it('keeps one tag per column when the plan is applied again', () => {
    apply(FIRST_PLAN);
    apply(plan(tab({ runs: [{ column: 7, startRow: 5, values: ['期限切れ'] }] })));
    expect(sheetOf(sandbox).metadata).toHaveLength(3);
  });

  it('grows the sheet when the new columns lie beyond its last column', () => {
    sandbox = createAddonSandbox({ bundleDir, spreadsheet: { id: 'sheet-1', name: '営業', timeZone: 'Asia/Tokyo', sheets: [dealsSheet({ maxColumns: 5 })] }, user: USER });
    expect(apply(FIRST_PLAN).cellsWritten).toBe(8);
    expect(sheetOf(sandbox).maxColumns).toBe(7);
  });

  it('writes each row\'s cells where its id is now when the rows were sorted after the push', () => {
    apply(FIRST_PLAN);
    // The push saw d-1, d-2, d-3 in rows 4, 5, 6; then the team sorts by title, descending.
    sandbox.sortRows(SHEET, 4, 2, false);
    const sorted = sheetOf(sandbox);
    expect([4, 5, 6].map((r) => sorted.values[r - 1]?.[5])).not.toEqual(['d-1', 'd-2', 'd-3']);
    const result = apply(plan(tab({ runs: [{ column: 7, startRow: 4, values: ['for d-1', 'for d-2', 'for d-3'] }] })), { [SHEET]: { 4: 'd-1', 5: 'd-2', 6: 'd-3' } });
    expect(result).toEqual({ cellsWritten: 3, deferred: 0, skippedSetup: 0 });
    const after = sheetOf(sandbox);
    for (const row of after.values.slice(3)) expect(row[6]).toBe(`for ${String(row[5])}`);
  });

  it('defers the cells of a row that was deleted, and of a new row that another row took the place of', () => {
    apply(FIRST_PLAN);
    // The push saw a new row 7 without an id; the service gives it d-4.
    sandbox.editCells(SHEET, 7, 1, [['山田', '新規案件', 'リード']]);
    sandbox.deleteRows(SHEET, 5, 1);
    sandbox.sortRows(SHEET, 4, 2, true);
    const result = apply(
      plan(
        tab({
          runs: [
            { column: 6, startRow: 7, values: ['d-4'] },
            { column: 7, startRow: 4, values: ['for d-1', 'for d-2', 'for d-3', 'for new'] },
          ],
        }),
      ),
      { [SHEET]: { 4: 'd-1', 5: 'd-2', 6: 'd-3' } },
    );
    const after = sheetOf(sandbox);
    // d-2's row is gone; row 7 is empty now but the new row moved up, so only what can be placed is written.
    expect(after.values.flat()).not.toContain('for d-2');
    expect(after.values[rowOf(after, '基幹システム更新') - 1]?.[6]).toBe('for d-1');
    expect(after.values[rowOf(after, '保守契約 更新') - 1]?.[6]).toBe('for d-3');
    expect(result.deferred).toBeGreaterThanOrEqual(1);
    expect(result.cellsWritten + result.deferred).toBe(5);
  });

  it('appends rows below the last row, skipping ids the tab shows, writing only their cells and dating date cells', () => {
    apply(FIRST_PLAN);
    sandbox.clearRecords();
    const appends = [
      { id: 'd-2', cells: [{ column: 2, value: 'dup' }, { column: 6, value: 'd-2' }] },
      {
        id: 'v-1',
        cells: [
          { column: 1, value: 46346, format: 'date' as const },
          { column: 2, value: '=IMPORTRANGE("x")' },
          { column: 6, value: 'v-1' },
        ],
      },
    ];
    expect(apply(plan(tab({ appends })))).toEqual({ cellsWritten: 3, deferred: 0, skippedSetup: 0 });
    const after = sheetOf(sandbox);
    expect(after.values[6]?.slice(0, 6)).toEqual([{ date: '2026-11-19T15:00:00.000Z' }, '=IMPORTRANGE("x")', '', '', '', 'v-1']);
    expect(after.numberFormats.A7).toBe('yyyy/mm/dd');
    expect(after.formulas.B7).toBeUndefined();
    expect(sandbox.writes().map((w) => `R${w.row}C${w.column}`).sort()).toEqual(['R7C1', 'R7C2', 'R7C6']);
  });

  it('adds rows when the appended rows lie past the last row of the grid', () => {
    sandbox = createAddonSandbox({ bundleDir, spreadsheet: { id: 'sheet-1', name: '営業', timeZone: 'Asia/Tokyo', sheets: [dealsSheet({ maxRows: 6 })] }, user: USER });
    const appends = [1, 2].map((n) => ({ id: `v-${n}`, cells: [{ column: 2, value: `visit ${n}` }, { column: 6, value: `v-${n}` }] }));
    expect(apply(plan(tab({ columns: { id: 6 }, newColumns: [{ key: 'id', column: 6, header: 'ID [SFA]' }], appends }))).cellsWritten).toBe(5);
    const after = sheetOf(sandbox);
    expect(after.maxRows).toBe(8);
    expect(after.values.slice(6).map((r) => r[1])).toEqual(['visit 1', 'visit 2']);
  });

  it('writes strings exactly, with no apostrophe, into cells the team formatted as plain text', () => {
    // Teams often format the whole sheet as plain text so that 1-2 never turns into a date.
    sandbox = createAddonSandbox({ bundleDir, spreadsheet: { id: 'sheet-1', name: '営業', timeZone: 'Asia/Tokyo', sheets: [dealsSheet({ numberFormats: { 'A1:Z1000': '@' } })] }, user: USER });
    apply(FIRST_PLAN);
    const appends = [{ id: 'v-1', cells: [{ column: 2, value: '=IMPORTRANGE("x")' }, { column: 5, value: '2026/11/20' }, { column: 6, value: 'v-1' }] }];
    apply(plan(tab({ runs: [{ column: 7, startRow: 5, values: ['期限切れ'] }], appends })));
    const after = sheetOf(sandbox);
    expect(after.values[2]?.slice(5)).toEqual(['ID [SFA]', 'フラグ [SFA]']);
    expect(after.values.slice(3, 6).map((r) => r[5])).toEqual(['d-1', 'd-2', 'd-3']);
    expect(after.values.slice(3).map((r) => r[6])).toEqual(['停滞', '期限切れ', '=HYPERLINK("http://evil.example")', '']);
    expect(after.values[6]?.slice(1, 6)).toEqual(['=IMPORTRANGE("x")', '', '', '2026/11/20', 'v-1']);
    expect(after.formulas).toEqual({ E4: '=LEN(B4)' });
    // The locator finds the columns by their header text as well as by their tags.
    expect(sandbox.call('locate', SHEET)).toEqual({ headerRow: 3, columns: { id: 6, flags: 7 } });
  });

  it('defers everything of a tab that no longer exists', () => {
    expect(apply(plan({ ...FIRST_PLAN.tabs[0]!, sheet: '削除済み' }))).toEqual({ cellsWritten: 0, deferred: 8, skippedSetup: 0 });
  });
});

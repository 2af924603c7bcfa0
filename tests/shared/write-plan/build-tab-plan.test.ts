import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { resolveMapping } from '../../../shared/mapping/resolve-mapping.ts';
import type { SheetGrid } from '../../../shared/mapping/sheet-grid.ts';
import { buildTabPlan, sameCellValue } from '../../../shared/write-plan/build-tab-plan.ts';

const sheet = (rows: CellValue[][]): SheetGrid => ({ name: '案件', rows });

function plan(grid: SheetGrid, values: Record<string, CellValue>[], blankRows: number[] = []) {
  const tab = resolveMapping([grid], null).tabs[0];
  if (tab === undefined) throw new Error('no tab');
  return buildTabPlan({
    tab,
    grid,
    locale: 'ja',
    rows: values.map((v, i) => ({ sheetRow: tab.headerRow + 1 + i, values: v as Record<string, string | number | null> })),
    blankRows,
    setup: () => [{ kind: 'hideColumn', column: 99 }],
  });
}

describe('buildTabPlan', () => {
  it('creates the service columns after the team’s last column, once, with one-time setup', () => {
    const grid = sheet([['顧客名', '案件名', 'ステージ', '備考'], ['A社', 'X', '提案', 'メモ']]);
    const p = plan(grid, [{ id: 'd1', daysInStage: 3 }]);
    expect(p.newColumns.map((c) => [c.key, c.column])).toEqual([
      ['id', 5],
      ['stageEnteredOn', 6],
      ['daysInStage', 7],
      ['ballDays', 8],
      ['flags', 9],
      ['flagReasons', 10],
    ]);
    expect(p.newColumns[2]?.header).toBe('滞留日数 [SFA]');
    expect(p.writes).toEqual([
      { row: 2, column: 5, value: 'd1' },
      { row: 2, column: 7, value: 3 },
    ]);
    expect(p.setup).toHaveLength(1);
  });

  it.each([
    ['data beyond the last header', [['顧客名', '案件名', 'ステージ'], ['A社', 'X', '提案', null, 'メモ']], 6],
    ['a merged header’s span (read as empty text)', [['顧客名', '案件名', 'ステージ', '備考', '', ''], ['A社', 'X', '提案']], 7],
    ['a note far to the right of a title row', [['2026年度 案件', null, null, null, null, null, null, '更新: 11/20'], ['顧客名', '案件名', 'ステージ'], ['A社', 'X', '提案']], 9],
  ] as const)('places new service columns after %s', (_label, rows, firstNew) => {
    const p = plan(sheet(rows.map((r) => [...r])), [{ id: 'd1' }]);
    expect(p.newColumns[0]?.column).toBe(firstNew);
  });

  it('writes only cells whose value differs, and no setup when the columns exist', () => {
    const grid = sheet([
      ['顧客名', '案件名', 'ステージ', 'ID [SFA]', 'ステージ開始日 [SFA]', '滞留日数 [SFA]', 'ボール滞留日数 [SFA]', 'フラグ [SFA]', 'フラグ理由 [SFA]'],
      ['A社', 'X', '提案', 'd1', null, 3, null, null, null],
    ]);
    expect(plan(grid, [{ id: 'd1', daysInStage: 3 }])).toMatchObject({ newColumns: [], writes: [], setup: [] });
    expect(plan(grid, [{ id: 'd1', daysInStage: 4 }]).writes).toEqual([{ row: 2, column: 6, value: 4 }]);
  });

  it('clears service cells left on rows the team emptied, and nothing else', () => {
    const grid = sheet([
      ['顧客名', '案件名', 'ステージ', 'ID [SFA]', 'ステージ開始日 [SFA]', '滞留日数 [SFA]', 'ボール滞留日数 [SFA]', 'フラグ [SFA]', 'フラグ理由 [SFA]'],
      [null, null, null, 'gone', null, 9, null, '停滞', null],
    ]);
    expect(plan(grid, [], [2]).writes).toEqual([
      { row: 2, column: 4, value: null },
      { row: 2, column: 6, value: null },
      { row: 2, column: 8, value: null },
    ]);
  });
});

describe('sameCellValue', () => {
  it.each([
    [null, null, true],
    ['', null, true],
    [3, 3, true],
    [3, 4, false],
    ['3', 3, true],
    ['停滞', '停滞', true],
    ['停滞', null, false],
    [null, 0, false],
  ] as const)('%j vs %j → %s', (current, wanted, expected) => {
    expect(sameCellValue(current, wanted)).toBe(expected);
  });
});

describe('buildTabPlan appends', () => {
  const grid = sheet([['顧客名', '案件名', 'ステージ', 'ID [SFA]'], ['A社', 'X', '提案', 'd1']]);
  const tab = resolveMapping([grid], null).tabs[0];

  it('adds the id cell where the id column sits, left to right, and drops empty team cells', () => {
    if (tab === undefined) throw new Error('no tab');
    const p = buildTabPlan({
      tab,
      grid,
      locale: 'ja',
      rows: [{ sheetRow: 2, values: { id: 'd1' } }],
      blankRows: [],
      appends: [{ id: 'new-1', cells: [{ column: 2, value: 'Y' }, { column: 1, value: 'B社' }, { column: 3, value: null }] }],
      setup: () => [],
    });
    expect(p.writes).toEqual([]);
    expect(p.appends).toEqual([{ id: 'new-1', cells: [{ column: 1, value: 'B社' }, { column: 2, value: 'Y' }, { column: 4, value: 'new-1' }] }]);
  });

  it('puts the id into a service column created by the same plan', () => {
    const bare = sheet([['顧客名', '案件名', 'ステージ']]);
    const t = resolveMapping([bare], null).tabs[0];
    if (t === undefined) throw new Error('no tab');
    const p = buildTabPlan({ tab: t, grid: bare, locale: 'ja', rows: [], blankRows: [], appends: [{ id: 'n', cells: [{ column: 1, value: 'C社' }] }], setup: () => [] });
    const idColumn = p.columns.id;
    expect(idColumn).toBe(4);
    expect(p.appends?.[0]?.cells).toEqual([{ column: 1, value: 'C社' }, { column: 4, value: 'n' }]);
  });

  it('plans no appends when none are given', () => {
    expect(plan(grid, [{ id: 'd1' }]).appends).toEqual([]);
  });
});

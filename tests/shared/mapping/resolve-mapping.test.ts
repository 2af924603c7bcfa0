import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { findHeaderRow, HEADER_SCAN_ROWS, mappingSpecOf, resolveMapping } from '../../../shared/mapping/resolve-mapping.ts';
import type { SheetGrid } from '../../../shared/mapping/sheet-grid.ts';

const grid = (name: string, rows: CellValue[][]): SheetGrid => ({ name, rows });

const japaneseDeals = grid('案件管理', [
  ['2026年度 営業案件管理表', null, null],
  ['※ステージ変更時は日付も更新', null],
  [],
  ['No.', '担当者', '見積金額（税抜）', 'ステージ', '顧客名', '案件名', '次回予定日', '次回アクション', 'ボール', '備考'],
  [1, '佐藤', 1200000, '提案', '株式会社A', '更新案件', 46000, '訪問', '自社', ''],
]);

const englishDeals = grid('Pipeline', [
  ['Opportunity', 'Status', 'Amount', 'Sales agent', 'Customer', 'Close date', 'Notes'],
  ['Renewal', 'Won', 5000, 'Kim', 'Acme', 46100, 'x'],
]);

describe('findHeaderRow', () => {
  it.each([
    ['below a title, a note and a blank row', japaneseDeals, 4],
    ['on row 1', englishDeals, 1],
    ['never, when no row looks like a header', grid('メモ', [['会議メモ'], ['来週までに見積']]), null],
  ])('finds it %s', (_label, sheet, expected) => {
    expect(findHeaderRow(sheet)).toBe(expected);
  });

  it('looks as far down as HEADER_SCAN_ROWS, the rows the add-on reads, and no further', () => {
    const below = (blankRows: number): SheetGrid => ({ name: '案件', rows: [...Array.from({ length: blankRows }, () => []), ...englishDeals.rows] });
    expect(findHeaderRow(below(HEADER_SCAN_ROWS - 1))).toBe(HEADER_SCAN_ROWS);
    expect(findHeaderRow(below(HEADER_SCAN_ROWS))).toBeNull();
  });
});

describe('resolveMapping', () => {
  it('maps Japanese headers in the team’s own order, ignoring unknown columns', () => {
    const { tabs, problems } = resolveMapping([japaneseDeals], null);
    expect(problems).toEqual([]);
    const deals = tabs.find((t) => t.kind === 'deals');
    expect(deals?.headerRow).toBe(4);
    expect(deals?.fields).toEqual({
      owner: 2,
      amount: 3,
      stage: 4,
      account: 5,
      title: 6,
      nextActionOn: 7,
      nextAction: 8,
      ball: 9,
    });
    expect(deals?.locale).toBe('ja');
  });

  it('maps English headers and detects the header language', () => {
    const deals = resolveMapping([englishDeals], null).tabs.find((t) => t.kind === 'deals');
    expect(deals?.fields).toEqual({ title: 1, stage: 2, amount: 3, owner: 4, account: 5, expectedCloseOn: 6 });
    expect(deals?.locale).toBe('en');
  });

  it('tells deals, visits and requests apart by their headers when tabs have neutral names', () => {
    const visits = grid('Sheet2', [['訪問日', '顧客名', '案件名', '面談者', '商談内容', 'ボール']]);
    const requests = grid('Sheet3', [['申請日', '申請種別', '顧客名', '背景', '依頼内容', '代替案']]);
    const memo = grid('メモ', [['自由記述']]);
    const { tabs } = resolveMapping([memo, requests, visits, { ...japaneseDeals, name: 'Sheet1' }], null);
    expect(tabs.map((t) => [t.kind, t.sheet])).toEqual([
      ['deals', 'Sheet1'],
      ['visits', 'Sheet2'],
      ['requests', 'Sheet3'],
    ]);
  });

  it('recognises the service’s own columns and never maps them to fields', () => {
    const withService = grid('案件', [['顧客名', '案件名', 'ステージ', 'ID [SFA]', '滞留日数 [SFA]', 'Flags [SFA]']]);
    const deals = resolveMapping([withService], null).tabs[0];
    expect(deals?.serviceColumns).toEqual({ id: 4, daysInStage: 5, flags: 6 });
    expect(Object.values(deals?.fields ?? {})).not.toContain(4);
  });

  it('uses an explicit mapping by header text or column letter and detects the rest', () => {
    const sheet = grid('台帳', [['会社', 'テーマ', '段階', '担当者']]);
    const { tabs, problems } = resolveMapping([sheet], {
      tabs: { deals: { sheet: '台帳', columns: { account: '会社', title: 'B', stage: '段階' } } },
    });
    expect(problems).toEqual([]);
    expect(tabs[0]?.fields).toEqual({ account: 1, title: 2, stage: 3, owner: 4 });
  });

  it.each([
    ['a missing sheet', { tabs: { deals: { sheet: 'ない' } } }, 'mapping.sheetMissing'],
    ['a missing column', { tabs: { deals: { sheet: '案件管理', columns: { account: '取引先コード', title: '案件名', stage: 'ステージ' } } } }, 'mapping.columnMissing'],
    ['an unknown field', { tabs: { deals: { sheet: '案件管理', columns: { colour: 'A' } } } }, 'mapping.unknownField'],
  ])('reports %s in an explicit mapping', (_label, spec, code) => {
    const { problems } = resolveMapping([japaneseDeals], spec);
    expect(problems.map((p) => p.code)).toContain(code);
  });

  it('round-trips through the stored spec by header text, so moved columns still resolve', () => {
    const first = resolveMapping([japaneseDeals], null);
    const spec = mappingSpecOf(first.tabs);
    const moved = grid('案件管理', japaneseDeals.rows.map((row) => [...row].reverse()));
    const again = resolveMapping([moved], spec).tabs.find((t) => t.kind === 'deals');
    expect(again?.fields.account).toBe(10 - 5 + 1);
    expect(again?.fields.stage).toBe(10 - 4 + 1);
  });
});

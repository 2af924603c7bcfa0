import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { resolveMapping } from '../../../shared/mapping/resolve-mapping.ts';
import type { SheetGrid } from '../../../shared/mapping/sheet-grid.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings/sync-settings.ts';
import { effectiveSettings, headerCells, stageLabelProposals, stageThresholds, tabProposals } from '../../../addon/src/setup/setup-proposal.ts';

const japaneseDeals: SheetGrid = {
  name: '2026年度 案件管理',
  rows: [
    ['営業案件一覧(第3四半期)'],
    [],
    // Odd order, extra columns the service knows nothing of, a unit in brackets.
    ['No.', '備考', '担当者', 'ステージ', '見積金額(税抜)', '取引先', '案件名', '社内メモ', '次回アクション', '次回予定日'],
    [1, '', '佐藤', '見積提出', 1200000, '株式会社サンプル', '基幹システム更新', '', '電話', 46346],
  ],
};

const englishDeals: SheetGrid = {
  name: 'Pipeline',
  rows: [
    ['Close date', 'Notes', 'Opportunity', 'Rep', 'Amount', 'Customer', 'Status', 'Region'],
    [46400, '', 'ERP renewal', 'Kim', 5000, 'Acme', 'Proposal', 'West'],
  ],
};

const visits: SheetGrid = {
  name: '活動記録',
  rows: [['訪問日', '顧客名', '案件名', '面談者', '商談内容', 'お客様の要望']],
};

const field = (proposal: ReturnType<typeof tabProposals>[number], name: string) => proposal.fields.find((f) => f.field === name);

describe('tabProposals', () => {
  it('proposes each field its column on a Japanese sheet whose columns are in an odd order with extra columns', () => {
    const [deals, visitsTab, requests] = tabProposals(resolveMapping([japaneseDeals, visits], null), 'ja');
    expect(deals).toMatchObject({ kind: 'deals', sheet: '2026年度 案件管理', headerRow: 3 });
    expect(field(deals!, 'title')).toEqual({ field: 'title', label: '案件名', required: false, column: 7 });
    expect(field(deals!, 'account')?.column).toBe(6);
    expect(field(deals!, 'stage')).toEqual({ field: 'stage', label: 'ステージ', required: true, column: 4 });
    expect(field(deals!, 'owner')?.column).toBe(3);
    expect(field(deals!, 'amount')?.column).toBe(5);
    expect(field(deals!, 'nextAction')?.column).toBe(9);
    expect(field(deals!, 'nextActionOn')?.column).toBe(10);
    expect(field(deals!, 'quoteSentOn')?.column).toBeNull();
    expect(deals!.headers.map((h) => `${h.letter}:${h.text}`)).toEqual([
      'A:No.', 'B:備考', 'C:担当者', 'D:ステージ', 'E:見積金額(税抜)', 'F:取引先', 'G:案件名', 'H:社内メモ', 'I:次回アクション', 'J:次回予定日',
    ]);
    expect(visitsTab).toMatchObject({ kind: 'visits', sheet: '活動記録', headerRow: 1 });
    expect(field(visitsTab!, 'visitedOn')).toMatchObject({ column: 1, required: true });
    expect(requests).toMatchObject({ kind: 'requests', sheet: null, headerRow: null, headers: [] });
    expect(requests!.fields.every((f) => f.column === null)).toBe(true);
  });

  it('proposes on an English sheet with English labels when the user reads English', () => {
    const [deals] = tabProposals(resolveMapping([englishDeals], null), 'en');
    expect(deals).toMatchObject({ sheet: 'Pipeline', headerRow: 1 });
    expect(field(deals!, 'title')).toEqual({ field: 'title', label: 'Deal', required: false, column: 3 });
    expect(field(deals!, 'stage')).toMatchObject({ label: 'Stage', column: 7 });
    expect(field(deals!, 'account')?.column).toBe(6);
    expect(field(deals!, 'owner')?.column).toBe(4);
    expect(field(deals!, 'expectedCloseOn')?.column).toBe(1);
    expect(field(deals!, 'amount')?.column).toBe(5);
  });

  it('keeps the stored choice when a mapping names a column the detection would not pick', () => {
    const resolved = resolveMapping([japaneseDeals], { tabs: { deals: { sheet: '2026年度 案件管理', headerRow: 3, columns: { title: '社内メモ' } } } });
    const [deals] = tabProposals(resolved, 'ja');
    expect(field(deals!, 'title')?.column).toBe(8);
  });
});

describe('headerCells', () => {
  it('leaves out empty cells and the service columns when the header row has both', () => {
    const row: CellValue[] = ['案件名', null, 'ステージ', 'フラグ [SFA]', 'ID [SFA]', 'Flags [SFA]'];
    expect(headerCells(row)).toEqual([
      { column: 1, letter: 'A', text: '案件名' },
      { column: 3, letter: 'C', text: 'ステージ' },
    ]);
  });
});

describe('stageLabelProposals', () => {
  it('lists each distinct label with its count and the stage it reads as, commonest first, when labels repeat', () => {
    const cells: CellValue[] = ['見積提出', '3.見積', '見積提出', '商談中', '保留', null, '', '-', '受注', '保留', '保留'];
    expect(stageLabelProposals(cells, DEFAULT_SETTINGS)).toEqual([
      { label: '保留', count: 3, stage: null },
      { label: '見積提出', count: 2, stage: 'quote' },
      { label: '3.見積', count: 1, stage: 'quote' },
      { label: '受注', count: 1, stage: 'won' },
      { label: '商談中', count: 1, stage: 'proposal' },
    ]);
  });

  it('reads a label through the stored labels when set-up mapped it before', () => {
    const settings = effectiveSettings(null, { 保留: 'nurturing' });
    expect(stageLabelProposals(['保留'], settings)).toEqual([{ label: '保留', count: 1, stage: 'nurturing' }]);
  });
});

describe('stageThresholds', () => {
  it('gives the defaults merged with stored thresholds when some were changed', () => {
    const settings = effectiveSettings({ stages: { quote: { staleAfterDays: 10 } } }, null);
    const stages = stageThresholds(settings, 'ja');
    expect(stages.find((s) => s.code === 'quote')).toEqual({ code: 'quote', label: '見積提出', staleAfterDays: 10 });
    expect(stages.find((s) => s.code === 'lead')).toEqual({ code: 'lead', label: 'リード', staleAfterDays: 14 });
    expect(stages.find((s) => s.code === 'won')?.staleAfterDays).toBeNull();
  });

  it('labels the default stages in English when the user reads English', () => {
    expect(stageThresholds(DEFAULT_SETTINGS, 'en').find((s) => s.code === 'quote')?.label).toBe('Quote');
  });
});

import { describe, expect, it } from 'vitest';
import { checkSetupChoice, setupMappingOf, type TabHead } from '../../../addon/src/setup/setup-choice.ts';
import type { SetupChoice } from '../../../addon/src/rpc/sidebar-rpc.ts';

const SHEETS: Record<string, { rows: string[][] }> = {
  案件一覧: { rows: [['営業案件一覧'], [], ['担当者', 'ステージ', '取引先', '案件名', '備考', '備考', 'フラグ [SFA]', ''], ['佐藤', '見積提出', 'A社', 'X']] },
  訪問: { rows: [['訪問日', '顧客名', '内容']] },
};

function head(sheet: string, row: number): TabHead | null {
  const found = SHEETS[sheet];
  if (found === undefined) return null;
  return { headers: found.rows[row - 1] ?? [], lastRow: found.rows.length };
}

const deals = (columns: Record<string, number>, extra: Partial<SetupChoice['tabs'][number]> = {}) => ({ kind: 'deals' as const, sheet: '案件一覧', headerRow: 3, columns, ...extra });

function choice(tabs: SetupChoice['tabs'], more: Partial<SetupChoice> = {}): SetupChoice {
  return { tabs, stageLabels: {}, staleAfterDays: {}, createMissingTabs: false, ...more };
}

describe('checkSetupChoice', () => {
  it('stores columns by header text when the choice is complete', () => {
    const checked = checkSetupChoice(choice([deals({ owner: 1, stage: 2, account: 3, title: 4 }), { kind: 'visits', sheet: '訪問', headerRow: 1, columns: { visitedOn: 1, account: 2, discussed: 3 } }]), head, 'ja');
    expect(checked.problems).toEqual({});
    expect(checked.tabs).toEqual({
      deals: { sheet: '案件一覧', headerRow: 3, columns: { owner: '担当者', stage: 'ステージ', account: '取引先', title: '案件名' } },
      visits: { sheet: '訪問', headerRow: 1, columns: { visitedOn: '訪問日', account: '顧客名', discussed: '内容' } },
    });
  });

  it.each([
    ['no deals tab is chosen', choice([]), 'tabs.deals', '案件の一覧があるシートを選んでください。'],
    ['the tab does not exist', choice([{ ...deals({ stage: 2, title: 4 }), sheet: '台帳' }]), 'tabs.deals.sheet', 'シート「台帳」が見つかりません。'],
    ['the header row is past the last row', choice([deals({ stage: 2, title: 4 }, { headerRow: 9 })]), 'tabs.deals.headerRow', '見出し行は 1〜4 行目から選んでください。'],
    ['a column is used twice', choice([deals({ stage: 2, title: 4, account: 4 })]), 'tabs.deals.columns.account', 'D列は「案件名」にも使われています。'],
    ['a column has no header', choice([deals({ stage: 2, title: 4, owner: 8 })]), 'tabs.deals.columns.owner', 'H列には見出しがありません。見出しのある列を選んでください。'],
    ['a column is outside the header row', choice([deals({ stage: 2, title: 4, owner: 30 })]), 'tabs.deals.columns.owner', 'AD列は見出し行の外です。'],
    ['a column is the service\'s own', choice([deals({ stage: 2, title: 7 })]), 'tabs.deals.columns.title', 'G列はアドオンの列([SFA])です。'],
    ['the header text repeats, so it could not be found again', choice([deals({ stage: 2, title: 4, nextAction: 6 })]), 'tabs.deals.columns.nextAction', '見出し「備考」の列が複数あります(E, F列)。見出しを区別できる列を選んでください。'],
    ['a field is not one of the kind', choice([deals({ stage: 2, title: 4, visitedOn: 1 })]), 'tabs.deals.columns.visitedOn', '「visitedOn」はこのシートの項目ではありません。'],
    ['the required fields are missing', choice([deals({ owner: 1, title: 4 })]), 'tabs.deals.columns', '必須の項目を選んでください: 案件名・ステージ または 顧客名・ステージ'],
    ['two kinds share one tab', choice([deals({ stage: 2, title: 4 }), { kind: 'visits', sheet: '案件一覧', headerRow: 3, columns: {} }]), 'tabs.visits.sheet', 'このシートは「deals」にも選ばれています。'],
    ['a stage label names no stage', choice([deals({ stage: 2, title: 4 })], { stageLabels: { 保留: 'someday' as never } }), 'stageLabels.保留', '「保留」の対応するステージを選んでください。'],
    ['a threshold is zero', choice([deals({ stage: 2, title: 4 })], { staleAfterDays: { quote: 0 } }), 'staleAfterDays.quote', '日数は 1 以上の整数で入力してください(終了ステージは空欄)。'],
    ['a threshold is fractional', choice([deals({ stage: 2, title: 4 })], { staleAfterDays: { lead: 2.5 } }), 'staleAfterDays.lead', '日数は 1 以上の整数で入力してください(終了ステージは空欄)。'],
  ])('refuses with a field error when %s', (_why, given, field, message) => {
    const checked = checkSetupChoice(given, head, 'ja');
    expect(checked.problems[field]).toBe(message);
  });

  it('speaks English when the user reads English', () => {
    const checked = checkSetupChoice(choice([deals({ owner: 1, title: 4 })]), head, 'en');
    expect(checked.problems['tabs.deals.columns']).toBe('Choose the required fields: Deal, Stage or Account, Stage');
  });

  it('keeps stage labels and thresholds when they are valid, null for a final stage', () => {
    const checked = checkSetupChoice(choice([deals({ stage: 2, title: 4 })], { stageLabels: { 保留: 'nurturing', 内示: 'closing' }, staleAfterDays: { quote: 10, won: null } }), head, 'ja');
    expect(checked.problems).toEqual({});
    expect(checked.stageLabels).toEqual({ 保留: 'nurturing', 内示: 'closing' });
    expect(checked.stages).toEqual({ quote: { staleAfterDays: 10 }, won: { staleAfterDays: null } });
  });
});

describe('setupMappingOf', () => {
  it('lays the thresholds over the stored settings and adds the tabs set-up created', () => {
    const checked = checkSetupChoice(choice([deals({ stage: 2, title: 4 })], { stageLabels: { 保留: 'nurturing' }, staleAfterDays: { quote: 10 } }), head, 'ja');
    const created = { requests: { sheet: '特別対応申請', headerRow: 1, columns: { background: '背景' } } };
    const mapping = setupMappingOf(checked, created, { ballFollowUpDays: 5, stages: { quote: { label: '見積' }, lead: { staleAfterDays: 7 } } });
    expect(mapping.tabs).toEqual({ deals: { sheet: '案件一覧', headerRow: 3, columns: { stage: 'ステージ', title: '案件名' } }, ...created });
    expect(mapping.stageLabels).toEqual({ 保留: 'nurturing' });
    expect(mapping.settings).toEqual({
      ballFollowUpDays: 5,
      stageLabels: {},
      stages: { quote: { label: '見積', staleAfterDays: 10 }, lead: { staleAfterDays: 7 } },
    });
  });
});

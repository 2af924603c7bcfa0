import { describe, expect, it } from 'vitest';
import type { SetupProposal } from '../../../../addon/src/rpc/sidebar-rpc.ts';
import { setupChoiceOf, setupDraftOf, type SetupDraft } from '../../../../addon/sidebar/model/setup.model.ts';

const proposal: SetupProposal = {
  sheets: ['案件一覧', 'メモ'],
  tabs: [
    {
      kind: 'deals',
      sheet: '案件一覧',
      headerRow: 2,
      headers: [
        { column: 2, letter: 'B', text: '顧客名' },
        { column: 3, letter: 'C', text: '案件名' },
        { column: 4, letter: 'D', text: 'フェーズ' },
        { column: 5, letter: 'E', text: '担当' },
      ],
      fields: [
        { field: 'account', label: '顧客', required: true, column: 2 },
        { field: 'title', label: '案件名', required: true, column: 3 },
        { field: 'stage', label: 'ステージ', required: true, column: 4 },
        { field: 'owner', label: '担当', required: false, column: null },
      ],
    },
    { kind: 'visits', sheet: null, headerRow: null, headers: [], fields: [] },
    { kind: 'requests', sheet: null, headerRow: null, headers: [], fields: [] },
  ],
  stageLabels: [
    { label: '見積中', count: 12, stage: 'quote' },
    { label: '様子見', count: 3, stage: null },
  ],
  stages: [
    { code: 'lead', label: 'リード', staleAfterDays: 14 },
    { code: 'quote', label: '見積提出', staleAfterDays: 14 },
    { code: 'won', label: '受注', staleAfterDays: null },
    { code: 'expansion', label: 'アップセル', staleAfterDays: null },
  ],
};

const draft = setupDraftOf(proposal);
const fixed: SetupDraft = { ...draft, stageLabels: { ...draft.stageLabels, 様子見: 'nurturing' } };

describe('setupDraftOf', () => {
  it('starts from the proposal, offering to create the tabs that were not found', () => {
    expect(draft).toEqual({
      columns: { deals: { account: 2, title: 3, stage: 4, owner: null } },
      stageLabels: { 見積中: 'quote', 様子見: '' },
      staleAfterDays: { lead: '14', quote: '14', expansion: '' },
      createMissingTabs: true,
    });
  });
});

describe('setupChoiceOf', () => {
  it('stores the chosen columns of found tabs, the stage names and the thresholds', () => {
    const result = setupChoiceOf(proposal, { ...fixed, staleAfterDays: { lead: '', quote: '１０', expansion: '60' } }, 'ja');
    expect(result).toEqual({
      ok: true,
      choice: {
        tabs: [{ kind: 'deals', sheet: '案件一覧', headerRow: 2, columns: { account: 2, title: 3, stage: 4 } }],
        stageLabels: { 見積中: 'quote', 様子見: 'nurturing' },
        staleAfterDays: { lead: null, quote: 10, expansion: 60 },
        createMissingTabs: true,
      },
    });
  });

  it('asks for the column of a required field and for the meaning of each stage name', () => {
    const result = setupChoiceOf(proposal, { ...draft, columns: { deals: { account: 2, title: null, stage: 4, owner: 5 } } }, 'ja');
    expect(result).toEqual({
      ok: false,
      errors: { 'tabs.deals.columns.title': 'この項目の列を選んでください', 'stageLabels.様子見': '標準のステージを選んでください' },
    });
  });

  it('refuses one column for two fields of a tab', () => {
    const result = setupChoiceOf(proposal, { ...fixed, columns: { deals: { account: 2, title: 3, stage: 4, owner: 2 } } }, 'en');
    expect(result).toEqual({ ok: false, errors: { 'tabs.deals.columns.owner': 'Same column as “顧客”' } });
  });

  it.each(['0', '1.5', 'abc', '3651'])('refuses the threshold %j', (days) => {
    const result = setupChoiceOf(proposal, { ...fixed, staleAfterDays: { ...fixed.staleAfterDays, quote: days } }, 'ja');
    expect(result).toEqual({ ok: false, errors: { 'staleAfterDays.quote': '1〜3650の整数で入力してください(空欄で判定なし)' } });
  });

  it('cannot be saved without a deals tab', () => {
    const noDeals: SetupProposal = { ...proposal, tabs: [{ kind: 'deals', sheet: null, headerRow: null, headers: [], fields: [] }] };
    const result = setupChoiceOf(noDeals, setupDraftOf(noDeals), 'ja');
    expect(!result.ok && Object.keys(result.errors)).toContain('tabs.deals.sheet');
  });
});

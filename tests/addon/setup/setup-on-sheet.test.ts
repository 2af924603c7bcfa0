// Set-up through the built add-on on the Apps Script fakes, with the real service behind it: on a
// team's own Japanese sheet and on an English one, columns in their own order with extra columns,
// the proposal maps them, saving stores the mapping by header text, creates the missing tabs and
// syncs; not one of the team's cells changes and no column moves.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SetupProposal, SetupSaved, RpcResult } from '../../../addon/src/rpc/sidebar-rpc.ts';
import type { FakeSpreadsheetInit } from '../../support/apps-script/addon-sandbox.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { cellAt, columnOfHeader, sheetOf, startAddonWithService, teamCells, tokyoDay, type AddonWithService } from '../bootstrap/addon-with-service.ts';
import { acceptProposal as acceptAll, okValue as ok } from '../bootstrap/setup-choices.ts';

const LEAD = 'yamada@example.co.jp';
const NOW = new Date('2026-11-20T01:00:00Z');

const JA_HEADERS = ['No.', '担当', '案件名', '社内メモ', 'フェーズ', '見積金額(税抜)', '取引先', 'ボール', '見積提出日', '次回予定日'];
const japanese: FakeSpreadsheetInit = {
  id: '1SetupJapaneseSheetAbcdefghijklmnopqrstuvwxyz',
  name: '2026年度 営業管理表',
  timeZone: 'Asia/Tokyo',
  sheets: [
    { name: '目標', rows: [['月', '目標'], ['11月', 5_000_000]] },
    {
      name: '営業案件',
      rows: [
        ['2026年度 営業案件一覧'],
        ['※ 毎週金曜に更新'],
        JA_HEADERS,
        [1, '佐藤', '基幹システム更新', '部長案件', '見積提出', 1_200_000, '株式会社サンプル', '顧客', tokyoDay('2026-10-30'), tokyoDay('2026-11-25')],
        [2, '田中', '倉庫管理 PoC', null, '3.見積', 800_000, '東邦物流', null, null, null],
        [3, '田中', '配送システム', null, '保留', 300_000, '東邦物流', null, null, null],
        [4, '鈴木', 'BIツール導入', '=1+1', 'リード', 500_000, 'アルファ印刷', null, null, null],
      ],
    },
  ],
};

describeIfPostgres('set-up on a Japanese sheet', () => {
  let env: AddonWithService;
  let proposal: SetupProposal;
  let saved: SetupSaved;
  let before: Awaited<ReturnType<AddonWithService['runtime']['snapshot']>>;
  let after: typeof before;

  beforeAll(async () => {
    env = await startAddonWithService({ label: 'addon_setup_ja', spreadsheet: japanese, people: [LEAD], user: LEAD, now: NOW });
    before = await env.runtime.snapshot();
    proposal = ok(await env.runtime.call<RpcResult<SetupProposal>>('sidebarSetupProposal'));
    const choice = acceptAll(proposal, { stageLabels: { ...acceptAll(proposal).stageLabels, 保留: 'nurturing' }, staleAfterDays: { quote: 10 } });
    saved = ok(await env.runtime.call<RpcResult<SetupSaved>>('sidebarSetupSave', choice));
    after = await env.runtime.snapshot();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('finds the deals tab below its title rows and proposes every column by its header, whatever the order', () => {
    const deals = proposal.tabs.find((t) => t.kind === 'deals');
    expect(deals).toMatchObject({ sheet: '営業案件', headerRow: 3 });
    const column = (field: string) => deals?.fields.find((f) => f.field === field)?.column;
    expect([column('owner'), column('title'), column('stage'), column('amount'), column('account'), column('ball'), column('quoteSentOn'), column('nextActionOn')]).toEqual([2, 3, 5, 6, 7, 8, 9, 10]);
    expect(proposal.tabs.filter((t) => t.sheet === null).map((t) => t.kind)).toEqual(['visits', 'requests']);
    expect(proposal.sheets).toEqual(['目標', '営業案件']);
  });

  it('lists the stage labels the team writes with the stage each reads as', () => {
    expect(proposal.stageLabels).toEqual(
      expect.arrayContaining([
        { label: '見積提出', count: 1, stage: 'quote' },
        { label: '3.見積', count: 1, stage: 'quote' },
        { label: '保留', count: 1, stage: null },
        { label: 'リード', count: 1, stage: 'lead' },
      ]),
    );
    expect(proposal.stages.find((s) => s.code === 'quote')).toEqual({ code: 'quote', label: '見積提出', staleAfterDays: 14 });
  });

  it('leaves every cell of the team\'s columns as it was, formulas included, and moves no column', () => {
    expect(teamCells(after, '営業案件', JA_HEADERS.length)).toEqual(teamCells(before, '営業案件', JA_HEADERS.length));
    expect(sheetOf(after, '営業案件').formulas).toEqual(sheetOf(before, '営業案件').formulas);
    expect(sheetOf(after, '目標').values).toEqual(sheetOf(before, '目標').values);
  });

  it('writes only into the service\'s own columns and the tabs it created', async () => {
    const writes = await env.runtime.writes();
    const onTeamTabs = writes.filter((w) => w.sheet === '営業案件' || w.sheet === '目標');
    expect(onTeamTabs.length).toBeGreaterThan(0);
    expect(onTeamTabs.filter((w) => w.sheet === '目標' || w.column <= JA_HEADERS.length)).toEqual([]);
    expect(writes.some((w) => w.formula)).toBe(false);
  });

  it('creates the visits and requests tabs with Japanese headers, frozen and bold', () => {
    expect(saved.createdTabs).toEqual(['訪問記録', '特別対応申請']);
    const visits = sheetOf(after, '訪問記録');
    expect(visits.values[0]).toEqual(expect.arrayContaining(['訪問日', '顧客名', '案件名', '面談者', '商談内容', 'お客様の要望', '次回アクション', '次回予定日', 'ボール']));
    expect(visits.frozenRows).toBe(1);
    expect(visits.fontWeights.A1).toBe('bold');
    const requests = sheetOf(after, '特別対応申請');
    expect(requests.values[0]?.slice(0, 10)).toEqual(['申請日', '申請種別', '顧客名', '案件名', '申請者', '背景', '依頼内容', '代替案', '概算コスト', 'ステータス']);
  });

  it('stores the mapping by header text with the stage labels and thresholds chosen', async () => {
    const mapping = JSON.parse((await env.runtime.properties('document'))['sheets-sfa.mapping'] ?? 'null') as Record<string, Record<string, unknown>>;
    expect(mapping.tabs?.deals).toEqual({
      sheet: '営業案件',
      headerRow: 3,
      columns: { account: '取引先', title: '案件名', stage: 'フェーズ', owner: '担当', amount: '見積金額(税抜)', quoteSentOn: '見積提出日', ball: 'ボール', nextActionOn: '次回予定日' },
    });
    expect(mapping.tabs?.visits).toMatchObject({ sheet: '訪問記録', headerRow: 1 });
    expect(mapping.stageLabels).toMatchObject({ 保留: 'nurturing', 見積提出: 'quote' });
    expect(mapping.settings).toMatchObject({ stages: { quote: { staleAfterDays: 10 } } });
  });

  it('syncs at once: the deals get ids and flags, read with the team\'s own labels and thresholds', () => {
    expect(saved.sync).not.toBeNull();
    expect(saved.sync?.inserted).toBe(4);
    const flags = columnOfHeader(after, '営業案件', 3, 'フラグ [SFA]');
    const reasons = columnOfHeader(after, '営業案件', 3, 'フラグ理由 [SFA]');
    expect(flags).toBeGreaterThan(JA_HEADERS.length);
    // 保留 was mapped onto 育成: not an unknown stage.
    expect(String(cellAt(after, '営業案件', 6, flags))).not.toContain('ステージ不明');
    // The quote went out 21 days ago against a threshold of 10.
    expect(String(cellAt(after, '営業案件', 4, reasons))).toContain('基準10日');
    expect(String(cellAt(after, '営業案件', 4, columnOfHeader(after, '営業案件', 3, 'ID [SFA]')))).not.toBe('');
  });

  it('reuses the tabs it created when set-up is saved again', async () => {
    const again = ok(await env.runtime.call<RpcResult<SetupProposal>>('sidebarSetupProposal'));
    expect(again.tabs.find((t) => t.kind === 'visits')?.sheet).toBe('訪問記録');
    const resaved = ok(await env.runtime.call<RpcResult<SetupSaved>>('sidebarSetupSave', { ...acceptAll(again), tabs: acceptAll(again).tabs.filter((t) => t.kind === 'deals') }));
    expect(resaved.createdTabs).toEqual([]);
    const names = (await env.runtime.snapshot()).sheets.map((s) => s.name);
    expect(names).toEqual(['目標', '営業案件', '訪問記録', '特別対応申請']);
  });

  it('refuses a choice that maps one column twice, storing nothing', async () => {
    const stored = (await env.runtime.properties('document'))['sheets-sfa.mapping'];
    const choice = acceptAll(proposal);
    const deals = choice.tabs[0]!;
    const result = await env.runtime.call<RpcResult<SetupSaved>>('sidebarSetupSave', { ...choice, tabs: [{ ...deals, columns: { ...deals.columns, owner: 3 } }] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid');
      expect(result.error.fields?.['tabs.deals.columns.owner']).toBe('C列は「案件名」にも使われています。');
    }
    expect((await env.runtime.properties('document'))['sheets-sfa.mapping']).toBe(stored);
  });
});

const EN_HEADERS = ['Region', 'Close date', 'Opportunity', 'Notes', 'Rep', 'Amount', 'Customer', 'Status'];
const english: FakeSpreadsheetInit = {
  id: '1SetupEnglishSheetAbcdefghijklmnopqrstuvwxyz0',
  name: 'FY2026 pipeline',
  timeZone: 'Asia/Tokyo',
  locale: 'en_US',
  sheets: [
    {
      name: 'Pipeline',
      rows: [
        EN_HEADERS,
        ['West', tokyoDay('2026-12-20'), 'ERP renewal', 'big one', 'Kim', 5_000, 'Acme', 'Proposal'],
        ['East', null, 'CRM rollout', null, 'Lee', 12_000, 'Globex', 'Negotiation'],
        ['East', null, 'Data lake', null, 'Lee', 3_000, 'Initech', 'On hold'],
      ],
    },
    { name: 'Activities', rows: [['Date', 'Customer', 'Opportunity', 'Summary'], [tokyoDay('2026-11-18'), 'Acme', 'ERP renewal', 'Demo']] },
  ],
};

describeIfPostgres('set-up on an English sheet', () => {
  let env: AddonWithService;
  let proposal: SetupProposal;

  beforeAll(async () => {
    env = await startAddonWithService({ label: 'addon_setup_en', spreadsheet: english, people: [LEAD], user: LEAD, userLocale: 'en', now: NOW });
    proposal = ok(await env.runtime.call<RpcResult<SetupProposal>>('sidebarSetupProposal'));
  });

  afterAll(async () => {
    await env?.close();
  });

  it('maps the odd-order English columns and finds the activities tab, in English', () => {
    const deals = proposal.tabs.find((t) => t.kind === 'deals');
    expect(deals).toMatchObject({ sheet: 'Pipeline', headerRow: 1 });
    const field = (name: string) => deals?.fields.find((f) => f.field === name);
    expect(field('title')).toMatchObject({ label: 'Deal', column: 3 });
    expect([field('expectedCloseOn')?.column, field('owner')?.column, field('amount')?.column, field('account')?.column, field('stage')?.column]).toEqual([2, 5, 6, 7, 8]);
    expect(proposal.tabs.find((t) => t.kind === 'visits')).toMatchObject({ sheet: 'Activities', headerRow: 1 });
    expect(proposal.stageLabels.find((l) => l.label === 'On hold')).toEqual({ label: 'On hold', count: 1, stage: null });
    expect(proposal.stages.find((s) => s.code === 'quote')?.label).toBe('Quote');
  });

  it('saves without moving or changing any cell, creating only the requests tab', async () => {
    const before = await env.runtime.snapshot();
    const saved = ok(await env.runtime.call<RpcResult<SetupSaved>>('sidebarSetupSave', acceptAll(proposal, { stageLabels: { ...acceptAll(proposal).stageLabels, 'On hold': 'nurturing' } })));
    const after = await env.runtime.snapshot();
    expect(saved.createdTabs).toEqual(['特別対応申請']);
    expect(saved.sync?.inserted).toBeGreaterThanOrEqual(3);
    expect(teamCells(after, 'Pipeline', EN_HEADERS.length)).toEqual(teamCells(before, 'Pipeline', EN_HEADERS.length));
    expect(teamCells(after, 'Activities', 4)).toEqual(teamCells(before, 'Activities', 4));
    // The service's headers speak the sheet's language.
    expect(sheetOf(after, 'Pipeline').values[0]).toContain('Flags [SFA]');
  });
});

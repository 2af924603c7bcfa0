// "Show flagged rows" through the built add-on on the Apps Script fakes (no service needed: the
// flags column is found by its [SFA] header). A basic filter hides the rows whose flags cell is
// empty; the team's own filter is reused as it is, never widened; no cell is ever written.
import { beforeEach, describe, expect, it } from 'vitest';
import type { FlaggedShown, RpcResult } from '../../../addon/src/rpc/sidebar-rpc.ts';
import { addonBundleDir } from '../../support/addon-bundle.ts';
import { createAddonSandbox, type AddonSandbox, type FakeSpreadsheetInit } from '../../support/apps-script/addon-sandbox.ts';
import { sheetOf } from '../bootstrap/addon-with-service.ts';
import { errorOf, okValue } from '../bootstrap/setup-choices.ts';

const DEALS = '案件一覧';

const spreadsheet = (): FakeSpreadsheetInit => ({
  id: '1FlaggedRowsAbcdefghijklmnopqrstuvwxyz012345',
  name: '営業管理表',
  timeZone: 'Asia/Tokyo',
  sheets: [
    { name: 'メモ', rows: [['連絡事項']] },
    {
      name: DEALS,
      rows: [
        ['営業案件一覧'],
        ['顧客名', '案件名', '担当者', 'ステージ', 'ID [SFA]', 'フラグ [SFA]', 'フラグ理由 [SFA]'],
        ['A社', '基幹更新', '佐藤', '見積提出', 'd-1', '停滞, ボール滞留', '…'],
        ['B社', '倉庫PoC', '田中', '提案', 'd-2', null, null],
        ['C社', '配送', '田中', 'リード', 'd-3', '期限切れ', '…'],
        ['D社', 'BI導入', '鈴木', 'リード', 'd-4', null, null],
      ],
    },
  ],
});

describe('sidebarShowFlagged', () => {
  let sandbox: AddonSandbox;

  beforeEach(() => {
    sandbox = createAddonSandbox({ bundleDir: addonBundleDir(), spreadsheet: spreadsheet(), user: { email: 'yamada@example.co.jp', idToken: 'id', oauthToken: 'oauth' }, now: new Date('2026-11-20T01:00:00Z') });
  });

  it('filters the deals tab from its header row on "flags not empty" and counts the flagged rows when there is no filter', () => {
    const shown = okValue(sandbox.call<RpcResult<FlaggedShown>>('sidebarShowFlagged'));
    expect(shown).toEqual({ sheet: DEALS, flaggedRows: 2 });
    const snapshot = sandbox.snapshot();
    expect(sheetOf(snapshot, DEALS).filter).toEqual({ range: 'A2:G6', criteria: [{ column: 6, type: 'CELL_NOT_EMPTY', values: [], hiddenValues: [] }], hiddenRows: [4, 6] });
    expect(snapshot.activeSheet).toBe(DEALS);
    expect(sandbox.writes()).toEqual([]);
  });

  it('reuses the team\'s filter, keeping its range and its own criteria', () => {
    const sheet = sandbox.state.spreadsheet.sheets.find((s) => s.name === DEALS);
    if (sheet === undefined) throw new Error('no deals tab');
    sheet.filter = { rect: { row: 2, column: 1, numRows: 4, numColumns: 7 }, criteria: new Map([[3, { type: 'TEXT_EQUAL_TO', values: ['田中'], hiddenValues: [] }]]) };
    okValue(sandbox.call<RpcResult<FlaggedShown>>('sidebarShowFlagged'));
    const filter = sheetOf(sandbox.snapshot(), DEALS).filter;
    expect(filter?.range).toBe('A2:G5');
    expect(filter?.criteria.map((c) => [c.column, c.type])).toEqual([[3, 'TEXT_EQUAL_TO'], [6, 'CELL_NOT_EMPTY']]);
    expect(filter?.hiddenRows).toEqual([3, 4]);
    expect(sandbox.writes()).toEqual([]);
  });

  it('refuses to widen a team filter that stops short of the flags column, leaving it as it was', () => {
    const sheet = sandbox.state.spreadsheet.sheets.find((s) => s.name === DEALS);
    if (sheet === undefined) throw new Error('no deals tab');
    sheet.filter = { rect: { row: 2, column: 1, numRows: 5, numColumns: 4 }, criteria: new Map() };
    const error = errorOf(sandbox.call<RpcResult<FlaggedShown>>('sidebarShowFlagged'));
    expect(error.code).toBe('invalid');
    expect(error.message).toBe('「案件一覧」シートの既存のフィルタ(A2:D6)がフラグ列(F列)を含んでいません。フィルタの範囲を広げてから、もう一度実行してください。');
    expect(sheetOf(sandbox.snapshot(), DEALS).filter).toEqual({ range: 'A2:D6', criteria: [], hiddenRows: [] });
  });

  it('asks for a sync first when the deals tab has no flags column yet', () => {
    const fresh = createAddonSandbox({
      bundleDir: addonBundleDir(),
      spreadsheet: { ...spreadsheet(), sheets: [{ name: DEALS, rows: [['顧客名', '案件名', 'ステージ'], ['A社', '基幹更新', '見積提出']] }] },
      user: { email: 'yamada@example.co.jp', idToken: 'id', oauthToken: 'oauth' },
    });
    const error = errorOf(fresh.call<RpcResult<FlaggedShown>>('sidebarShowFlagged'));
    expect(error).toEqual({ code: 'not_found', message: '「案件一覧」シートにはまだフラグ列がありません。「今すぐ同期」を実行してください。' });
  });
});

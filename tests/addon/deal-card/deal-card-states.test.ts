// The deal card and the forms' prefills when the cursor is not on a synced deal row, through the
// built add-on on the Apps Script fakes with no service reachable: each says what to do.
import { describe, expect, it } from 'vitest';
import type { DealCard, RequestPrefill, RpcResult, VisitPrefill } from '../../../addon/src/rpc/sidebar-rpc.ts';
import { addonBundleDir } from '../../support/addon-bundle.ts';
import { createAddonSandbox, type FakeSpreadsheetInit } from '../../support/apps-script/addon-sandbox.ts';
import { errorOf, okValue } from '../bootstrap/setup-choices.ts';

const DEALS = '案件一覧';
const user = { email: 'sato@example.co.jp', idToken: 'id', oauthToken: 'oauth' };
const NOW = new Date('2026-11-20T01:00:00Z');

function sandbox(sheets: FakeSpreadsheetInit['sheets'], locale = 'ja') {
  return createAddonSandbox({ bundleDir: addonBundleDir(), spreadsheet: { id: '1DealCardStatesAbcdefghijklmnopqrstuvwxyz01', name: '営業管理表', timeZone: 'Asia/Tokyo', sheets }, user: { ...user, locale }, now: NOW });
}

const synced: FakeSpreadsheetInit['sheets'] = [
  { name: 'メモ', rows: [['連絡事項']] },
  {
    name: DEALS,
    rows: [
      ['営業案件一覧'],
      ['顧客名', '案件名', 'ステージ', 'ボール', 'ID [SFA]', 'フラグ [SFA]'],
      ['A社', '基幹更新', '見積提出', '顧客', 'd-1', null],
      ['B社', '倉庫PoC', '提案', null, null, null],
      [null, null, null, null, null, null],
      ['C社', '配送', 'リード', null, 'd-3', null],
    ],
  },
];

describe('sidebarDealCard', () => {
  it('says set-up comes first, naming the menu item as the menu shows it, when no tab looks like a deals tab', () => {
    const s = sandbox([{ name: 'シート1', rows: [['メモ'], ['何か']] }]);
    const error = errorOf(s.call<RpcResult<DealCard>>('sidebarDealCard'));
    expect(error.code).toBe('not_set_up');
    s.runOnOpen();
    const setUp = s.ui().menus[0]?.items.find((i) => i.kind === 'item' && i.functionName === 'menuSetUp');
    expect(setUp).toBeDefined();
    expect(error.message).toContain(`「${setUp?.kind === 'item' ? setUp.caption : ''}」`);
  });

  it.each([
    ['another tab', 'メモ', 1],
    ['the header row', DEALS, 2],
    ['an empty row', DEALS, 5],
    ['below the last row', DEALS, 40],
  ])('asks for a deal row, naming the deals tab, when the cursor is on %s', (_where, sheet, row) => {
    const s = sandbox(synced);
    s.setActiveCell(sheet, row, 1);
    expect(errorOf(s.call<RpcResult<DealCard>>('sidebarDealCard'))).toEqual({
      code: 'no_deal_row',
      message: '「案件一覧」シートの案件の行(見出しより下)を選択してから、もう一度開いてください。',
    });
  });

  it('asks for a sync when the row has no id yet', () => {
    const s = sandbox(synced, 'en');
    s.setActiveCell(DEALS, 4, 2);
    expect(errorOf(s.call<RpcResult<DealCard>>('sidebarDealCard'))).toEqual({ code: 'not_found', message: 'This row has not been synced yet. Run "Sync now", then open it again.' });
  });

  it('says the service is unreachable when it cannot be asked, writing nothing', () => {
    const s = sandbox(synced);
    s.setActiveCell(DEALS, 3, 2);
    expect(errorOf(s.call<RpcResult<DealCard>>('sidebarDealCard')).code).toBe('unreachable');
    expect(s.writes()).toEqual([]);
  });
});

describe('sidebarVisitPrefill and sidebarRequestPrefill', () => {
  it('prefill the active row\'s deal as the sheet shows it', () => {
    const s = sandbox(synced);
    s.setActiveCell(DEALS, 3, 4);
    expect(okValue(s.call<RpcResult<VisitPrefill>>('sidebarVisitPrefill'))).toEqual({ visitedOn: '2026-11-20', dealId: 'd-1', dealTitle: '基幹更新', account: 'A社', ball: 'customer' });
    expect(okValue(s.call<RpcResult<RequestPrefill>>('sidebarRequestPrefill'))).toEqual({ dealId: 'd-1', dealTitle: '基幹更新', account: 'A社' });
  });

  it('leave the deal blank off the deals tab: a visit may name only an account', () => {
    const s = sandbox(synced);
    s.setActiveCell('メモ', 1, 1);
    expect(okValue(s.call<RpcResult<VisitPrefill>>('sidebarVisitPrefill'))).toEqual({ visitedOn: '2026-11-20', dealId: null, dealTitle: null, account: null, ball: null });
    expect(okValue(s.call<RpcResult<RequestPrefill>>('sidebarRequestPrefill'))).toEqual({ dealId: null, dealTitle: null, account: null });
  });
});

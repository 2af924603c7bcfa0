// A rep files a special request from the sidebar and sales-support approves it from theirs: the
// built add-on on the Apps Script fakes, the real service behind it, people switching at the
// keyboard (runtime.setUser). The requests tab shows the decision after it; nobody decides their
// own request; of two racing decisions the later one is told someone decided first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalItem, DecisionDone, RequestFiled, RequestForm, RequestPrefill, RpcResult } from '../../../addon/src/rpc/sidebar-rpc.ts';
import type { FakeSpreadsheetInit } from '../../support/apps-script/addon-sandbox.ts';
import type { SpreadsheetSnapshot } from '../../support/apps-script/apps-script-records.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { cellAt, columnOfHeader, sheetOf, startAddonWithService, teamCells, tokyoDay, type AddonWithService } from '../bootstrap/addon-with-service.ts';
import { errorOf, okValue, setUpAsProposed } from '../bootstrap/setup-choices.ts';

const LEAD = 'yamada@example.co.jp';
const REP = 'sato@example.co.jp';
const SUPPORT = 'suzuki@example.co.jp';
const NOW = new Date('2026-11-20T01:00:00Z');
const DEALS = '案件一覧';
const REQUESTS = '特別対応申請';
const HEADERS = ['顧客名', '案件名', '担当者', 'ステージ', '金額', '粗利', 'ステージ変更日'];

const spreadsheet: FakeSpreadsheetInit = {
  id: '1RequestFromSidebarAbcdefghijklmnopqrstuvwxy',
  name: '2026年度 営業案件管理表',
  timeZone: 'Asia/Tokyo',
  sheets: [
    {
      name: DEALS,
      rows: [
        HEADERS,
        ['株式会社サンプル', '基幹システム更新', '佐藤', 'クロージング', 12_000_000, 3_000_000, tokyoDay('2026-11-16')],
        ['東邦物流', '倉庫管理 PoC', '佐藤', '提案', 2_000_000, 600_000, tokyoDay('2026-11-18')],
      ],
    },
  ],
};

const form = (prefill: RequestPrefill, submit = true): RequestForm => ({
  type: 'discount',
  background: '競合他社が10%安い見積を提示しており、先方の部長から値引きの相談を受けた',
  description: '初年度保守費の値引き',
  alternative: '保守範囲を縮小した別プランの提示',
  dealId: prefill.dealId,
  account: prefill.account,
  cost: { hours: [{ role: '営業サポート', hours: 2 }], directCosts: [], discount: 20_000, recurring: null },
  submit,
});

function requestRow(snapshot: SpreadsheetSnapshot, requestId: string): number {
  const idColumn = columnOfHeader(snapshot, REQUESTS, 1, 'ID [SFA]');
  const index = sheetOf(snapshot, REQUESTS).values.findIndex((row) => row[idColumn - 1] === requestId);
  if (index < 0) throw new Error(`request ${requestId} is not on the requests tab`);
  return index + 1;
}

describeIfPostgres('filing and deciding a special request from the sidebar', () => {
  let env: AddonWithService;
  let filed: RequestFiled;

  beforeAll(async () => {
    env = await startAddonWithService({ label: 'addon_requests', spreadsheet, people: [LEAD, REP, SUPPORT], user: LEAD, now: NOW });
    await setUpAsProposed(env.runtime);
    await env.grant(LEAD, REP, 'member');
    // The rep may approve others' requests, never their own.
    await env.grant(LEAD, REP, 'approver');
    await env.grant(LEAD, SUPPORT, 'approver');
    await env.grant(LEAD, LEAD, 'approver');
    await env.actAs(REP);
    await env.runtime.setActiveCell(DEALS, 2, 1);
    const prefill = okValue(await env.runtime.call<RpcResult<RequestPrefill>>('sidebarRequestPrefill'));
    expect(prefill).toMatchObject({ dealTitle: '基幹システム更新', account: '株式会社サンプル' });
    filed = okValue(await env.runtime.call<RpcResult<RequestFiled>>('sidebarFileRequest', form(prefill)));
  });

  afterAll(async () => {
    await env?.close();
  });

  it('files and submits the request, routed by its cost, and puts it on the requests tab at once', async () => {
    expect(filed).toMatchObject({ state: 'submitted', total: 28_000, steps: ['approver'] });
    expect(filed.cellsWritten).toBeGreaterThan(0);
    const snapshot = await env.runtime.snapshot();
    const row = requestRow(snapshot, filed.requestId);
    expect(cellAt(snapshot, REQUESTS, row, columnOfHeader(snapshot, REQUESTS, 1, '状況 [SFA]'))).toBe('承認待ち');
    expect(cellAt(snapshot, REQUESTS, row, columnOfHeader(snapshot, REQUESTS, 1, '背景'))).toBe(form({ dealId: null, dealTitle: null, account: null }).background);
  });

  it('keeps a draft a draft and shows the steps its cost would take', async () => {
    const prefill = okValue(await env.runtime.call<RpcResult<RequestPrefill>>('sidebarRequestPrefill'));
    const draft = okValue(await env.runtime.call<RpcResult<RequestFiled>>('sidebarFileRequest', { ...form(prefill, false), cost: { hours: [], directCosts: [], discount: 150_000, recurring: null } }));
    expect(draft).toMatchObject({ state: 'draft', total: 150_000, steps: ['approver', 'manager'] });
  });

  it('refuses a thin background with the field named', async () => {
    const prefill = okValue(await env.runtime.call<RpcResult<RequestPrefill>>('sidebarRequestPrefill'));
    const error = errorOf(await env.runtime.call<RpcResult<RequestFiled>>('sidebarFileRequest', { ...form(prefill), background: '値引きしたい' }));
    expect(error.code).toBe('invalid');
    expect(error.fields?.background).toMatch(/背景/);
  });

  it('does not let the rep approve their own request, though they hold the approver role', async () => {
    const own = okValue(await env.runtime.call<RpcResult<readonly ApprovalItem[]>>('sidebarApprovalQueue'));
    expect(own.map((i) => i.requestId)).not.toContain(filed.requestId);
    const res = await env.service.call('GET', `/v1/spreadsheets/${spreadsheet.id}/requests/${filed.requestId}`, { as: REP });
    const { request } = (await res.json()) as { request: { version: number } };
    const error = errorOf(await env.runtime.call<RpcResult<DecisionDone>>('sidebarDecide', { requestId: filed.requestId, action: 'approve', comment: null, expectedVersion: request.version }));
    expect(error.code).toBe('forbidden');
  });

  describe('when sales-support decides', () => {
    let queue: readonly ApprovalItem[];
    let done: DecisionDone;

    beforeAll(async () => {
      await env.actAs(SUPPORT);
      queue = okValue(await env.runtime.call<RpcResult<readonly ApprovalItem[]>>('sidebarApprovalQueue'));
    });

    it('lists the request with its cost lines, steps and the account\'s win-win figures', () => {
      const item = queue.find((i) => i.requestId === filed.requestId);
      expect(item).toMatchObject({ type: 'discount', typeLabel: '値引き', state: 'submitted', account: '株式会社サンプル', dealTitle: '基幹システム更新', total: 28_000, step: 'approver', steps: ['approver'] });
      expect(item?.costLines.map((l) => l.amount)).toEqual([8_000, 20_000]);
      expect(item?.winWin).toMatchObject({ months: 12, specialCost: 28_000, threshold: 0.05 });
      expect(item?.alternative).toBe('保守範囲を縮小した別プランの提示');
    });

    it('refuses to reject without a comment, before asking the service', async () => {
      const item = queue.find((i) => i.requestId === filed.requestId) as ApprovalItem;
      const error = errorOf(await env.runtime.call<RpcResult<DecisionDone>>('sidebarDecide', { requestId: item.requestId, action: 'reject', comment: ' ', expectedVersion: item.version }));
      expect(error).toMatchObject({ code: 'invalid', fields: { comment: '却下・差戻しにはコメントが必要です。' } });
    });

    it('approves it, and the requests tab shows 承認 with the approver, the team\'s cells untouched', async () => {
      const before = await env.runtime.snapshot();
      const item = queue.find((i) => i.requestId === filed.requestId) as ApprovalItem;
      done = okValue(await env.runtime.call<RpcResult<DecisionDone>>('sidebarDecide', { requestId: item.requestId, action: 'approve', comment: '今回限り', expectedVersion: item.version }));
      expect(done).toMatchObject({ requestId: filed.requestId, state: 'approved' });
      expect(done.cellsWritten).toBeGreaterThan(0);
      const after = await env.runtime.snapshot();
      const row = requestRow(after, filed.requestId);
      expect(cellAt(after, REQUESTS, row, columnOfHeader(after, REQUESTS, 1, '状況 [SFA]'))).toBe('承認');
      expect(cellAt(after, REQUESTS, row, columnOfHeader(after, REQUESTS, 1, 'コメント [SFA]'))).toBe('今回限り');
      expect(teamCells(after, DEALS, HEADERS.length)).toEqual(teamCells(before, DEALS, HEADERS.length));
      const queueAfter = okValue(await env.runtime.call<RpcResult<readonly ApprovalItem[]>>('sidebarApprovalQueue'));
      expect(queueAfter.map((i) => i.requestId)).not.toContain(filed.requestId);
    });
  });

  it('tells the slower of two racing approvers that someone decided first', async () => {
    await env.actAs(REP);
    await env.runtime.setActiveCell(DEALS, 3, 1);
    const prefill = okValue(await env.runtime.call<RpcResult<RequestPrefill>>('sidebarRequestPrefill'));
    const second = okValue(await env.runtime.call<RpcResult<RequestFiled>>('sidebarFileRequest', form(prefill)));
    await env.actAs(SUPPORT);
    const item = okValue(await env.runtime.call<RpcResult<readonly ApprovalItem[]>>('sidebarApprovalQueue')).find((i) => i.requestId === second.requestId) as ApprovalItem;
    // The lead decides it first, through the API.
    const res = await env.service.call('POST', `/v1/spreadsheets/${spreadsheet.id}/requests/${second.requestId}/actions`, { as: LEAD, body: { action: 'approve', expectedVersion: item.version } });
    expect(res.status).toBe(200);
    const error = errorOf(await env.runtime.call<RpcResult<DecisionDone>>('sidebarDecide', { requestId: item.requestId, action: 'return', comment: '背景を追記してください', expectedVersion: item.version }));
    expect(error).toEqual({ code: 'conflict', message: '他の人が先にこの申請を決裁しました。再読み込みしてください。' });
  });
});

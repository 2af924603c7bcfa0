// The approver's view over HTTP: one request with its cost lines, its deal, the account's last 12
// months and its flags, against figures worked out by hand below.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serialFromIsoDate } from '../../../shared/calendar/iso-date.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { pushBody } from '../../support/service/apply-plan-wire.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import type { SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';
import { ADMIN, APPROVER, MANAGER, PEOPLE, REP, SAMPLE, TOHO, dealsGrid, lumpSum, requestsApi, type RequestJson } from './request-fixture.ts';

const SHEET = '1RequestViewSheetxxxxxxxxxxxxxxxxxxxxxxxxxx';

// 09:00 in Tokyo on the given day.
const at = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** The requests tab: rows typed in before the team used the API, one with a status typed by hand. */
function requestsGrid(): MutableGrid {
  return {
    name: '特別対応申請',
    rows: [
      ['申請日', '種別', '顧客名', '案件名', '申請者', '背景', '依頼内容', '代替案', '概算コスト', 'ステータス'],
      [serialFromIsoDate('2026-02-01'), '値引き', SAMPLE, '保守契約A', '佐藤', '競合が値引きを提示しており、更新時に同等の条件を求められた', '保守料5%値引き', null, 50_000, '承認済'],
      // Typed into the sheet, never decided: filed through the API later. Before the window.
      [serialFromIsoDate('2024-06-01'), '特別対応', TOHO, '物流基盤', '田中', '繁忙期の出荷に合わせて土曜日の立会いを求められている', '土曜立会い', null, 30_000, null],
      // Filed through the API later, returned, and re-estimated in the sheet. Before the window.
      [serialFromIsoDate('2024-07-01'), '特別対応', TOHO, '物流基盤', '山本', '倉庫移転に伴い夜間の切替作業と立会いを求められている', '夜間切替作業', null, 50_000, null],
    ],
  };
}

describeIfPostgres('requestView', () => {
  let h: ServiceHarness;
  let api: ReturnType<typeof requestsApi>;
  // The sheet is synced as of today, with each deal's stage date; requests are then filed on their own days.
  let clock = at('2026-11-20');
  let viewed: RequestJson;

  beforeAll(async () => {
    h = await startServiceHarness({ label: 'request_view', google: true, clock: () => clock });
    api = requestsApi(h, SHEET);
    const deals = dealsGrid();
    const requests = requestsGrid();
    (h.standIn as SheetsStandIn).createSpreadsheet({ spreadsheetId: SHEET, title: 'view', timeZone: 'Asia/Tokyo', sheets: [{ title: deals.name, rows: deals.rows, valueInputOption: 'RAW' }], sharedWith: [ADMIN] });
    expect((await h.call('POST', `/v1/spreadsheets/${SHEET}/sync`, { as: ADMIN, body: pushBody('view', 'Asia/Tokyo', [deals, requests]) })).status).toBe(200);
    for (const [email, roles] of Object.entries(PEOPLE)) {
      for (const role of roles) expect((await h.call('PUT', `/v1/spreadsheets/${SHEET}/members/${email}/roles/${role}`, { as: ADMIN })).status).toBe(200);
    }
    const approveFully = async (id: string) => {
      await api.acted(APPROVER, id, { action: 'approve' });
      await api.acted(MANAGER, id, { action: 'approve' });
    };

    // Filed 2025-10-01, approved: before the window (2025-11-21 … 2026-11-20).
    clock = at('2025-10-01');
    await approveFully((await api.filed(REP, { type: 'discount', cost: lumpSum(500_000), submit: true })).request.id);
    // Filed 2026-06-01, approved: ¥40,000 of support hours + ¥80,000 courier = ¥120,000.
    clock = at('2026-06-01');
    const r1 = await api.filed(REP, { cost: { hours: [{ role: '営業サポート', hours: 10 }], directCosts: [{ label: '特急便', amount: 80_000 }] }, submit: true });
    await approveFully(r1.request.id);
    // Filed 2026-07-15, rejected: counted as a request, not as a cost.
    clock = at('2026-07-15');
    const r3 = await api.filed(REP, { cost: lumpSum(80_000), submit: true });
    await api.acted(APPROVER, r3.request.id, { action: 'reject', comment: '通常便で足りる' });
    // A draft nobody submitted: not the account's request yet.
    clock = at('2026-08-01');
    await api.filed(REP, { cost: lumpSum(999_999) });
    // Another account's approved request: never counted for this one.
    clock = at('2026-09-01');
    await approveFully((await api.filed(REP, { dealTitle: '物流基盤', cost: lumpSum(300_000), submit: true })).request.id);
    // The request under review, today: ¥50,000 of legal hours (6.25 h × ¥8,000) + ¥150,000 discount.
    clock = at('2026-11-20');
    const r2 = await api.filed(REP, { type: 'discount', cost: { hours: [{ role: '法務', hours: 6.25 }], discount: 150_000 }, alternative: '値引きの代わりに支払サイトを60日に延長', submit: true });
    viewed = (await (await api.get(APPROVER, r2.request.id)).json()) as RequestJson;
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows the request, its cost lines and its alternative', () => {
    expect(viewed.request).toMatchObject({ state: 'submitted', costTotal: 200_000, route: ['approver', 'manager'], awaitingRole: 'approver', typeLabel: '値引き' });
    expect(viewed.cost.lines).toEqual([
      expect.objectContaining({ kind: 'labour', label: '法務', amount: 50_000, quantity: 6.25, unitAmount: 8_000 }),
      expect.objectContaining({ kind: 'discount', amount: 150_000 }),
    ]);
    expect(viewed.request).toMatchObject({ alternative: '値引きの代わりに支払サイトを60日に延長' } as object);
    expect(viewed.allowedActions).toEqual(['approve', 'reject', 'return']);
  });

  it('shows the deal: title, stage, amount and gross margin', () => {
    expect(viewed.deal).toMatchObject({ title: '基幹システム更新', stage: 'quote', amount: 3_000_000, grossMargin: 600_000 });
  });

  it('weighs the account\'s last 12 months against hand-computed figures', () => {
    const account = viewed.account;
    expect(account).not.toBeNull();
    if (account === null) return;
    expect(account).toMatchObject({ name: SAMPLE, from: '2025-11-21', to: '2026-11-20' });
    // Approved in the window: r1's ¥120,000 only. The sheet's ¥50,000 row says 承認済 by hand and
    // nobody decided it through the workflow: listed, never counted (so 3 requests, not 4).
    // Pending: this request's ¥200,000. Won in the window: ¥4,000,000 (2026-03-10) + ¥2,000,000 (2025-12-01);
    // ¥9,000,000 won 2025-11-15 is before it, and Toho's win is another account's.
    // Ratio 120,000 / 6,000,000 = 2% (under 5%); if approved 320,000 / 6,000,000 ≈ 5.3% (over 5%).
    expect(account.winWin).toMatchObject({
      specialCost: 120_000,
      pendingCost: 200_000,
      wonRevenue: 6_000_000,
      wonGrossMargin: 1_500_000,
      requestCount: 3,
      approvedCount: 1,
      pendingCount: 1,
      wonDealCount: 2,
      overShare: false,
      overShareIfApproved: true,
    });
    expect(account.winWin.ratio).toBeCloseTo(120_000 / 6_000_000, 12);
    expect(account.winWin.projectedRatio).toBeCloseTo(320_000 / 6_000_000, 12);
    expect(account.requests.map((r) => [r.costTotal, r.state, r.sheetStatus])).toEqual([
      [200_000, 'submitted', null],
      [80_000, 'rejected', null],
      [120_000, 'approved', null],
      [50_000, null, '承認済'],
    ]);
    expect(account.requests[1]).toMatchObject({ decidedBy: APPROVER });
    expect(account.wonDeals.map((d) => [d.title, d.wonOn, d.amount])).toEqual([
      ['保守契約A', '2026-03-10', 4_000_000],
      ['更新B', '2025-12-01', 2_000_000],
    ]);
  });

  it('raises the cost flags: over the routing threshold, over 20% of the margin, and the win-win balance if approved', () => {
    expect(viewed.flags.map((f) => f.code)).toEqual(['cost_over_routing', 'cost_over_margin', 'win_win_imbalance']);
    const reasons = viewed.flags.map((f) => f.reason).join('\n');
    expect(reasons).toContain('¥200,000');
    expect(reasons).toContain('¥600,000');
    expect(reasons).toContain('¥320,000');
    expect(reasons).toContain('¥6,000,000');
    expect(reasons).toContain('5.3%');
  });

  it('renders labels, lines and flags in English when asked', async () => {
    const en = (await (await api.get(APPROVER, viewed.request.id, { 'accept-language': 'en' })).json()) as RequestJson;
    expect(en.request).toMatchObject({ typeLabel: 'Discount', stateLabel: 'Awaiting approval' });
    expect(en.flags.map((f) => f.code)).toEqual(viewed.flags.map((f) => f.code));
    expect(en.flags.every((f) => /^[\x20-\x7E¥→’]*$/.test(f.reason))).toBe(true);
  });

  it('shows a status typed into the sheet as unverified, not as a decision, when nobody filed the row', async () => {
    const row = await h.service.db.selectFrom('requests').select('id').where('spreadsheet_id', '=', SHEET).where('requester', '=', '佐藤').executeTakeFirstOrThrow();
    const sheetRow = (await (await api.get(REP, row.id)).json()) as RequestJson;
    expect(sheetRow.request).toMatchObject({ state: null, stateLabel: null, sheetStatus: '承認済', costTotal: 50_000, account: SAMPLE, dealTitle: '保守契約A' });
    // Its background has 29 characters: above the default 20, so no background flag.
    expect(sheetRow.flags.map((f) => f.code)).not.toContain('background_thin');
    // Only the workflow decides: the row may still be filed and decided through the API.
    expect(sheetRow.allowedActions).toEqual(['submit']);
  });

  it('files a sheet row nobody decided, its submitter becoming the requester and its cost frozen', async () => {
    const row = await h.service.db.selectFrom('requests').select('id').where('spreadsheet_id', '=', SHEET).where('requester', '=', '田中').executeTakeFirstOrThrow();
    const unfiled = (await (await api.get(REP, row.id)).json()) as RequestJson;
    expect(unfiled.request).toMatchObject({ state: null, stateLabel: null, requesterEmail: null, costTotal: 30_000 });
    expect(unfiled.allowedActions).toEqual(['submit']);
    // It lives in the sheet: its content is edited there, not through the API.
    expect((await api.act(REP, row.id, { action: 'submit', changes: { cost: lumpSum(1) } })).status).toBe(409);
    const filed = await api.acted(REP, row.id, { action: 'submit' });
    expect(filed.request).toMatchObject({ state: 'submitted', requesterEmail: REP, costTotal: 30_000, route: ['approver'] });
    // The sheet's estimate changes afterwards (as the next sync would write it): the request stays
    // what it was submitted as.
    await h.service.db.updateTable('requests').set({ estimated_cost: 900_000 }).where('id', '=', row.id).execute();
    const later = (await (await api.get(APPROVER, row.id)).json()) as RequestJson;
    expect(later.request).toMatchObject({ costTotal: 30_000, route: ['approver'] });
    expect((await api.act(REP, row.id, { action: 'approve' })).status).toBe(403);
    expect((await api.acted(APPROVER, row.id, { action: 'approve' })).request.state).toBe('approved');
  });

  it('prices a returned sheet row at the sheet\'s current estimate and reroutes it when resubmitted', async () => {
    const row = await h.service.db.selectFrom('requests').select('id').where('spreadsheet_id', '=', SHEET).where('requester', '=', '山本').executeTakeFirstOrThrow();
    const filed = await api.acted(REP, row.id, { action: 'submit' });
    expect(filed.request).toMatchObject({ costTotal: 50_000, route: ['approver'] });
    await api.acted(APPROVER, row.id, { action: 'return', comment: '作業範囲を見直してください' });
    // The rep raises the estimate in the sheet (as the next sync writes it).
    await h.service.db.updateTable('requests').set({ estimated_cost: 5_000_000 }).where('id', '=', row.id).execute();
    const returned = (await (await api.get(REP, row.id)).json()) as RequestJson;
    expect(returned.request).toMatchObject({ state: 'returned', costTotal: 5_000_000 });
    const resubmitted = await api.acted(REP, row.id, { action: 'resubmit' });
    expect(resubmitted.request).toMatchObject({ state: 'submitted', costTotal: 5_000_000, route: ['approver', 'manager', 'director'] });
    // Submitted: frozen again, whatever the sheet says next.
    await h.service.db.updateTable('requests').set({ estimated_cost: 1 }).where('id', '=', row.id).execute();
    expect(((await (await api.get(APPROVER, row.id)).json()) as RequestJson).request).toMatchObject({ costTotal: 5_000_000, route: ['approver', 'manager', 'director'] });
  });

  it('keeps the account of another request apart', async () => {
    const list = (await (await api.list(REP, `?account=${encodeURIComponent(TOHO)}&state=approved&mine=true`)).json()) as { requests: { id: string; origin: string }[] };
    expect(list.requests.map((r) => r.origin).sort()).toEqual(['api', 'sheet']);
    const toho = (await (await api.get(REP, list.requests.find((r) => r.origin === 'api')?.id as string)).json()) as RequestJson;
    expect(toho.account?.winWin).toMatchObject({ specialCost: 300_000, wonRevenue: 10_000_000, requestCount: 1 });
    // ¥300,000 is 10% of the deal's ¥3,000,000 margin: under 20%, no margin flag.
    expect(toho.flags.map((f) => f.code)).toEqual(['cost_over_routing']);
  });
});

// End to end over HTTP on a real Postgres: a request filed and decided through the API reaches the
// requests tab through the add-on's push sync. The plan writes the row's 状況, 承認者, 決裁日 and
// コメント from the workflow, and the deal's flags carry 要コスト確認.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isoDateInZone, serialFromIsoDate } from '../../../shared/calendar/iso-date.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { FLAG_MESSAGES } from '../../../shared/flags/flag-messages.ts';
import { serviceHeader, type ServiceColumnKey } from '../../../shared/write-plan/service-columns.ts';
import type { TabPlanWire, WritePlanWire } from '../../../server/push-sync/plan-wire.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { applyPlanWire, pushBody } from '../../support/service/apply-plan-wire.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import type { SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';
import { ADMIN, APPROVER, MANAGER, PEOPLE, REP, dealsGrid, lumpSum, requestsApi } from './request-fixture.ts';

const SHEET = '1RequestSheetMirrorxxxxxxxxxxxxxxxxxxxxxxxx';
// The wall clock, as in production: the engine stamps a push sync's run with it, and a sync tells
// a status it wrote from one typed by hand by comparing that stamp with the decisions' times.
const today = (): number => serialFromIsoDate(isoDateInZone(new Date(), 'Asia/Tokyo'));
const TITLE = '基幹システム更新';
const REQUEST_HEADERS = ['申請日', '申請種別', '顧客名', '案件名', '申請者', '背景', '依頼内容', '代替案', '概算コスト'];

interface PushAnswer {
  plan: WritePlanWire;
  summary: { cellsWritten: number };
}

describeIfPostgres('a request decided through the API, on the requests tab', () => {
  let h: ServiceHarness;
  let api: ReturnType<typeof requestsApi>;
  let grids: MutableGrid[];

  const push = async (): Promise<PushAnswer> => {
    const res = await h.call('POST', `/v1/spreadsheets/${SHEET}/sync`, { as: ADMIN, body: pushBody('requests', 'Asia/Tokyo', grids) });
    expect(res.status).toBe(200);
    return (await res.json()) as PushAnswer;
  };
  const dealsTab = () => grids[0] as MutableGrid;
  const requestsTab = () => grids[1] as MutableGrid;
  const tabOf = (plan: WritePlanWire, kind: TabPlanWire['kind']) => plan.tabs.find((t) => t.kind === kind);
  const headerRow = (grid: MutableGrid, header: string) => grid.rows.findIndex((r) => r.includes(header)) + 1;
  const requestColumn = (key: ServiceColumnKey) => (requestsTab().rows[0] ?? []).indexOf(serviceHeader(key, 'ja')) + 1;
  const dealFlags = (): CellValue => {
    const row = headerRow(dealsTab(), '顧客名');
    const column = (dealsTab().rows[row - 1] ?? []).indexOf(serviceHeader('flags', 'ja')) + 1;
    return dealsTab().rows.find((r) => r.includes(TITLE))?.[column - 1] ?? null;
  };
  /** The value a plan writes into one cell, from its runs. */
  const written = (tab: TabPlanWire | undefined, row: number, column: number): CellValue | undefined => {
    for (const run of tab?.runs ?? []) if (run.column === column && row >= run.startRow && row < run.startRow + run.values.length) return run.values[row - run.startRow];
    return undefined;
  };

  beforeAll(async () => {
    h = await startServiceHarness({ label: 'request_sheet_mirror', google: true });
    api = requestsApi(h, SHEET);
    grids = [dealsGrid(), { name: '特別対応申請', rows: [[...REQUEST_HEADERS]] }];
    (h.standIn as SheetsStandIn).createSpreadsheet({ spreadsheetId: SHEET, title: 'requests', timeZone: 'Asia/Tokyo', sheets: grids.map((g) => ({ title: g.name, rows: g.rows, valueInputOption: 'RAW' as const })), sharedWith: [ADMIN] });
    applyPlanWire(grids, (await push()).plan);
    for (const [email, roles] of Object.entries(PEOPLE)) {
      for (const role of roles) expect((await h.call('PUT', `/v1/spreadsheets/${SHEET}/members/${email}/roles/${role}`, { as: ADMIN })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('appends the filed request, then writes its approval into the row: 状況 承認, 承認者, 決裁日, コメント; the deal keeps 要コスト確認', async () => {
    const costReview = FLAG_MESSAGES.cost_review.label.ja;
    expect(String(dealFlags() ?? '')).not.toContain(costReview);
    const filed = await api.filed(REP, { dealTitle: TITLE, cost: lumpSum(150_000), submit: true });
    const id = filed.request.id;

    const appended = await push();
    const requestsPlan = tabOf(appended.plan, 'requests');
    expect(requestsPlan?.appends?.map((a) => a.id)).toEqual([id]);
    const cells = new Map((requestsPlan?.appends?.[0]?.cells ?? []).map((c) => [c.column, c.value]));
    expect(cells.get(requestColumn('status'))).toBe('承認待ち');
    expect(cells.get(requestColumn('approver'))).toBe('承認待ち: 承認者');
    expect(cells.get(requestColumn('cost'))).toBe(150_000);
    // The deal's flags cell: 要コスト確認 beside what its stage already says.
    const dealsPlan = tabOf(appended.plan, 'deals');
    const flagsRun = dealsPlan?.runs.find((r) => r.column === (dealsTab().rows[2] ?? []).indexOf(serviceHeader('flags', 'ja')) + 1);
    expect(flagsRun?.values.map(String)).toEqual([expect.stringContaining(costReview)]);
    applyPlanWire(grids, appended.plan);
    expect(String(dealFlags())).toContain(costReview);
    const row = requestsTab().rows.findIndex((r) => r.includes(id)) + 1;
    expect(row).toBe(2);

    await api.acted(APPROVER, id, { action: 'approve' });
    await api.acted(MANAGER, id, { action: 'approve', comment: '今回限りの対応とする' });

    const decided = await push();
    const plan = tabOf(decided.plan, 'requests');
    expect(written(plan, row, requestColumn('status'))).toBe('承認');
    expect(written(plan, row, requestColumn('approver'))).toBe(MANAGER);
    expect(written(plan, row, requestColumn('decidedOn'))).toBe(today());
    expect(written(plan, row, requestColumn('decisionComment'))).toBe('今回限りの対応とする');
    // Nothing else of the row: its team cells and cost stay as they are.
    for (const run of plan?.runs ?? []) expect(run.column).toBeGreaterThan(REQUEST_HEADERS.length);
    expect(written(plan, row, requestColumn('cost'))).toBeUndefined();
    applyPlanWire(grids, decided.plan);
    // Approved within the window, its cost still counts: the deal keeps 要コスト確認.
    expect(String(dealFlags())).toContain(costReview);
    expect(tabOf(decided.plan, 'deals')?.runs ?? []).toEqual([]);

    expect((await push()).summary.cellsWritten).toBe(0);
  });

  it('appends a request decided before the sheet ever showed it with its decision already in place', async () => {
    const filed = await api.filed(REP, { dealTitle: TITLE, cost: lumpSum(30_000), submit: true });
    await api.acted(APPROVER, filed.request.id, { action: 'approve', comment: '承認します' });
    const answer = await push();
    const append = tabOf(answer.plan, 'requests')?.appends?.find((a) => a.id === filed.request.id);
    const cells = new Map((append?.cells ?? []).map((c) => [c.column, c.value]));
    expect(cells.get(requestColumn('status'))).toBe('承認');
    expect(cells.get(requestColumn('approver'))).toBe(APPROVER);
    expect(cells.get(requestColumn('decidedOn'))).toBe(today());
    expect(cells.get(requestColumn('decisionComment'))).toBe('承認します');
    applyPlanWire(grids, answer.plan);
    expect((await push()).summary.cellsWritten).toBe(0);
  });
});

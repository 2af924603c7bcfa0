// A visit on a deal whose special request needs a cost review: the answer's flags cell keeps
// 要コスト確認, computed and hashed as the sync computes it, so the sync right after the visit
// writes nothing for that deal. With and without a requests tab, over HTTP on a real Postgres.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { FLAG_MESSAGES } from '../../../shared/flags/flag-messages.ts';
import type { WritePlanWire } from '../../../server/push-sync/plan-wire.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { applyPlanWire, pushBody } from '../../support/service/apply-plan-wire.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import type { SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';
import { BACKGROUND, lumpSum } from '../requests/request-fixture.ts';
import { cellOf, columnOf, dealGrid, serial, serviceHeaderOf } from '../sync/test-sheet.ts';

const ADMIN = 'alice@example.co.jp';
const REP = 'bob@example.co.jp';
// 2026-11-20 09:00 in Tokyo.
const NOW = new Date('2026-11-20T00:00:00Z');
const TITLE = '基幹システム更新';
const ACCOUNT = '株式会社サンプル';
const REQUEST_HEADERS = ['申請日', '申請種別', '顧客名', '案件名', '申請者', '背景', '依頼内容', '代替案', '概算コスト', '状態'];

interface PushAnswer {
  plan: WritePlanWire;
  summary: { cellsWritten: number };
}
interface VisitAnswer {
  deal: { id: string; flags: { code: string; label: string }[]; raised: string[]; cleared: string[] } | null;
  plan: WritePlanWire;
}

function deals(): MutableGrid {
  return dealGrid([
    // The quote went out 20 days ago: the ball sits with the customer, and the quote stage is stale.
    { title: TITLE, account: ACCOUNT, stage: '見積提出', owner: '佐藤', quoteSentOn: serial('2026-10-31') },
    { title: '倉庫管理 PoC', account: '東邦物流', stage: '提案', owner: '田中', stageChangedOn: serial('2026-11-18') },
  ]);
}

const requestsTab = (): MutableGrid => ({ name: '特別対応申請', rows: [[...REQUEST_HEADERS]] });

describeIfPostgres('a visit on a deal under cost review', () => {
  let h: ServiceHarness;
  beforeAll(async () => {
    h = await startServiceHarness({ label: 'visit_cost_review', clock: () => NOW, google: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  const costReview = FLAG_MESSAGES.cost_review.label.ja;
  const ballFollowUp = FLAG_MESSAGES.ball_follow_up.label.ja;

  async function sheet(spreadsheetId: string, withRequestsTab: boolean) {
    const grids = withRequestsTab ? [deals(), requestsTab()] : [deals()];
    (h.standIn as SheetsStandIn).createSpreadsheet({
      spreadsheetId,
      title: '営業管理表',
      timeZone: 'Asia/Tokyo',
      sheets: grids.map((g) => ({ title: g.name, rows: g.rows, valueInputOption: 'RAW' as const })),
      sharedWith: [ADMIN],
    });
    const base = `/v1/spreadsheets/${spreadsheetId}`;
    const push = async (): Promise<PushAnswer> => {
      const res = await h.call('POST', `${base}/sync`, { as: ADMIN, body: pushBody('営業管理表', 'Asia/Tokyo', grids) });
      expect(res.status).toBe(200);
      const answer = (await res.json()) as PushAnswer;
      applyPlanWire(grids, answer.plan);
      return answer;
    };
    await push();
    expect((await h.call('PUT', `${base}/members/${REP}/roles/member`, { as: ADMIN })).status).toBe(200);
    const dealsGrid = grids[0] as MutableGrid;
    return { grids, base, push, dealsGrid, flagsCell: (): CellValue => cellOf(dealsGrid, TITLE, serviceHeaderOf('flags')) };
  }

  /** Files a request costly enough for two approvers (要コスト確認(高額)) and submits it. */
  async function fileCostly(base: string): Promise<void> {
    const res = await h.call('POST', `${base}/requests`, {
      as: REP,
      body: { type: 'special_delivery', background: BACKGROUND, description: '特急便での納品', dealTitle: TITLE, cost: lumpSum(150_000), submit: true },
    });
    expect(res.status).toBe(201);
  }

  const visit = async (base: string): Promise<VisitAnswer> => {
    // The ball comes back to us: the follow-up flag clears, so the flags cell is rewritten.
    const res = await h.call('POST', `${base}/visits`, { as: REP, body: { visitedOn: '2026-11-20', dealTitle: TITLE, account: ACCOUNT, discussed: '納期の相談', ballAfter: 'us' } });
    expect(res.status).toBe(201);
    return (await res.json()) as VisitAnswer;
  };

  const dealRuns = (plan: WritePlanWire) => plan.tabs.find((t) => t.kind === 'deals')?.runs ?? [];

  it.each([
    ['with a requests tab, synced since the request was filed', '1VisitCostReviewTabxxxxxxxxxxxxxxxxxxxxxxxxx', true],
    ['without a requests tab, before any sync has seen the request', '1VisitCostReviewNoTabxxxxxxxxxxxxxxxxxxxxxxx', false],
  ] as const)('keeps 要コスト確認 in the answer %s, and the next sync writes nothing for the deal', async (_name, spreadsheetId, withTab) => {
    const s = await sheet(spreadsheetId, withTab);
    expect(String(s.flagsCell())).toContain(ballFollowUp);
    await fileCostly(s.base);
    if (withTab) {
      await s.push();
      expect(String(s.flagsCell())).toContain(costReview);
    }

    const answer = await visit(s.base);
    expect(answer.deal?.cleared).toEqual(['ball_follow_up']);
    expect(answer.deal?.flags.map((f) => f.code)).toEqual(['stale', 'cost_review']);
    // Raised by the visit only where no sync had shown it yet: news once, never twice.
    expect(answer.deal?.raised).toEqual(withTab ? [] : ['cost_review']);
    const flagsColumn = columnOf(s.dealsGrid, serviceHeaderOf('flags'));
    const flagsRun = dealRuns(answer.plan).find((r) => r.column === flagsColumn);
    expect(flagsRun?.values).toHaveLength(1);
    expect(String(flagsRun?.values[0])).toContain(costReview);
    expect(String(flagsRun?.values[0])).not.toContain(ballFollowUp);
    applyPlanWire(s.grids, answer.plan);
    const shown = s.flagsCell();

    const after = await s.push();
    expect(dealRuns(after.plan)).toEqual([]);
    expect(s.flagsCell()).toBe(shown);
    const raised = await h.service.db
      .selectFrom('feed_entries')
      .select('payload')
      .where('spreadsheet_id', '=', spreadsheetId)
      .where('kind', '=', 'flag_raised')
      .where('deal_id', '=', answer.deal?.id ?? '')
      .execute();
    const costReviewNews = raised.filter((e) => (e.payload as { raised: { code: string }[] }).raised.some((r) => r.code === 'cost_review'));
    expect(costReviewNews).toHaveLength(1);
  });
});

// A visit's planned next action counts for the deal's 期限切れ, whichever way the visit came: logged
// through the API or typed into the visits tab and pushed. The answer's flags, the flags cell, the
// deal card and the next sync all go by the same effective next action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText } from '../../../shared/cells/cell-text.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { FLAG_MESSAGES } from '../../../shared/flags/flag-messages.ts';
import type { WritePlanWire } from '../../../server/push-sync/plan-wire.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { applyPlanWire, pushBody } from '../../support/service/apply-plan-wire.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import type { SheetsStandIn } from '../../support/sheets-api/sheets-stand-in.ts';
import { cellOf, dealGrid, idOf, rowOf, serial, serviceHeaderOf } from '../sync/test-sheet.ts';

const SHEET = '1NnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnNN';
const ALICE = 'alice@example.co.jp';
// 2026-11-20 09:00 in Tokyo.
const NOW = new Date('2026-11-20T00:00:00Z');
const OVERDUE = FLAG_MESSAGES.next_action_overdue.label.ja;
const VISITS = '訪問記録';
const VISIT_HEADERS = ['訪問日', '顧客名', '案件名', '担当者', '面談者', '商談内容', 'お客様の要望', '次回アクション', '次回予定日', 'ボール'];
const ACCOUNT = '北斗製作所';
// Both deals' own next action was due days ago; nothing else about them raises a flag.
const BY_API = '生産管理システム';
const BY_TAB = '品質管理システム';

interface Card {
  nextAction: string | null;
  nextActionOn: string | null;
  flags: { code: string; label: string; reason: string }[];
  daysInStage: number | null;
}
interface VisitAnswer {
  deal: { id: string; sheetRow: number | null; flags: { code: string; label: string; reason: string }[]; cleared: string[]; raised: string[] } | null;
  plan: WritePlanWire;
}
interface PushAnswer {
  plan: WritePlanWire;
  summary: { cellsWritten: number };
}

function visitRow(visitedOn: string, title: string, discussed: string, nextAction: string | null, nextActionOn: string | null): CellValue[] {
  return [serial(visitedOn), ACCOUNT, title, '佐藤', '製造部 木村課長', discussed, null, nextAction, nextActionOn === null ? null : serial(nextActionOn), null];
}

describeIfPostgres('a visit\'s planned next action and the deal\'s 期限切れ', () => {
  let h: ServiceHarness;
  let now = NOW;
  const deals = dealGrid([
    { title: BY_API, account: ACCOUNT, stage: '提案', owner: '佐藤', nextActionOn: serial('2026-11-16'), stageChangedOn: serial('2026-11-18') },
    { title: BY_TAB, account: ACCOUNT, stage: '提案', owner: '佐藤', nextActionOn: serial('2026-11-17'), stageChangedOn: serial('2026-11-18') },
  ]);
  // A visit that planned nothing leaves the sheet's date standing.
  const visits: MutableGrid = { name: VISITS, rows: [['訪問記録'], [], [...VISIT_HEADERS], visitRow('2026-11-12', BY_TAB, '課題のヒアリング', null, null)] };
  const grids = [deals, visits];
  const base = `/v1/spreadsheets/${SHEET}`;

  const push = async (): Promise<PushAnswer> => {
    const res = await h.call('POST', `${base}/sync`, { as: ALICE, body: pushBody('営業管理表', 'Asia/Tokyo', grids) });
    expect(res.status).toBe(200);
    return (await res.json()) as PushAnswer;
  };
  const card = async (title: string): Promise<Card> => {
    const res = await h.call('GET', `${base}/deals/${idOf(deals, title)}`, { as: ALICE });
    expect(res.status).toBe(200);
    return (await res.json()) as Card;
  };
  const cells = (title: string) => ({
    flags: cellText(cellOf(deals, title, serviceHeaderOf('flags'))),
    reasons: cellText(cellOf(deals, title, serviceHeaderOf('flagReasons'))),
  });
  const shown = (c: Card) => ({ flags: c.flags.map((f) => f.label).join(', '), reasons: c.flags.map((f) => f.reason).join('; ') });
  /** The deals tab's runs that touch the deal's row. */
  const runsOnRow = (plan: WritePlanWire, title: string) => {
    const row = rowOf(deals, title).sheetRow;
    return plan.tabs.filter((t) => t.kind === 'deals').flatMap((t) => t.runs.filter((r) => r.startRow <= row && row < r.startRow + r.values.length));
  };

  beforeAll(async () => {
    h = await startServiceHarness({ label: 'visit_next_action', clock: () => now, google: true });
    (h.standIn as SheetsStandIn).createSpreadsheet({
      spreadsheetId: SHEET,
      title: '営業管理表',
      timeZone: 'Asia/Tokyo',
      sheets: grids.map((g) => ({ title: g.name, rows: g.rows, valueInputOption: 'RAW' as const })),
      sharedWith: [ALICE],
    });
    applyPlanWire(grids, (await push()).plan);
    expect(cells(BY_API)).toEqual({ flags: OVERDUE, reasons: '次回アクション期日2026-11-16を4日超過' });
    expect(cells(BY_TAB)).toEqual({ flags: OVERDUE, reasons: '次回アクション期日2026-11-17を3日超過' });
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('a visit logged through the API', () => {
    it('clears 期限切れ in the answer when it plans a later step, the card agrees, and the next sync writes nothing for the deal', async () => {
      const res = await h.call('POST', `${base}/visits`, {
        as: ALICE,
        body: { visitedOn: '2026-11-20', dealId: idOf(deals, BY_API), discussed: '要件の確認', nextAction: '提案書の提出', nextActionOn: '2026-11-27', ballAfter: 'us' },
      });
      expect(res.status).toBe(201);
      const answer = (await res.json()) as VisitAnswer;
      expect(answer.deal?.flags).toEqual([]);
      expect(answer.deal?.cleared).toEqual(['next_action_overdue']);
      const flagsRun = runsOnRow(answer.plan, BY_API).find((r) => r.values.includes(OVERDUE));
      expect(flagsRun).toBeUndefined();

      applyPlanWire(grids, answer.plan);
      expect(cells(BY_API)).toEqual({ flags: '', reasons: '' });
      const c = await card(BY_API);
      expect(c).toMatchObject({ nextAction: '提案書の提出', nextActionOn: '2026-11-27', flags: [] });
      expect(shown(c)).toEqual(cells(BY_API));

      const again = await push();
      expect(runsOnRow(again.plan, BY_API)).toEqual([]);
      expect(again.summary.cellsWritten).toBe(0);
      expect(cells(BY_API)).toEqual({ flags: '', reasons: '' });
    });

    it('names the visit\'s date once that step is overdue in turn', async () => {
      try {
        now = new Date('2026-11-30T00:00:00Z');
        const c = await card(BY_API);
        expect(c.flags.map((f) => [f.label, f.reason])).toEqual([[OVERDUE, '次回アクション期日2026-11-27を3日超過']]);
      } finally {
        now = NOW;
      }
    });
  });

  describe('a visit typed into the visits tab', () => {
    it('clears 期限切れ in the push sync that reads it, the card agrees, and a sync right after writes nothing', async () => {
      visits.rows.push(visitRow('2026-11-19', BY_TAB, '見積条件の確認', '見積の再提出', '2026-11-26'));
      const first = await push();
      const runs = runsOnRow(first.plan, BY_TAB);
      expect(runs.length).toBeGreaterThan(0);
      expect(runs.flatMap((r) => r.values)).not.toContain(OVERDUE);
      applyPlanWire(grids, first.plan);
      expect(cells(BY_TAB)).toEqual({ flags: '', reasons: '' });

      const c = await card(BY_TAB);
      expect(c).toMatchObject({ nextAction: '見積の再提出', nextActionOn: '2026-11-26', flags: [] });
      expect(shown(c)).toEqual(cells(BY_TAB));

      const again = await push();
      expect(runsOnRow(again.plan, BY_TAB)).toEqual([]);
      expect(again.summary.cellsWritten).toBe(0);
    });

    it('raises 期限切れ again when a later visit in the tab brings the step forward to a day already past', async () => {
      // The latest visit's plan is the current one, even though an earlier visit planned a later day.
      visits.rows.push(visitRow('2026-11-20', BY_TAB, '先方都合で前倒し', '見積の再提出(前倒し)', '2026-11-20'));
      applyPlanWire(grids, (await push()).plan);
      expect(cells(BY_TAB)).toEqual({ flags: '', reasons: '' });
      try {
        now = new Date('2026-11-22T00:00:00Z');
        applyPlanWire(grids, (await push()).plan);
        expect(cells(BY_TAB)).toEqual({ flags: OVERDUE, reasons: '次回アクション期日2026-11-20を2日超過' });
        const c = await card(BY_TAB);
        expect(c).toMatchObject({ nextAction: '見積の再提出(前倒し)', nextActionOn: '2026-11-20' });
        expect(shown(c)).toEqual(cells(BY_TAB));
      } finally {
        now = NOW;
      }
    });
  });
});

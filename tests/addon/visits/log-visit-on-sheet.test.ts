// A rep logs a visit from the sidebar: the built add-on on the Apps Script fakes, the real
// service behind it. The deal card shows the ball sitting with the customer; after the visit the
// deal row's flags cell no longer says so, the card says so at once, the visits tab gains the row,
// and none of the team's cells change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealCard, RpcResult, VisitPrefill, VisitSaved } from '../../../addon/src/rpc/sidebar-rpc.ts';
import type { FakeSpreadsheetInit } from '../../support/apps-script/addon-sandbox.ts';
import type { SpreadsheetSnapshot } from '../../support/apps-script/apps-script-records.ts';
import { describeIfPostgres } from '../../support/postgres-database.ts';
import { cellAt, columnOfHeader, sheetOf, startAddonWithService, teamCells, tokyoDay, type AddonWithService } from '../bootstrap/addon-with-service.ts';
import { errorOf, okValue, setUpAsProposed } from '../bootstrap/setup-choices.ts';

const LEAD = 'yamada@example.co.jp';
const REP = 'sato@example.co.jp';
// 10:00 on 2026-11-20 in Tokyo.
const NOW = new Date('2026-11-20T01:00:00Z');
const DEALS = '案件一覧';
const HEADERS = ['顧客名', '案件名', '担当者', 'ステージ', '見積提出日', 'ステージ変更日', '次回予定日', '備考'];
const DEAL_ROW = 4;

const spreadsheet: FakeSpreadsheetInit = {
  id: '1VisitFromSidebarAbcdefghijklmnopqrstuvwxyz01',
  name: '2026年度 営業案件管理表',
  timeZone: 'Asia/Tokyo',
  sheets: [
    {
      name: DEALS,
      rows: [
        ['営業案件一覧'],
        [],
        HEADERS,
        // The quote went out three weeks ago and nobody has been back since: the ball sits with the customer.
        ['株式会社サンプル', '基幹システム更新', '佐藤', '見積提出', tokyoDay('2026-10-30'), tokyoDay('2026-11-12'), null, '部長決裁待ち'],
        ['東邦物流', '倉庫管理 PoC', '田中', '提案', null, tokyoDay('2026-11-18'), null, null],
      ],
    },
    { name: '訪問記録', rows: [['訪問日', '顧客名', '案件名', '担当者', '面談者', '商談内容', 'お客様の要望', '次回アクション', '次回予定日', 'ボール']] },
  ],
};

describeIfPostgres('logging a visit from the sidebar', () => {
  let env: AddonWithService;
  let before: SpreadsheetSnapshot;
  let flagsColumn: number;

  beforeAll(async () => {
    env = await startAddonWithService({ label: 'addon_visit', spreadsheet, people: [LEAD, REP], user: LEAD, now: NOW });
    await setUpAsProposed(env.runtime);
    await env.grant(LEAD, REP, 'member');
    await env.actAs(REP);
    before = await env.runtime.snapshot();
    flagsColumn = columnOfHeader(before, DEALS, 3, 'フラグ [SFA]');
    await env.runtime.setActiveCell(DEALS, DEAL_ROW, 2);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('shows the deal card of the active row: the ball with the customer for 21 days, flagged', async () => {
    expect(String(cellAt(before, DEALS, DEAL_ROW, flagsColumn))).toContain('ボール滞留');
    const card = okValue(await env.runtime.call<RpcResult<DealCard>>('sidebarDealCard'));
    expect(card).toMatchObject({ sheet: DEALS, row: DEAL_ROW, title: '基幹システム更新', account: '株式会社サンプル', owner: '佐藤', ball: 'customer', ballSince: '2026-10-30', ballDays: 21 });
    expect(card.stage).toEqual({ code: 'quote', label: '見積提出' });
    expect(card.daysInStage).toBe(8);
    expect(card.flags.find((f) => f.code === 'ball_follow_up')).toMatchObject({ label: 'ボール滞留', tone: 'warning' });
    expect(card.recentVisits).toEqual([]);
  });

  it('prefills the visit form from the active row', async () => {
    const prefill = okValue(await env.runtime.call<RpcResult<VisitPrefill>>('sidebarVisitPrefill'));
    const idColumn = columnOfHeader(before, DEALS, 3, 'ID [SFA]');
    expect(prefill).toEqual({ visitedOn: '2026-11-20', dealId: cellAt(before, DEALS, DEAL_ROW, idColumn), dealTitle: '基幹システム更新', account: '株式会社サンプル', ball: 'customer' });
  });

  it('refuses a visit in the future with the field named, writing nothing', async () => {
    await env.runtime.clearRecords();
    const prefill = okValue(await env.runtime.call<RpcResult<VisitPrefill>>('sidebarVisitPrefill'));
    const error = errorOf(await env.runtime.call<RpcResult<VisitSaved>>('sidebarLogVisit', { visitedOn: '2026-11-27', dealId: prefill.dealId }));
    expect(error.code).toBe('invalid');
    expect(error.fields?.visitedOn).toContain('2026-11-27 is in the future');
    expect(await env.runtime.writes()).toEqual([]);
  });

  describe('when the rep sorts the sheet, then logs the visit that hands the ball back', () => {
    let saved: VisitSaved;
    let sorted: SpreadsheetSnapshot;
    let after: SpreadsheetSnapshot;
    // Sorted by account, descending: the deal moves down a row after the sync that saw it on row 4.
    const MOVED_ROW = DEAL_ROW + 1;

    beforeAll(async () => {
      await env.runtime.sortRows(DEALS, 4, 1, false);
      sorted = await env.runtime.snapshot();
      expect(cellAt(sorted, DEALS, MOVED_ROW, 2)).toBe('基幹システム更新');
      await env.runtime.setActiveCell(DEALS, MOVED_ROW, 2);
      await env.runtime.clearRecords();
      const prefill = okValue(await env.runtime.call<RpcResult<VisitPrefill>>('sidebarVisitPrefill'));
      saved = okValue(
        await env.runtime.call<RpcResult<VisitSaved>>('sidebarLogVisit', {
          visitedOn: prefill.visitedOn,
          dealId: prefill.dealId,
          dealTitle: prefill.dealTitle,
          account: prefill.account,
          met: '情報システム部 山田部長',
          discussed: '見積内容の確認',
          customerAsked: '納期を1週間早めてほしい',
          nextAction: '修正見積の提出',
          nextActionOn: '2026-11-25',
          ballAfter: 'us',
        }),
      );
      after = await env.runtime.snapshot();
    });

    it('answers with the fresh card: the ball is ours and the follow-up flag is gone', () => {
      expect(saved.deferred).toBe(0);
      expect(saved.cellsWritten).toBeGreaterThan(0);
      expect(saved.card).toMatchObject({ title: '基幹システム更新', ball: 'us', ballDays: null });
      expect(saved.card?.flags.map((f) => f.code)).not.toContain('ball_follow_up');
      expect(saved.card?.recentVisits).toEqual([expect.objectContaining({ id: saved.visitId, visitedOn: '2026-11-20', met: '情報システム部 山田部長', customerAsked: '納期を1週間早めてほしい' })]);
    });

    it('rewrites the deal row\'s flags cell at once, on the row the deal sits on now', () => {
      expect(saved.card).toMatchObject({ row: MOVED_ROW });
      expect(String(cellAt(after, DEALS, MOVED_ROW, flagsColumn))).not.toContain('ボール滞留');
      expect(cellAt(after, DEALS, DEAL_ROW, flagsColumn)).toBe(cellAt(sorted, DEALS, DEAL_ROW, flagsColumn));
    });

    it('adds the visit\'s row to the visits tab', () => {
      const visits = sheetOf(after, '訪問記録').values;
      expect(visits).toHaveLength(2);
      expect(visits[1]?.slice(0, 10)).toEqual([{ date: tokyoDay('2026-11-20').toISOString() }, '株式会社サンプル', '基幹システム更新', REP, '情報システム部 山田部長', '見積内容の確認', '納期を1週間早めてほしい', '修正見積の提出', { date: tokyoDay('2026-11-25').toISOString() }, '自社']);
    });

    it('changes none of the team\'s cells', async () => {
      expect(teamCells(after, DEALS, HEADERS.length)).toEqual(teamCells(sorted, DEALS, HEADERS.length));
      const writes = await env.runtime.writes();
      expect(writes.filter((w) => w.sheet === DEALS && w.column <= HEADERS.length)).toEqual([]);
      expect(writes.some((w) => w.formula)).toBe(false);
    });

    it('leaves nothing for the next sync to write on the deal', async () => {
      const synced = okValue(await env.runtime.call<RpcResult<{ cellsWritten: number }>>('sidebarSyncNow'));
      expect(synced.cellsWritten).toBe(0);
    });
  });
});

// The deal card on a large sheet: a card is read every time the cursor moves to a deal row, so it
// must not read the whole spreadsheet. A deal no request names reads a handful of rows; one a
// request names still carries 要コスト確認. And the card goes by the visits the sheet still has.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialFromIsoDate, type IsoDate } from '../../../shared/calendar/iso-date.ts';
import { dealView } from '../../../server/deals/deal-view.service.ts';
import { VisitBody } from '../../../server/visits/visit.schemas.ts';
import { logVisit } from '../../../server/visits/visit.service.ts';
import { syncSpreadsheet } from '../../../server/sync/sync-engine.ts';
import { dealsGrid, type DealInput } from '../requests/request-fixture.ts';
import { PGLITE, type SyncDatabase } from '../sync/test-databases.ts';
import { gridSource, visitGrid, VISIT_HEADERS } from '../sync/test-sheet.ts';

const SID = 'deal-view-large';
const TODAY: IsoDate = '2026-11-20';
const NOW = new Date('2026-11-20T00:00:00Z');
const DEALS = 400;
const REQUEST_HEADERS = ['申請日', '申請種別', '顧客名', '案件名', '申請者', '背景', '依頼内容', '代替案', '概算コスト', '状態'];
const BACKGROUND = '競合他社が同条件で納期短縮を提示しており、失注の恐れがあるため';

/** Counts the rows every query returns. */
class RowCounter implements KyselyPlugin {
  rows = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.rows += args.result.rows.length;
    return args.result;
  }
}

const deal = (i: number): DealInput => ({ account: `取引先${i % 50}`, title: `案件${i}`, stage: '提案', amount: 1_000_000, grossMargin: 300_000, stageChangedOn: '2026-11-10' });

describe('dealView', () => {
  describe('on a large sheet', () => {
    let database: SyncDatabase;
    const idOf = async (title: string): Promise<string> =>
      (await database.db.selectFrom('deals').select('id').where('spreadsheet_id', '=', SID).where('title', '=', title).executeTakeFirstOrThrow()).id;

    beforeAll(async () => {
      database = await PGLITE.open('deal_view_large');
      const requests = {
        name: '特別対応申請',
        // One costly request, on 案件0.
        rows: [[...REQUEST_HEADERS], [serialFromIsoDate('2026-11-18'), '特別納品', '取引先0', '案件0', '佐藤', BACKGROUND, '特急便', null, 1_200_000, null]],
      };
      await syncSpreadsheet(database.db, gridSource(SID, dealsGrid(Array.from({ length: DEALS }, (_, i) => deal(i))), requests), { now: TODAY, clock: () => NOW });
    }, 120_000);
    afterAll(async () => {
      await database?.close();
    });

    it('reads a handful of rows, not every deal, for a deal no request names', async () => {
      const counter = new RowCounter();
      const view = await dealView(database.db.withPlugin(counter), { spreadsheetId: SID, dealId: await idOf('案件123'), locale: 'ja', now: NOW });
      expect(view?.flags.map((f) => f.code)).toEqual([]);
      expect(counter.rows).toBeLessThan(20);
    });

    it('still shows 要コスト確認 on the deal the request names', async () => {
      const view = await dealView(database.db, { spreadsheetId: SID, dealId: await idOf('案件0'), locale: 'ja', now: NOW });
      expect(view?.flags.map((f) => [f.label, f.reason])).toEqual([['要コスト確認', '特別依頼1件(見積計¥1,200,000)のコストが要確認']]);
    });
  });

  describe('after a visit logged through the API leaves the visits tab', () => {
    const sid = 'deal-view-removed-visit';
    let database: SyncDatabase;
    beforeAll(async () => {
      database = await PGLITE.open('deal_view_removed_visit');
    });
    afterAll(async () => {
      await database?.close();
    });

    it('no longer counts it as the deal\'s last contact, ball or next step', async () => {
      const deals = dealsGrid([deal(1)]);
      const visits = visitGrid([]);
      const source = gridSource(sid, deals, visits);
      await syncSpreadsheet(database.db, source, { now: TODAY, clock: () => NOW });
      const dealId = (await database.db.selectFrom('deals').select('id').where('spreadsheet_id', '=', sid).executeTakeFirstOrThrow()).id;
      const logged = await logVisit(database.db, {
        spreadsheetId: sid,
        caller: 'sato@example.co.jp',
        body: VisitBody.parse({ visitedOn: '2026-11-19', dealId, nextAction: '見積の提出', nextActionOn: '2026-11-27', ballAfter: 'customer' }),
        at: NOW,
      });
      await source.apply(logged.plan);
      await syncSpreadsheet(database.db, source, { now: TODAY, clock: () => NOW });
      expect(await dealView(database.db, { spreadsheetId: sid, dealId, locale: 'ja', now: NOW })).toMatchObject({ lastContactOn: '2026-11-19', ball: 'customer', nextActionOn: '2026-11-27' });

      // The team deletes the visit's row: the sync makes it a tombstone.
      const dateColumn = (visits.rows[2] ?? []).indexOf(VISIT_HEADERS.visitedOn);
      visits.rows = visits.rows.filter((cells, i) => i < 3 || cells[dateColumn] === null || cells[dateColumn] === undefined);
      await syncSpreadsheet(database.db, source, { now: TODAY, clock: () => NOW });
      expect(await dealView(database.db, { spreadsheetId: sid, dealId, locale: 'ja', now: NOW })).toMatchObject({ lastContactOn: null, ball: null, nextActionOn: null });
    });
  });
});

// Rows born in the API (a visit logged, a request filed) before the sheet shows them: the sync
// never tombstones them for being missing, appends them again until the sheet shows their id, and
// from then on treats them as any other row. On PGlite and on Postgres.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../shared/calendar/iso-date.ts';
import { serialFromIsoDate } from '../../../shared/calendar/iso-date.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { FLAG_MESSAGES } from '../../../shared/flags/flag-messages.ts';
import type { Db } from '../../../server/db/database.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import type { SheetSource } from '../../../server/sync/sheet-source.ts';
import { syncSpreadsheet } from '../../../server/sync/sync-engine.ts';
import type { SyncReport } from '../../../server/sync/sync-report.ts';
import { logVisit, type LoggedVisitResult } from '../../../server/visits/visit.service.ts';
import type { VisitBody } from '../../../server/visits/visit.schemas.ts';
import { FlakySource } from './flaky-source.ts';
import { BACKENDS, type SyncDatabase } from './test-databases.ts';
import { cellOf, dealGrid, deleteRow, gridSource, serial, serviceHeaderOf, visitGrid, VISITS_SHEET, type DealRowInput } from './test-sheet.ts';

const TODAY: IsoDate = '2026-12-01';
// 09:00 in Tokyo on TODAY.
const AT = new Date('2026-12-01T00:00:00Z');

const DEALS: readonly DealRowInput[] = [
  // Quote out 20 days ago, ball column empty: the ball sits with the customer.
  { title: '基幹システム更改', account: '山田製作所', owner: '佐藤', stage: '見積提出', quoteSentOn: serial('2026-11-11') },
  { title: '保守契約更新', account: '東西物産', owner: '鈴木', stage: '提案', stageChangedOn: serial('2026-11-25') },
];

const visitsTab = (report: SyncReport) => report.tabs.find((t) => t.kind === 'visits');
const appendsOf = (report: SyncReport, kind: 'visits' | 'requests') => report.plan.tabs.find((t) => t.kind === kind)?.appends ?? [];

describe.each(BACKENDS)('rows born in the API on $name', (backend) => {
  backend.describe('rows born in the API', () => {
    let database: SyncDatabase;
    let db: Db;

    beforeAll(async () => {
      database = await backend.open('api_rows');
      db = database.db;
    });
    afterAll(async () => {
      await database?.close();
    });

    const sync = (source: SheetSource, now: IsoDate = TODAY) => syncSpreadsheet(db, source, { now, clock: () => AT });

    async function newSheet(withVisits = true) {
      const id = `api-rows-${randomUUID()}`;
      const deals = dealGrid(DEALS);
      const visits = visitGrid([{ visitedOn: serial('2026-11-28'), account: '東西物産', dealTitle: '保守契約更新', ball: '自社' }]);
      const grids: MutableGrid[] = withVisits ? [deals, visits] : [deals];
      const source = gridSource(id, ...grids);
      await sync(source);
      return { id, deals, visits, source };
    }

    const log = (spreadsheetId: string, body: Partial<VisitBody>): Promise<LoggedVisitResult> =>
      logVisit(db, { spreadsheetId, caller: 'rep@example.co.jp', at: AT, body: { visitedOn: TODAY, ...body } as VisitBody });

    const visitRows = (spreadsheetId: string) =>
      db.selectFrom('visits').select(['id', 'pending_append', 'removed_at', 'row_hash']).where('spreadsheet_id', '=', spreadsheetId).orderBy('first_seen_at').execute();

    it('appends a visit the add-on never wrote instead of tombstoning it, then clears its flag once the sheet shows it', async () => {
      const { id, visits, source } = await newSheet();
      const logged = await log(id, { dealTitle: '基幹システム更改', account: '山田製作所', ballAfter: 'us', customerAsked: '分割納品' });
      // The add-on did not apply logged.plan: the sheet lacks the row.
      const first = await sync(source);
      expect((await visitRows(id)).find((v) => v.id === logged.visit.id)).toMatchObject({ pending_append: true, removed_at: null });
      expect(visitsTab(first)).toMatchObject({ removed: 0 });
      expect(appendsOf(first, 'visits').map((a) => a.id)).toEqual([logged.visit.id]);
      expect(first.cellsWritten).toBeGreaterThan(0);
      // Applied by the source: the row sits below the last one, with its id.
      const added = visits.rows.at(-1) as CellValue[];
      expect(added).toContain(logged.visit.id);
      expect(added[0]).toBe(serialFromIsoDate(TODAY));

      const second = await sync(source);
      expect(second.cellsWritten).toBe(0);
      expect(appendsOf(second, 'visits')).toEqual([]);
      expect(visitsTab(second)).toMatchObject({ read: 2, inserted: 0, updated: 0, unchanged: 2, removed: 0 });
      const rows = await visitRows(id);
      expect(rows).toHaveLength(2);
      expect(rows.find((v) => v.id === logged.visit.id)).toMatchObject({ pending_append: false, removed_at: null });
    });

    it('tombstones an API-born visit the sheet showed and a user then deleted, as any row', async () => {
      const { id, visits, source } = await newSheet();
      const logged = await log(id, { account: '東西物産', customerAsked: '保守の延長' });
      await sync(source);
      await sync(source);
      const index = visits.rows.findIndex((r) => r.includes(logged.visit.id));
      visits.rows.splice(index, 1);
      const report = await sync(source);
      expect(visitsTab(report)).toMatchObject({ removed: 1 });
      expect(appendsOf(report, 'visits')).toEqual([]);
      expect((await visitRows(id)).find((v) => v.id === logged.visit.id)?.removed_at).not.toBeNull();
    });

    it('appends again after a failed write-back, and never twice', async () => {
      const { id, visits, source } = await newSheet();
      const flaky = new FlakySource(source);
      const logged = await log(id, { account: '東西物産', discussed: '定例' });
      await expect(sync(flaky)).rejects.toThrow(/503/);
      expect(visits.rows.some((r) => r.includes(logged.visit.id))).toBe(false);
      flaky.failing = false;
      const retried = await sync(flaky);
      expect(appendsOf(retried, 'visits').map((a) => a.id)).toEqual([logged.visit.id]);
      expect((await sync(flaky)).cellsWritten).toBe(0);
      expect(visits.rows.filter((r) => r.includes(logged.visit.id))).toHaveLength(1);
      expect(await visitRows(id)).toHaveLength(2);
    });

    it('skips a row the sheet already shows when a second plan asks to append it too', async () => {
      const { id, visits, source } = await newSheet();
      const logged = await log(id, { account: '東西物産' });
      await sync(source);
      // The add-on applies the API's plan late, after the sync appended the same row.
      await source.apply({ spreadsheetId: id, tabs: logged.plan.tabs.map((t) => ({ ...t })) });
      expect(visits.rows.filter((r) => r.includes(logged.visit.id))).toHaveLength(1);
      expect((await sync(source)).cellsWritten).toBe(0);
    });

    it('keeps a visit pending, and its deal fresh, when the sheet has no visits tab', async () => {
      const { id, deals, source } = await newSheet(false);
      const logged = await log(id, { dealTitle: '基幹システム更改', account: '山田製作所', ballAfter: 'us' });
      expect(logged.plan.tabs.map((t) => t.kind)).toEqual(['deals']);
      const ballLabel = FLAG_MESSAGES.ball_follow_up.label.ja;
      expect(String(cellOf(deals, '基幹システム更改', serviceHeaderOf('flags')))).toContain(ballLabel);
      // The plan was not applied: the sync writes the same cells, counting the visit in.
      const report = await sync(source);
      expect(String(cellOf(deals, '基幹システム更改', serviceHeaderOf('flags')))).not.toContain(ballLabel);
      expect(report.plan.tabs.map((t) => t.kind)).toEqual(['deals']);
      expect(await visitRows(id)).toEqual([expect.objectContaining({ id: logged.visit.id, pending_append: true, removed_at: null })]);
      expect((await sync(source)).cellsWritten).toBe(0);
    });

    it('counts a pending visit in its deal\'s flags while other visit rows change', async () => {
      const { id, deals, visits, source } = await newSheet();
      await log(id, { dealTitle: '基幹システム更改', account: '山田製作所', ballAfter: 'us' });
      // A rep edits the sheet's own visit row in the same breath: every status is recomputed from the sheet.
      (visits.rows[3] as CellValue[])[0] = serial('2026-11-29');
      const report = await sync(source);
      expect(visitsTab(report)).toMatchObject({ updated: 1 });
      expect(String(cellOf(deals, '基幹システム更改', serviceHeaderOf('flags')))).not.toContain(FLAG_MESSAGES.ball_follow_up.label.ja);
      expect((await sync(source)).cellsWritten).toBe(0);
    });

    it('plans the deal\'s cells on the row the deal sits on after the last sync', async () => {
      const { id, deals, source } = await newSheet();
      // A deal typed in above: every row below moves down one.
      const moved = deleteRow(deals, '保守契約更新');
      deals.rows.splice(3, 0, moved);
      await sync(source);
      const logged = await log(id, { dealTitle: '基幹システム更改', account: '山田製作所', ballAfter: 'us' });
      expect(logged.deal?.sheetRow).toBe(5);
      const runs = logged.plan.tabs.find((t) => t.kind === 'deals')?.writes ?? [];
      expect(runs.every((w) => w.row === 5)).toBe(true);
      expect(runs.length).toBeGreaterThan(0);
    });

    it('appends a request filed through the API with its type, cost and status, and clears it once shown', async () => {
      const id = `api-rows-${randomUUID()}`;
      const requests: MutableGrid = {
        name: '特別対応申請',
        rows: [['申請日', '申請種別', '顧客名', '案件名', '申請者', '背景', '依頼内容', '代替案', '概算コスト', '状態'], [serial('2026-11-20'), '値引き', '東西物産', '保守契約更新', '鈴木', '競合が値下げ', '5%値引き', '支払条件の変更', 50_000, '承認済']],
      };
      const source = gridSource(id, dealGrid(DEALS), requests);
      await sync(source);
      const filed = 'req-api-1';
      await sql`insert into requests (spreadsheet_id, id, row_hash, cell_issue_count, first_seen_at, updated_at, requested_on, type, account, deal_title,
          requester, background, description, alternative, estimated_cost, status, pending_append)
        values (${id}, ${filed}, '', 0, ${AT}, ${AT}, '2026-12-01', 'special_delivery', '山田製作所', '基幹システム更改',
          '佐藤', '工場の稼働日が前倒し', '納期を1週間前倒し', '分納', 120000, '申請中', true)`.execute(db);

      const report = await sync(source);
      expect(report.tabs.find((t) => t.kind === 'requests')).toMatchObject({ removed: 0 });
      expect(appendsOf(report, 'requests').map((a) => a.id)).toEqual([filed]);
      expect(requests.rows.at(-1)?.slice(0, 11)).toEqual([serialFromIsoDate('2026-12-01'), '特別納品', '山田製作所', '基幹システム更改', '佐藤', '工場の稼働日が前倒し', '納期を1週間前倒し', '分納', 120000, '申請中', filed]);
      // Appended with its service cells filled: the status it has in Postgres, and its flags.
      expect(requests.rows.at(-1)?.[11]).toBe('申請中');
      expect(String(requests.rows.at(-1)?.[16])).toContain('要コスト確認');

      const again = await sync(source);
      expect(again.cellsWritten).toBe(0);
      expect(again.tabs.find((t) => t.kind === 'requests')).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
      const stored = await db.selectFrom('requests').select(['id', 'type', 'estimated_cost']).where('spreadsheet_id', '=', id).where('id', '=', filed).executeTakeFirstOrThrow();
      expect(stored).toEqual({ id: filed, type: 'special_delivery', estimated_cost: '120000' });
      const { rows } = await sql<{ pending_append: boolean }>`select pending_append from requests where spreadsheet_id = ${id} and id = ${filed}`.execute(db);
      expect(rows).toEqual([{ pending_append: false }]);
    });

    it('names the visits tab it appends to in the plan, below the team\'s last row', async () => {
      const { id, visits, source } = await newSheet();
      const logged = await log(id, { account: '東西物産' });
      const lastRow = visits.rows.length;
      const report = await sync(source);
      const tab = report.plan.tabs.find((t) => t.kind === 'visits');
      expect(tab?.sheet).toBe(VISITS_SHEET);
      expect(visits.rows).toHaveLength(lastRow + 1);
      expect(visits.rows[lastRow]).toContain(logged.visit.id);
    });
  });
});

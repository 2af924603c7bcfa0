// The requests tab mirrors Postgres: status, approver, decision date, comment, cost and flags are
// written from the workflow on every sync; a status typed by hand is set back and flagged; a row
// nobody filed keeps its own status; deals with a costly request show 要コスト確認. On PGlite and
// on Postgres, with the workflow's columns and events written as the requests feature writes them.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../shared/calendar/iso-date.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import type { CellWrite } from '../../../shared/write-plan/write-plan.ts';
import { serviceHeader, type ServiceColumnKey } from '../../../shared/write-plan/service-columns.ts';
import type { Db } from '../../../server/db/database.ts';
import type { MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import type { SheetSource } from '../../../server/sync/sheet-source.ts';
import { syncSpreadsheet } from '../../../server/sync/sync-engine.ts';
import type { SyncReport } from '../../../server/sync/sync-report.ts';
import { BACKENDS, type SyncDatabase } from './test-databases.ts';
import { dealGrid, gridSource, serial, type DealRowInput } from './test-sheet.ts';

const TODAY: IsoDate = '2026-12-01';
const DEALS: readonly DealRowInput[] = [
  { title: '基幹システム更改', account: '山田製作所', owner: '佐藤', stage: '見積提出', stageChangedOn: serial('2026-11-25') },
  { title: '保守契約更新', account: '東西物産', owner: '鈴木', stage: '提案', stageChangedOn: serial('2026-11-25') },
];
const HEADER = ['申請日', '申請種別', '顧客名', '案件名', '申請者', '背景', '依頼内容', '代替案', '概算コスト', '状態'];
const TEAM_COLUMNS = HEADER.length;
const TEAM_STATUS = HEADER.indexOf('状態') + 1;
const FILED_ROW = 2;
const PLAIN_ROW = 3;
const LONG_BACKGROUND = '競合他社が同条件で納期短縮を提示しており、失注の恐れがあるため';

function requestsGrid(): MutableGrid {
  return {
    name: '特別対応申請',
    rows: [
      [...HEADER],
      [serial('2026-11-28'), '特別納品', '山田製作所', '基幹システム更改', '佐藤', LONG_BACKGROUND, '納期を1週間前倒し', '分納', 500_000, '申請中'],
      [serial('2026-11-20'), '値引き', '東西物産', '保守契約更新', '鈴木', '値下げ要求', '5%値引き', 'なし', 10_000, '承認済'],
    ],
  };
}

describe.each(BACKENDS)('the requests tab on $name', (backend) => {
  backend.describe('the requests tab mirrors Postgres', () => {
    let database: SyncDatabase;
    let db: Db;
    // Every sync and every workflow event gets its own instant, a minute apart, in order.
    let tick = Date.parse('2026-12-01T00:00:00Z');
    const clock = () => new Date((tick += 60_000));

    beforeAll(async () => {
      database = await backend.open('requests_tab');
      db = database.db;
    });
    afterAll(async () => {
      await database?.close();
    });

    const sync = (source: SheetSource) => syncSpreadsheet(db, source, { now: TODAY, clock });
    const writesOn = (report: SyncReport, kind: string): readonly CellWrite[] => report.plan.tabs.find((t) => t.kind === kind)?.writes ?? [];

    async function setUp() {
      const id = `requests-tab-${randomUUID()}`;
      const deals = dealGrid(DEALS);
      const requests = requestsGrid();
      const source = gridSource(id, deals, requests);
      const first = await sync(source);
      const col = (key: ServiceColumnKey): number => (requests.rows[0] ?? []).indexOf(serviceHeader(key, 'ja')) + 1;
      const cell = (row: number, key: ServiceColumnKey): CellValue | undefined => requests.rows[row - 1]?.[col(key) - 1];
      const filedId = String(cell(FILED_ROW, 'id'));
      return { id, deals, requests, source, first, col, cell, filedId };
    }

    async function event(spreadsheetId: string, requestId: string, seq: number, from: string | null, to: string, action: string, actor: string) {
      await sql`insert into request_events (spreadsheet_id, request_id, seq, actor, at, from_state, to_state, step, action)
        values (${spreadsheetId}, ${requestId}, ${seq}, ${actor}, ${clock()}, ${from}, ${to}, 0, ${action})`.execute(db);
    }

    /** The sheet row filed through the workflow: submitted, routed approver → manager. */
    async function file(spreadsheetId: string, requestId: string) {
      await sql`update requests set state = 'submitted', route = '["approver","manager"]'::jsonb, step = 0, cost_total = 500000,
        requester_email = 'sato@example.co.jp', version = 1 where spreadsheet_id = ${spreadsheetId} and id = ${requestId}`.execute(db);
      await event(spreadsheetId, requestId, 1, null, 'submitted', 'submit', 'sato@example.co.jp');
    }

    it('creates the service columns once, with a date format, warning-only protection, highlights and filter views', async () => {
      const { first, requests } = await setUp();
      const plan = first.plan.tabs.find((t) => t.kind === 'requests');
      expect(plan?.newColumns.map((c) => c.header)).toEqual(['ID [SFA]', '状況 [SFA]', '承認者 [SFA]', '決裁日 [SFA]', 'コメント [SFA]', '費用見積 [SFA]', 'フラグ [SFA]', 'フラグ理由 [SFA]']);
      expect(plan?.newColumns[0]?.column).toBe(TEAM_COLUMNS + 1);
      const kinds = (plan?.setup ?? []).map((s) => s.kind);
      expect(kinds).toContain('dateFormat');
      expect(kinds).toContain('protectColumns');
      expect((plan?.setup ?? []).filter((s) => s.kind === 'filterView').map((s) => (s.kind === 'filterView' ? s.title : ''))).toEqual(['要コスト確認', '状況改ざん']);
      expect((plan?.setup ?? []).filter((s) => s.kind === 'highlight')).toHaveLength(2);
      // The deals tab of a new spreadsheet gets the 要コスト確認 filter view too.
      const dealSetup = first.plan.tabs.find((t) => t.kind === 'deals')?.setup ?? [];
      expect(dealSetup.some((s) => s.kind === 'filterView' && s.title === '要コスト確認')).toBe(true);
      expect(requests.rows[0]?.length).toBe(TEAM_COLUMNS + 8);
    });

    it('shows a plain sheet row its own status and flags only, and never writes a team cell of it', async () => {
      const { first, requests, cell } = await setUp();
      expect(cell(PLAIN_ROW, 'status')).toBe('承認済');
      expect(cell(PLAIN_ROW, 'approver') ?? null).toBeNull();
      expect(cell(PLAIN_ROW, 'cost') ?? null).toBeNull();
      expect(String(cell(PLAIN_ROW, 'flags'))).toContain('背景不足');
      expect(writesOn(first, 'requests').filter((w) => w.column <= TEAM_COLUMNS)).toEqual([]);
      expect(requests.rows[PLAIN_ROW - 1]?.slice(0, TEAM_COLUMNS)).toEqual(requestsGrid().rows[PLAIN_ROW - 1]);
    });

    it('mirrors a filed request, flags its deal 要コスト確認, and writes nothing on an unchanged re-sync', async () => {
      const { id, source, cell, deals, filedId } = await setUp();
      await file(id, filedId);
      const report = await sync(source);
      expect(cell(FILED_ROW, 'status')).toBe('承認待ち');
      expect(cell(FILED_ROW, 'approver')).toBe('承認待ち: 承認者');
      expect(cell(FILED_ROW, 'cost')).toBe(500_000);
      expect(String(cell(FILED_ROW, 'flags'))).toContain('要コスト確認(高額)');
      const dealHeader = deals.rows[2] ?? [];
      const dealFlags = dealHeader.indexOf(serviceHeader('flags', 'ja'));
      const dealRow = deals.rows.find((r) => r.includes('基幹システム更改'));
      expect(String(dealRow?.[dealFlags])).toContain('要コスト確認');
      // The plain row reads as approved, filed within the window, with no margin known: its deal too.
      const otherDeal = deals.rows.find((r) => r.includes('保守契約更新'));
      expect(String(otherDeal?.[dealFlags] ?? '')).toContain('要コスト確認');
      expect(report.flagCounts.cost_review).toBe(2);

      const again = await sync(source);
      expect(again.cellsWritten).toBe(0);
    });

    it('sets back a status typed into the service column, flags it tampered with a feed entry, then clears the flag', async () => {
      const { id, source, requests, col, cell, filedId } = await setUp();
      await file(id, filedId);
      await sync(source);
      (requests.rows[FILED_ROW - 1] as CellValue[])[col('status') - 1] = '承認';

      const reverted = await sync(source);
      expect(cell(FILED_ROW, 'status')).toBe('承認待ち');
      expect(String(cell(FILED_ROW, 'flags'))).toContain('状況改ざん');
      expect(String(cell(FILED_ROW, 'flagReasons'))).toContain('「承認」');
      expect(writesOn(reverted, 'requests').filter((w) => w.column <= TEAM_COLUMNS)).toEqual([]);
      const entries = await db.selectFrom('feed_entries').select(['kind', 'payload']).where('spreadsheet_id', '=', id).where('kind', '=', 'flag_raised').execute();
      const tamper = entries.map((e) => e.payload as { requestId?: string; raised?: { code: string; params: { typed?: string } }[] }).find((p) => p.requestId === filedId);
      expect(tamper?.raised?.[0]).toMatchObject({ code: 'status_tampered', params: { typed: '承認' } });

      await sync(source);
      expect(String(cell(FILED_ROW, 'flags'))).not.toContain('状況改ざん');
      expect((await sync(source)).cellsWritten).toBe(0);
    });

    it("sets back a status typed into the team's own status column, the one team cell the service writes", async () => {
      const { id, source, requests, cell, filedId } = await setUp();
      await file(id, filedId);
      await sync(source);
      (requests.rows[FILED_ROW - 1] as CellValue[])[TEAM_STATUS - 1] = '承認';

      const reverted = await sync(source);
      expect(requests.rows[FILED_ROW - 1]?.[TEAM_STATUS - 1]).toBe('承認待ち');
      expect(String(cell(FILED_ROW, 'flags'))).toContain('状況改ざん');
      expect(writesOn(reverted, 'requests').filter((w) => w.column <= TEAM_COLUMNS)).toEqual([{ row: FILED_ROW, column: TEAM_STATUS, value: '承認待ち' }]);

      await sync(source);
      expect(String(cell(FILED_ROW, 'flags'))).not.toContain('状況改ざん');
      expect((await sync(source)).cellsWritten).toBe(0);
    });

    it('is not tampering when the cell says the same state in other words', async () => {
      const { id, source, requests, cell, filedId } = await setUp();
      await file(id, filedId);
      await sync(source);
      (requests.rows[FILED_ROW - 1] as CellValue[])[TEAM_STATUS - 1] = 'Pending';
      const report = await sync(source);
      expect(String(cell(FILED_ROW, 'flags'))).not.toContain('状況改ざん');
      expect(requests.rows[FILED_ROW - 1]?.[TEAM_STATUS - 1]).toBe('Pending');
      expect(writesOn(report, 'requests').filter((w) => w.column <= TEAM_COLUMNS)).toEqual([]);
    });

    it('shows a decision: status, approver, date and comment, and keeps the stale team status in step without a tamper flag', async () => {
      const { id, source, requests, cell, filedId } = await setUp();
      await file(id, filedId);
      await sync(source);
      await sql`update requests set state = 'approved', step = null, version = 3, decided_at = ${new Date('2026-12-01T02:00:00Z')},
        decided_by = 'dave@example.co.jp', decision_comment = '今回限り' where spreadsheet_id = ${id} and id = ${filedId}`.execute(db);
      await event(id, filedId, 2, 'submitted', 'submitted', 'approve', 'carol@example.co.jp');
      await event(id, filedId, 3, 'submitted', 'approved', 'approve', 'dave@example.co.jp');

      await sync(source);
      expect(cell(FILED_ROW, 'status')).toBe('承認');
      expect(cell(FILED_ROW, 'approver')).toBe('dave@example.co.jp');
      expect(cell(FILED_ROW, 'decidedOn')).toBe(serial('2026-12-01'));
      expect(cell(FILED_ROW, 'decisionComment')).toBe('今回限り');
      expect(String(cell(FILED_ROW, 'flags'))).not.toContain('状況改ざん');
      // The team wrote 申請中 before the decision: it now reads as the decision.
      expect(requests.rows[FILED_ROW - 1]?.[TEAM_STATUS - 1]).toBe('承認');
      expect((await sync(source)).cellsWritten).toBe(0);
    });
  });
});

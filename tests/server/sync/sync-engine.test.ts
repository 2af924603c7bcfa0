import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../../shared/calendar/iso-date.ts';
import { FLAG_MESSAGES } from '../../../shared/flags/flag-messages.ts';
import { isEmptyPlan } from '../../../shared/write-plan/write-plan.ts';
import type { Db } from '../../../server/db/database.ts';
import { stageHistoryOf } from '../../../server/deals/deal.repository.ts';
import type { SheetSource } from '../../../server/sync/sheet-source.ts';
import { syncSpreadsheet, type SyncOptions } from '../../../server/sync/sync-engine.ts';
import type { SyncReport, TabCounts } from '../../../server/sync/sync-report.ts';
import { FlakySource } from './flaky-source.ts';
import { BACKENDS, dealsOf, historyOf, syncRunsOf, type SyncDatabase } from './test-databases.ts';
import {
  DEAL_COLUMN_ORDER,
  DEAL_HEADERS,
  DEAL_SERVICE_HEADERS,
  DEALS_SHEET,
  FIRST_DATA_ROW,
  HEADER_ROW,
  VISITS_SHEET,
  appendDeal,
  cellOf,
  columnOf,
  dataRows,
  dealGrid,
  deleteRow,
  gridSource,
  headersOf,
  idOf,
  insertRow,
  rowOf,
  rowsOf,
  serial,
  serviceHeaderOf,
  serviceValues,
  setCell,
  snapshot,
  teamCells,
  visitGrid,
  type DealRowInput,
} from './test-sheet.ts';

const NOW: IsoDate = '2026-12-01';

const BASE_ROWS: readonly DealRowInput[] = [
  { title: '基幹システム更改', account: '山田製作所', owner: '佐藤', stage: '提案', amount: 1_200_000, ball: '自社' },
  { title: '保守契約更新', account: '東西物産', owner: '鈴木', stage: '見積提出', amount: '350万円', quoteSentOn: serial('2026-11-24') },
  { title: 'クラウド移行', account: '北海商事', owner: '高橋', stage: 'リード', nextActionOn: serial('2026-12-10') },
];

const TEAM_HEADERS = DEAL_COLUMN_ORDER.map((c) => DEAL_HEADERS[c]);

function dealCounts(report: SyncReport): TabCounts {
  const counts = report.tabs.find((t) => t.kind === 'deals');
  if (counts === undefined) throw new Error('no deals tab in the report');
  return counts;
}

function sequentialIds(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}

describe.each(BACKENDS)('syncSpreadsheet on $name', (backend) => {
  backend.describe('syncSpreadsheet', () => {
    let database: SyncDatabase;
    let db: Db;

    beforeAll(async () => {
      database = await backend.open('sync_engine');
      db = database.db;
    });
    afterAll(async () => {
      await database?.close();
    });

    const newSheet = (rows: readonly DealRowInput[] = BASE_ROWS) => {
      const id = `engine-${randomUUID()}`;
      const grid = dealGrid(rows);
      return { id, grid, source: gridSource(id, grid) };
    };
    const sync = (source: SheetSource, options: Partial<SyncOptions> = {}) => syncSpreadsheet(db, source, { now: NOW, ...options });

    it('writes a cleared id back on a same-day re-sync, keeping the row’s identity', async () => {
      const { id, grid, source } = newSheet();
      await sync(source);
      const title = BASE_ROWS[0]?.title ?? '';
      const kept = idOf(grid, title);
      setCell(grid, title, serviceHeaderOf('id'), null);

      const report = await sync(source);

      expect(idOf(grid, title)).toBe(kept);
      expect(report.cellsWritten).toBe(1);
      expect(dealCounts(report)).toMatchObject({ inserted: 0, removed: 0 });
      expect((await dealsOf(db, id)).filter((d) => d.removed_at === null)).toHaveLength(BASE_ROWS.length);
    });

    it('re-reads rows whose cells did not change when a stage label is mapped, and dates the stage from then', async () => {
      const { id, source } = newSheet([{ title: '保留案件', account: '山田製作所', owner: '佐藤', stage: '保留' }]);
      const first = await sync(source);
      expect(first.flagCounts.unknown_stage).toBe(1);

      const later = addDays(NOW, 3);
      const report = await sync(source, { now: later, mapping: { stageLabels: { 保留: 'nurturing' } } });

      expect(report.flagCounts.unknown_stage).toBe(0);
      expect(dealCounts(report)).toMatchObject({ updated: 1 });
      const [deal] = await dealsOf(db, id);
      expect(deal).toMatchObject({ stage: 'nurturing', stage_entered_on: later });
      expect((await historyOf(db, id)).map((h) => [h.to_stage, h.source])).toEqual([['nurturing', 'observed']]);
      // The mapping is remembered: the next sync without it still reads 保留 as nurturing.
      const again = await sync(source, { now: later });
      expect(again.flagCounts.unknown_stage).toBe(0);
      expect(dealCounts(again)).toMatchObject({ updated: 0, unchanged: 1 });
    });

    it('keeps a deal’s stage and its age while its stage cell holds a typo, and after it is fixed', async () => {
      const { id, grid, source } = newSheet([{ title: '更新案件', account: '山田製作所', owner: '佐藤', stage: '提案' }]);
      await sync(source);
      setCell(grid, '更新案件', DEAL_HEADERS.stage, '提案x');
      const typo = await sync(source, { now: addDays(NOW, 5) });
      expect(typo.flagCounts.unknown_stage).toBe(1);
      setCell(grid, '更新案件', DEAL_HEADERS.stage, '提案');
      await sync(source, { now: addDays(NOW, 10) });

      expect(cellOf(grid, '更新案件', serviceHeaderOf('daysInStage'))).toBe(10);
      expect((await historyOf(db, id)).map((h) => h.to_stage)).toEqual(['proposal']);
      expect((await dealsOf(db, id))[0]).toMatchObject({ stage: 'proposal', stage_entered_on: NOW });
    });

    it('inserts every row, ids each one and appends the service columns after the team columns when a sheet is synced first', async () => {
      const { id, grid, source } = newSheet();
      const before = teamCells(grid);
      const issued: string[] = [];
      const next = sequentialIds('deal');

      const report = await sync(source, {
        newId: () => {
          const value = next();
          issued.push(value);
          return value;
        },
      });

      expect(dealCounts(report)).toEqual({ kind: 'deals', sheet: DEALS_SHEET, read: 3, inserted: 3, updated: 0, unchanged: 0, removed: 0, reissued: 0 });
      expect(headersOf(grid)).toEqual([...TEAM_HEADERS, ...DEAL_SERVICE_HEADERS]);
      expect(DEAL_SERVICE_HEADERS[0]).toBe('ID [SFA]');
      // Nothing but the header row and the data rows gets a service cell.
      for (const row of [0, 1]) expect((grid.rows[row] ?? []).slice(TEAM_HEADERS.length).every((v) => v === null || v === undefined)).toBe(true);

      const ids = BASE_ROWS.map((r) => idOf(grid, r.title));
      expect(new Set(ids).size).toBe(3);
      expect(new Set(ids)).toEqual(new Set(issued));
      const stored = await dealsOf(db, id);
      expect(stored.map((d) => d.id).sort()).toEqual([...ids].sort());
      expect(stored.every((d) => d.removed_at === null)).toBe(true);
      for (const row of BASE_ROWS) {
        const deal = stored.find((d) => d.id === idOf(grid, row.title));
        expect(deal?.title).toBe(row.title);
        expect(deal?.account).toBe(row.account);
      }
      expect(stored.find((d) => d.title === '保守契約更新')?.amount).toBe('3500000');

      expect(teamCells(grid)).toEqual(before);
      const plan = report.plan.tabs[0];
      expect(plan?.newColumns.map((c) => [c.column, c.header])).toEqual(DEAL_SERVICE_HEADERS.map((h, i) => [TEAM_HEADERS.length + 1 + i, h]));
      expect(plan?.writes.every((w) => w.row >= FIRST_DATA_ROW && w.column > TEAM_HEADERS.length)).toBe(true);
      expect(report.cellsWritten).toBe((plan?.writes.length ?? 0) + DEAL_SERVICE_HEADERS.length);
      expect(report.runId).not.toBeNull();
    });

    it('writes no cells and counts every row unchanged when synced again with no edits', async () => {
      const { id, grid, source } = newSheet();
      await sync(source);
      const after = snapshot(grid);
      const history = await historyOf(db, id);

      const again = await sync(source);

      expect(again.cellsWritten).toBe(0);
      expect(again.plan.tabs.flatMap((t) => t.writes)).toEqual([]);
      expect(isEmptyPlan(again.plan)).toBe(true);
      expect(dealCounts(again)).toMatchObject({ read: 3, inserted: 0, updated: 0, unchanged: 3, removed: 0, reissued: 0 });
      expect(grid.rows).toEqual(after);
      expect(await historyOf(db, id)).toEqual(history);
    });

    it('records one observed history entry and restarts days in stage when the stage is edited between syncs', async () => {
      const { id, grid, source } = newSheet();
      await sync(source, { now: '2026-12-01' });
      await sync(source, { now: '2026-12-05' });
      const title = '基幹システム更改';
      const dealId = idOf(grid, title);
      expect(cellOf(grid, title, serviceHeaderOf('daysInStage'))).toBe(4);

      setCell(grid, title, DEAL_HEADERS.stage, '見積提出');
      const report = await sync(source, { now: '2026-12-08' });

      expect(dealCounts(report)).toMatchObject({ inserted: 0, updated: 1, unchanged: 2, removed: 0 });
      const history = await stageHistoryOf(db, id, dealId);
      expect(history.map((h) => [h.fromStage, h.toStage, h.source, h.enteredOn])).toEqual([
        [null, 'proposal', 'first_seen', '2026-12-01'],
        ['proposal', 'quote', 'observed', '2026-12-08'],
      ]);
      expect(history[1]?.toLabel).toBe('見積提出');
      expect(cellOf(grid, title, serviceHeaderOf('daysInStage'))).toBe(0);
      expect(cellOf(grid, title, serviceHeaderOf('stageEnteredOn'))).toBe(serial('2026-12-08'));
      const deal = (await dealsOf(db, id)).find((d) => d.id === dealId);
      expect(deal).toMatchObject({ stage: 'quote', stage_entered_on: '2026-12-08', previous_stage: 'proposal' });
      // The other deals did not change stage: still their single first entry.
      expect((await historyOf(db, id)).length).toBe(4);
    });

    it.each<{ case: string; row: Omit<DealRowInput, 'title'>; source: string; enteredOn: IsoDate; days: number }>([
      { case: 'a text stage date', row: { stage: '提案', stageChangedOn: '2026/11/10' }, source: 'seeded', enteredOn: '2026-11-10', days: 21 },
      { case: 'a serial stage date', row: { stage: 'クロージング', stageChangedOn: serial('2026-11-28') }, source: 'seeded', enteredOn: '2026-11-28', days: 3 },
      { case: 'a quote date on a quote-stage deal', row: { stage: '見積提出', quoteSentOn: serial('2026-11-21') }, source: 'seeded', enteredOn: '2026-11-21', days: 10 },
      { case: 'no date', row: { stage: 'リード' }, source: 'first_seen', enteredOn: NOW, days: 0 },
      { case: 'a stage date after now', row: { stage: '提案', stageChangedOn: serial('2026-12-05') }, source: 'first_seen', enteredOn: NOW, days: 0 },
    ])('seeds the first history entry from the sheet when a deal first synced has $case', async ({ row, source: historySource, enteredOn, days }) => {
      const { id, grid, source } = newSheet([{ title: '新規案件', owner: '佐藤', ...row }]);
      await sync(source);

      const history = await stageHistoryOf(db, id, idOf(grid, '新規案件'));
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ fromStage: null, source: historySource, enteredOn });
      expect(cellOf(grid, '新規案件', serviceHeaderOf('daysInStage'))).toBe(days);
      expect(cellOf(grid, '新規案件', serviceHeaderOf('stageEnteredOn'))).toBe(serial(enteredOn));
    });

    it('tombstones a deleted row and brings the same deal back when the row is pasted back with its id', async () => {
      const { id, grid, source } = newSheet();
      await sync(source);
      const ids = new Map(BASE_ROWS.map((r) => [r.title, idOf(grid, r.title)]));
      const removedId = ids.get('保守契約更新') ?? '';

      const cut = deleteRow(grid, '保守契約更新');
      const removal = await sync(source);

      expect(dealCounts(removal)).toMatchObject({ read: 2, removed: 1, inserted: 0, updated: 0, unchanged: 2 });
      const afterRemoval = await dealsOf(db, id);
      expect(afterRemoval).toHaveLength(3);
      expect(afterRemoval.find((d) => d.id === removedId)?.removed_at).not.toBeNull();
      expect(afterRemoval.filter((d) => d.id !== removedId).every((d) => d.removed_at === null)).toBe(true);
      expect(idOf(grid, '基幹システム更改')).toBe(ids.get('基幹システム更改'));
      expect(idOf(grid, 'クラウド移行')).toBe(ids.get('クラウド移行'));

      insertRow(grid, cut);
      const back = await sync(source);

      expect(dealCounts(back)).toMatchObject({ read: 3, inserted: 0, updated: 1, removed: 0, reissued: 0 });
      expect(idOf(grid, '保守契約更新')).toBe(removedId);
      const afterReturn = await dealsOf(db, id);
      expect(afterReturn).toHaveLength(3);
      expect(afterReturn.every((d) => d.removed_at === null)).toBe(true);
      expect(await stageHistoryOf(db, id, removedId)).toHaveLength(1);
    });

    it('keeps a row pasted twice once and gives the copy a new id when both carry the same id', async () => {
      const { id, grid, source } = newSheet();
      await sync(source);
      const original = rowOf(grid, '基幹システム更改');
      const originalId = idOf(grid, '基幹システム更改');
      insertRow(grid, original.cells, original.sheetRow + 1);
      const copyTeamCells = teamCells(grid);

      const report = await sync(source, { newId: () => 'copy-id' });

      expect(dealCounts(report)).toMatchObject({ read: 4, inserted: 1, reissued: 1, removed: 0, unchanged: 3 });
      const copies = rowsOf(grid, '基幹システム更改');
      const idColumn = columnOf(grid, serviceHeaderOf('id'));
      expect(copies.map((r) => r.cells[idColumn - 1]).sort()).toEqual(['copy-id', originalId].sort());
      const sheetIds = dataRows(grid).map((r) => r.cells[idColumn - 1]);
      expect(new Set(sheetIds).size).toBe(4);
      const stored = await dealsOf(db, id);
      expect(stored).toHaveLength(4);
      expect(stored.filter((d) => d.title === '基幹システム更改').map((d) => d.id).sort()).toEqual(['copy-id', originalId].sort());
      expect(teamCells(grid)).toEqual(copyTeamCells);
      expect(await stageHistoryOf(db, id, originalId)).toHaveLength(1);
      expect(await stageHistoryOf(db, id, 'copy-id')).toHaveLength(1);
    });

    // The team deletes one of two rows naming the same deal and copies the other (last year's won
    // renewal deleted, this year's copied to start next year's; or one of two identical rows
    // deleted, the other copied): the copy must become a new deal and the deleted one a tombstone,
    // not the copy taking over the deleted deal and appending to its history.
    it.each<{ case: string; deleted: DealRowInput; kept: DealRowInput; keptStage: string }>([
      {
        case: 'has the same account and title',
        deleted: { title: '保守契約更新', account: '山田製作所', owner: '佐藤', stage: '受注', amount: 1_000_000 },
        kept: { title: '保守契約更新', account: '山田製作所', owner: '佐藤', stage: '提案', amount: 1_100_000 },
        keptStage: 'proposal',
      },
      {
        case: 'is identical',
        deleted: { title: '保守契約更新', account: '山田製作所', owner: '佐藤', stage: '受注', amount: 1_000_000 },
        kept: { title: '保守契約更新', account: '山田製作所', owner: '佐藤', stage: '受注', amount: 1_000_000 },
        keptStage: 'won',
      },
    ])('gives a pasted copy a new id and tombstones a deleted deal when the deleted row $case', async ({ deleted, kept, keptStage }) => {
      const { id, grid, source } = newSheet([deleted, kept, { title: 'クラウド移行', account: '北海商事', owner: '高橋', stage: 'リード' }]);
      await sync(source, { newId: sequentialIds('deal') });
      const [lastYear, thisYear] = rowsOf(grid, '保守契約更新');
      const idColumn = columnOf(grid, serviceHeaderOf('id'));
      const lastYearId = String(lastYear?.cells[idColumn - 1]);
      const thisYearId = String(thisYear?.cells[idColumn - 1]);
      expect(lastYearId).not.toBe(thisYearId);

      insertRow(grid, thisYear?.cells ?? [], (thisYear?.sheetRow ?? 0) + 1);
      grid.rows.splice((lastYear?.sheetRow ?? 0) - 1, 1);
      const report = await sync(source, { now: '2026-12-02', newId: () => 'next-year' });

      const copies = rowsOf(grid, '保守契約更新').map((r) => r.cells[idColumn - 1]);
      expect(copies).toEqual([thisYearId, 'next-year']);
      expect(dealCounts(report)).toMatchObject({ read: 3, inserted: 1, reissued: 1, removed: 1 });
      const stored = await dealsOf(db, id);
      expect(stored.find((d) => d.id === lastYearId)?.removed_at).not.toBeNull();
      expect(stored.find((d) => d.id === 'next-year')).toMatchObject({ stage: keptStage, removed_at: null });
      expect((await stageHistoryOf(db, id, lastYearId)).map((h) => [h.fromStage, h.toStage, h.source])).toEqual([[null, 'won', 'first_seen']]);
    });

    it('reports a malformed cell with its place and still stores the row and its other cells when a cell does not parse', async () => {
      const { id, grid, source } = newSheet([
        { title: '基幹システム更改', account: '山田製作所', owner: '佐藤', stage: '提案', amount: 'abc', quoteSentOn: '来週', ball: '自社' },
        { title: 'クラウド移行', account: '北海商事', owner: '高橋', stage: 'リード', amount: 800_000 },
      ]);
      const report = await sync(source);

      expect(report.issues).toHaveLength(2);
      expect(report.issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ sheet: DEALS_SHEET, row: 4, column: 'D', header: '金額', field: 'amount', value: 'abc', code: 'amount.invalid' }),
          expect.objectContaining({ sheet: DEALS_SHEET, row: 4, column: 'G', header: '見積提出日', field: 'quoteSentOn', value: '来週', code: 'date.invalid' }),
        ]),
      );
      expect(report.issues.every((i) => i.message.includes(i.value))).toBe(true);
      expect(columnOf(grid, '金額')).toBe(4);
      expect(columnOf(grid, '見積提出日')).toBe(7);

      const stored = await dealsOf(db, id);
      expect(stored).toHaveLength(2);
      const bad = stored.find((d) => d.id === idOf(grid, '基幹システム更改'));
      expect(bad).toMatchObject({ title: '基幹システム更改', account: '山田製作所', owner: '佐藤', stage: 'proposal', ball: 'us', amount: null, quote_sent_on: null, cell_issue_count: 2, removed_at: null });
      expect(String(cellOf(grid, '基幹システム更改', serviceHeaderOf('flags')))).toContain(FLAG_MESSAGES.bad_cells.label.ja);
      expect(stored.find((d) => d.title === 'クラウド移行')).toMatchObject({ amount: '800000', cell_issue_count: 0 });
      const [run] = await syncRunsOf(db, id);
      expect(run?.issue_count).toBe(2);
    });

    it('writes nothing to the database or the sheet and records a dry run when dryRun is set', async () => {
      const { id, grid, source } = newSheet();
      await sync(source);
      const deals = await dealsOf(db, id);
      const history = await historyOf(db, id);
      setCell(grid, 'クラウド移行', DEAL_HEADERS.stage, '提案');
      appendDeal(grid, { title: '追加案件', account: '南海電機', owner: '佐藤', stage: '提案' });
      const sheet = snapshot(grid);

      const report = await sync(source, { dryRun: true, now: '2026-12-03' });

      expect(report.dryRun).toBe(true);
      expect(report.runId).toBeNull();
      expect(dealCounts(report)).toMatchObject({ read: 4, inserted: 1, updated: 1, unchanged: 2 });
      expect(report.cellsWritten).toBeGreaterThan(0);
      expect(await dealsOf(db, id)).toEqual(deals);
      expect(await historyOf(db, id)).toEqual(history);
      expect(grid.rows).toEqual(sheet);
      expect(source.appliedPlans).toBe(1);
      const runs = await syncRunsOf(db, id);
      expect(runs.map((r) => r.outcome)).toEqual(['succeeded', 'dry_run']);
      expect(runs[1]).toMatchObject({ as_of: '2026-12-03', error: null });
    });

    it('stores nothing for a new spreadsheet and still records the run when the first sync is a dry run', async () => {
      const { id, grid, source } = newSheet();
      const sheet = snapshot(grid);
      const report = await sync(source, { dryRun: true });

      expect(dealCounts(report).inserted).toBe(3);
      expect(await dealsOf(db, id)).toEqual([]);
      expect(await db.selectFrom('spreadsheets').select('id').where('id', '=', id).execute()).toEqual([]);
      expect(grid.rows).toEqual(sheet);
      expect((await syncRunsOf(db, id)).map((r) => r.outcome)).toEqual(['dry_run']);
    });

    it('records every run with its counts, flag counts, issue count and duration when syncs succeed', async () => {
      const { id, grid, source } = newSheet();
      let tick = Date.parse('2026-12-01T00:00:00Z');
      const clock = () => new Date((tick += 125));
      const first = await sync(source, { clock });
      setCell(grid, 'クラウド移行', DEAL_HEADERS.amount, 'abc');
      const second = await sync(source, { clock, now: '2026-12-02' });

      const runs = await syncRunsOf(db, id);
      expect(runs).toHaveLength(2);
      runs.forEach((run, i) => {
        const report = [first, second][i] as SyncReport;
        expect(run.id).toBe(report.runId);
        expect(run.outcome).toBe('succeeded');
        expect(run.source_kind).toBe('values');
        expect(run.as_of).toBe(report.asOf);
        expect(run.counts).toEqual(JSON.parse(JSON.stringify(report.tabs)));
        expect(run.flag_counts).toEqual(report.flagCounts);
        expect(run.issue_count).toBe(report.issues.length);
        expect(run.duration_ms).toBe(report.durationMs);
        expect(run.duration_ms).toBeGreaterThan(0);
        expect(run.finished_at.getTime() - run.started_at.getTime()).toBe(run.duration_ms);
        expect(run.error).toBeNull();
      });
      expect(runs[1]?.issue_count).toBe(1);
      expect(runs[1]?.counts).toEqual([expect.objectContaining({ kind: 'deals', updated: 1, unchanged: 2 })]);
    });

    it('records a failed run and changes nothing when the sheet has no deals tab', async () => {
      const id = `engine-${randomUUID()}`;
      const source = gridSource(id, { name: 'メモ', rows: [['ただのメモ'], ['二行目']] });
      await expect(sync(source)).rejects.toMatchObject({ name: 'SyncError', code: 'no_tabs' });
      const runs = await syncRunsOf(db, id);
      expect(runs.map((r) => r.outcome)).toEqual(['failed']);
      expect(runs[0]?.error).toContain('no deals tab');
      expect(await dealsOf(db, id)).toEqual([]);
    });

    it('keeps the committed sync, marks the run failed and completes the sheet without duplicates on the next sync when write-back fails', async () => {
      const { id, grid } = newSheet();
      const source = new FlakySource(gridSource(id, grid), true);
      const sheet = snapshot(grid);

      await expect(sync(source)).rejects.toThrow('503 backend error');

      expect(grid.rows).toEqual(sheet);
      const committed = await dealsOf(db, id);
      expect(committed).toHaveLength(3);
      const [failedRun] = await syncRunsOf(db, id);
      expect(failedRun).toMatchObject({ outcome: 'failed' });
      expect(failedRun?.error).toContain('write-back failed');
      expect(failedRun?.error).toContain('503 backend error');

      source.failing = false;
      const retry = await sync(source, { newId: () => `unexpected-${randomUUID()}` });

      expect(dealCounts(retry)).toMatchObject({ read: 3, inserted: 0, updated: 0, unchanged: 3, removed: 0 });
      const after = await dealsOf(db, id);
      expect(after.map((d) => d.id)).toEqual(committed.map((d) => d.id));
      expect(after.every((d) => d.removed_at === null)).toBe(true);
      for (const deal of committed) expect(idOf(grid, deal.title ?? '')).toBe(deal.id);
      expect(await historyOf(db, id)).toHaveLength(3);
      expect((await syncRunsOf(db, id)).map((r) => r.outcome)).toEqual(['failed', 'succeeded']);
      expect(headersOf(grid)).toEqual([...TEAM_HEADERS, ...DEAL_SERVICE_HEADERS]);
    });

    it('re-adopts the stored ids of rows added before a failed write-back when one of them was edited meanwhile', async () => {
      const { id, grid } = newSheet();
      const source = new FlakySource(gridSource(id, grid), false);
      await sync(source);
      appendDeal(grid, { title: '追加A', account: '南海電機', owner: '佐藤', stage: '提案' });
      appendDeal(grid, { title: '追加B', account: '西日本運輸', owner: '鈴木', stage: 'リード' });
      source.failing = true;
      await expect(sync(source, { now: '2026-12-02' })).rejects.toThrow('503');
      const stored = await dealsOf(db, id);
      expect(stored).toHaveLength(5);
      const storedIdOf = (title: string) => stored.find((d) => d.title === title)?.id;
      expect(rowOf(grid, '追加A').cells[columnOf(grid, serviceHeaderOf('id')) - 1] ?? null).toBeNull();

      setCell(grid, '追加B', DEAL_HEADERS.stage, '提案');
      source.failing = false;
      const retry = await sync(source, { now: '2026-12-03', newId: () => `unexpected-${randomUUID()}` });

      expect(dealCounts(retry)).toMatchObject({ read: 5, inserted: 0, updated: 1, unchanged: 4, removed: 0 });
      expect(idOf(grid, '追加A')).toBe(storedIdOf('追加A'));
      expect(idOf(grid, '追加B')).toBe(storedIdOf('追加B'));
      const after = await dealsOf(db, id);
      expect(after).toHaveLength(5);
      expect(after.every((d) => d.removed_at === null)).toBe(true);
      const history = await stageHistoryOf(db, id, storedIdOf('追加B') ?? '');
      expect(history.map((h) => [h.toStage, h.source, h.enteredOn])).toEqual([
        ['lead', 'first_seen', '2026-12-02'],
        ['proposal', 'observed', '2026-12-03'],
      ]);
    });

    // Separate pools on one database exist only on Postgres; PGlite is a single connection.
    if (backend.supportsConcurrency) {
      it('serialises two concurrent syncs of one spreadsheet when they run on separate pools', async () => {
        const other = await database.connect();
        const { id, grid, source } = newSheet([
          ...BASE_ROWS,
          { title: '物流改善', account: '東西物産', owner: '伊藤', stage: '育成' },
          { title: '追加ライセンス', account: '山田製作所', owner: '佐藤', stage: '受注' },
        ]);

        const reports = await Promise.all([syncSpreadsheet(db, source, { now: NOW }), syncSpreadsheet(other, source, { now: NOW })]);

        expect(reports.map((r) => dealCounts(r).inserted).sort()).toEqual([0, 5]);
        expect(reports.map((r) => dealCounts(r).unchanged).sort()).toEqual([0, 5]);
        const idColumn = columnOf(grid, serviceHeaderOf('id'));
        const sheetIds = dataRows(grid).map((r) => r.cells[idColumn - 1]);
        expect(new Set(sheetIds).size).toBe(5);
        let stored = await dealsOf(db, id);
        expect(stored.map((d) => d.id).sort()).toEqual([...sheetIds].sort());
        expect(headersOf(grid)).toEqual([...TEAM_HEADERS, ...DEAL_SERVICE_HEADERS]);
        let history = await historyOf(db, id);
        expect(history.map((h) => h.deal_id).sort()).toEqual([...sheetIds].sort());

        setCell(grid, '物流改善', DEAL_HEADERS.stage, '提案');
        await Promise.all([syncSpreadsheet(db, source, { now: '2026-12-02' }), syncSpreadsheet(other, source, { now: '2026-12-02' })]);

        stored = await dealsOf(db, id);
        expect(stored).toHaveLength(5);
        expect(stored.every((d) => d.removed_at === null)).toBe(true);
        history = await historyOf(db, id);
        expect(history).toHaveLength(6);
        expect((await stageHistoryOf(db, id, idOf(grid, '物流改善'))).map((h) => [h.fromStage, h.toStage, h.source])).toEqual([
          [null, 'nurturing', 'first_seen'],
          ['nurturing', 'proposal', 'observed'],
        ]);
        expect((await syncRunsOf(db, id)).map((r) => r.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
      });
    }

    it('links visits to their deals and counts ball days from a visit that left the ball with the customer', async () => {
      const id = `engine-${randomUUID()}`;
      const deals = dealGrid([
        { title: '基幹システム更改', account: '山田製作所', owner: '佐藤', stage: '見積提出' },
        { title: 'クラウド移行', account: '北海商事', owner: '高橋', stage: '提案' },
        { title: '物流改善', account: '東西物産', owner: '伊藤', stage: '提案' },
      ]);
      const visits = visitGrid([
        { visitedOn: serial('2026-11-23'), account: '山田製作所', dealTitle: '基幹システム更改', ball: '顧客' },
        { visitedOn: serial('2026-11-27'), dealTitle: 'クラウド移行', ball: '自社' },
        { visitedOn: serial('2026-11-28'), account: '未登録商事', dealTitle: '存在しない案件', ball: '顧客' },
      ]);
      const source = gridSource(id, deals, visits);

      const report = await sync(source);

      expect(report.tabs.map((t) => [t.kind, t.sheet, t.inserted])).toEqual([
        ['deals', DEALS_SHEET, 3],
        ['visits', VISITS_SHEET, 3],
      ]);
      const ballDays = serviceValues(deals, 'ballDays');
      expect(ballDays.get('基幹システム更改')).toBe(8);
      expect(ballDays.get('クラウド移行') ?? null).toBeNull();
      expect(ballDays.get('物流改善') ?? null).toBeNull();
      expect(String(cellOf(deals, '基幹システム更改', serviceHeaderOf('flags')))).toContain(FLAG_MESSAGES.ball_follow_up.label.ja);

      const storedVisits = await db.selectFrom('visits').select(['deal_title', 'deal_id', 'ball_after']).where('spreadsheet_id', '=', id).orderBy('visited_on').execute();
      expect(storedVisits).toEqual([
        { deal_title: '基幹システム更改', deal_id: idOf(deals, '基幹システム更改'), ball_after: 'customer' },
        { deal_title: 'クラウド移行', deal_id: idOf(deals, 'クラウド移行'), ball_after: 'us' },
        { deal_title: '存在しない案件', deal_id: null, ball_after: 'customer' },
      ]);
      expect(headersOf(visits)).toEqual(['訪問日', '顧客名', '案件名', 'ボール', 'ID [SFA]']);
      const visitIds = visits.rows.slice(HEADER_ROW).map((r) => r[4]);
      expect(visitIds.every((v) => typeof v === 'string' && v !== '')).toBe(true);
      expect(new Set(visitIds).size).toBe(3);

      const later = await sync(source, { now: '2026-12-04' });
      expect(serviceValues(deals, 'ballDays').get('基幹システム更改')).toBe(11);
      expect(later.tabs.every((t) => t.inserted === 0 && t.updated === 0 && t.removed === 0)).toBe(true);
    });

    it('links a visit logged before its deal was on the sheet once the deal is added', async () => {
      const id = `engine-${randomUUID()}`;
      const deals = dealGrid([{ title: '基幹システム更改', account: '山田製作所', owner: '佐藤', stage: '提案' }]);
      const visits = visitGrid([{ visitedOn: serial('2026-11-23'), account: '未登録商事', dealTitle: '新規案件', ball: '顧客' }]);
      const source = gridSource(id, deals, visits);
      await sync(source);
      expect((await db.selectFrom('visits').select('deal_id').where('spreadsheet_id', '=', id).execute())[0]?.deal_id).toBeNull();

      appendDeal(deals, { title: '新規案件', account: '未登録商事', owner: '鈴木', stage: '見積提出' });
      const report = await sync(source);

      expect(report.tabs.find((t) => t.kind === 'visits')).toMatchObject({ inserted: 0, updated: 0 });
      const stored = await db.selectFrom('visits').select('deal_id').where('spreadsheet_id', '=', id).execute();
      expect(stored[0]?.deal_id).toBe(idOf(deals, '新規案件'));
      expect(serviceValues(deals, 'ballDays').get('新規案件')).toBe(8);
    });

    it('counts days in stage against the now it is given when run for another date', async () => {
      const { id, grid, source } = newSheet([{ title: '基幹システム更改', account: '山田製作所', owner: '佐藤', stage: '提案', stageChangedOn: serial('2026-11-20') }]);
      await sync(source, { now: NOW });
      expect(cellOf(grid, '基幹システム更改', serviceHeaderOf('daysInStage'))).toBe(11);
      const dealsBefore = await dealsOf(db, id);
      const sheet = snapshot(grid);

      const whatIf = await sync(source, { now: addDays(NOW, 40), dryRun: true });
      const daysColumn = columnOf(grid, serviceHeaderOf('daysInStage'));
      const planned = whatIf.plan.tabs[0]?.writes.find((w) => w.column === daysColumn && w.row === FIRST_DATA_ROW);
      expect(planned?.value).toBe(51);
      expect(whatIf.stalest).toEqual([expect.objectContaining({ title: '基幹システム更改', daysInStage: 51, threshold: 21 })]);
      expect(grid.rows).toEqual(sheet);

      const report = await sync(source, { now: addDays(NOW, 2) });
      expect(cellOf(grid, '基幹システム更改', serviceHeaderOf('daysInStage'))).toBe(13);
      expect(dealCounts(report)).toMatchObject({ updated: 0, unchanged: 1 });
      expect(report.cellsWritten).toBeGreaterThan(0);
      // A new day rewrites the stored status, and nothing else of the deal.
      const statusColumns = ['status_as_of', 'status_hash', 'flag_codes', 'days_in_stage', 'ball_days', 'stale_threshold'];
      const withoutStatus = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !statusColumns.includes(k))));
      const dealsAfter = await dealsOf(db, id);
      expect(withoutStatus(dealsAfter)).toEqual(withoutStatus(dealsBefore));
      expect(dealsAfter[0]).toMatchObject({ status_as_of: addDays(NOW, 2), days_in_stage: 13 });
      expect(await historyOf(db, id)).toHaveLength(1);
    });
  });
});


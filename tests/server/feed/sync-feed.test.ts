// The sync's feed entries: observed stage changes and newly gained flags, on both databases.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../../shared/calendar/iso-date.ts';
import type { Db } from '../../../server/db/database.ts';
import { syncSpreadsheet, type SyncOptions } from '../../../server/sync/sync-engine.ts';
import type { SheetSource } from '../../../server/sync/sheet-source.ts';
import { BACKENDS, type SyncDatabase } from '../sync/test-databases.ts';
import { appendDeal, DEAL_HEADERS, dealGrid, gridSource, idOf, serial, setCell, type DealRowInput } from '../sync/test-sheet.ts';

const NOW: IsoDate = '2026-12-01';

const ROWS: readonly DealRowInput[] = [
  { title: '基幹システム更改', account: '山田製作所', owner: '佐藤', stage: '提案', stageChangedOn: serial('2026-11-28') },
  { title: '保守契約更新', account: '東西物産', owner: '鈴木', stage: '見積提出', quoteSentOn: serial('2026-11-24') },
  { title: 'クラウド移行', account: '北海商事', stage: 'リード', stageChangedOn: serial('2026-11-30') },
  { title: '倉庫管理', account: '東邦物流', owner: '田中', stage: '育成', stageChangedOn: serial('2026-11-29') },
  { title: '受付システム', account: '南海電機', owner: '高橋', stage: 'クロージング', stageChangedOn: serial('2026-11-30') },
];

async function entriesOf(db: Db, spreadsheetId: string) {
  return db.selectFrom('feed_entries').selectAll().where('spreadsheet_id', '=', spreadsheetId).orderBy('id').execute();
}

describe.each(BACKENDS)('appendSyncFeed on $name', (backend) => {
  backend.describe('appendSyncFeed', () => {
    let database: SyncDatabase;
    let db: Db;

    beforeAll(async () => {
      database = await backend.open('sync_feed');
      db = database.db;
    });
    afterAll(async () => {
      await database?.close();
    });

    const newSheet = (rows: readonly DealRowInput[] = ROWS) => {
      const id = `feed-${randomUUID()}`;
      const grid = dealGrid(rows);
      return { id, grid, source: gridSource(id, grid) };
    };
    const sync = (source: SheetSource, options: Partial<SyncOptions> = {}) => syncSpreadsheet(db, source, { now: NOW, ...options });

    it('makes no entry on the first sync, seeded history and flags included', async () => {
      const { id, source } = newSheet();
      const report = await sync(source);
      expect(report.flagCounts.no_owner).toBe(1);
      expect(await entriesOf(db, id)).toEqual([]);
    });

    it('makes no entry on a re-sync with nothing changed, the same day or the next', async () => {
      const { id, source } = newSheet();
      await sync(source);
      await sync(source);
      await sync(source, { now: addDays(NOW, 1) });
      expect(await entriesOf(db, id)).toEqual([]);
    });

    it('makes exactly one stage_changed entry, on the deal and its account, for a stage change', async () => {
      const { id, grid, source } = newSheet();
      await sync(source);
      setCell(grid, '基幹システム更改', DEAL_HEADERS.stage, '見積提出');

      await sync(source);

      const entries = await entriesOf(db, id);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ kind: 'stage_changed', deal_id: idOf(grid, '基幹システム更改'), account: '山田製作所', account_key: '山田製作所', actor: null });
      expect(entries[0]?.payload).toEqual({ title: '基幹システム更改', fromStage: 'proposal', fromLabel: '提案', toStage: 'quote', toLabel: '見積提出', enteredOn: NOW });

      await sync(source);
      await sync(source, { now: addDays(NOW, 1) });
      expect(await entriesOf(db, id)).toHaveLength(1);
    });

    it('makes a flag_raised entry for a flag a deal gained, and none for flags it kept', async () => {
      const { id, grid, source } = newSheet();
      await sync(source);
      // クラウド移行 has had no owner since the first sync; 基幹システム更改 loses its owner now.
      setCell(grid, '基幹システム更改', DEAL_HEADERS.owner, null);

      await sync(source);

      const entries = await entriesOf(db, id);
      expect(entries.map((e) => [e.kind, e.deal_id])).toEqual([['flag_raised', idOf(grid, '基幹システム更改')]]);
      expect(entries[0]?.payload).toEqual({ title: '基幹システム更改', owner: null, raised: [{ code: 'no_owner', params: {} }], current: ['no_owner'], requestId: null });

      // Every status is recomputed the next day; the flags that stayed are not news.
      await sync(source, { now: addDays(NOW, 1) });
      expect(await entriesOf(db, id)).toHaveLength(1);
    });

    it('makes a new entry when a cleared flag is raised again', async () => {
      const { id, grid, source } = newSheet();
      await sync(source);
      setCell(grid, '基幹システム更改', DEAL_HEADERS.owner, null);
      await sync(source);
      setCell(grid, '基幹システム更改', DEAL_HEADERS.owner, '佐藤');
      await sync(source);
      setCell(grid, '基幹システム更改', DEAL_HEADERS.owner, null);
      await sync(source);

      expect((await entriesOf(db, id)).map((e) => e.kind)).toEqual(['flag_raised', 'flag_raised']);
    });

    it('makes entries as deals age into new flags, with their reasons', async () => {
      const { id, source } = newSheet([{ title: '提案中', account: '山田製作所', owner: '佐藤', stage: '提案', stageChangedOn: serial('2026-11-15') }]);
      await sync(source);
      expect(await entriesOf(db, id)).toEqual([]);

      await sync(source, { now: '2026-12-03' });
      await sync(source, { now: '2026-12-06' });

      const entries = await entriesOf(db, id);
      expect(entries.map((e) => (e.payload as { raised: unknown[] }).raised)).toEqual([
        [{ code: 'stale_warning', params: { stage: '提案', days: 18, threshold: 21 } }],
        [{ code: 'stale', params: { stage: '提案', days: 21, threshold: 21 } }],
      ]);
    });

    it('makes an entry for a deal added later that is flagged already', async () => {
      const { id, grid, source } = newSheet();
      await sync(source);
      appendDeal(grid, { title: '新規開拓', account: '西日本商会', stage: 'リード' });

      await sync(source);

      const entries = await entriesOf(db, id);
      expect(entries.map((e) => [e.kind, e.deal_id, e.account])).toEqual([['flag_raised', idOf(grid, '新規開拓'), '西日本商会']]);
    });

    it('leaves no entry behind after a dry run', async () => {
      const { id, grid, source } = newSheet();
      await sync(source);
      setCell(grid, '基幹システム更改', DEAL_HEADERS.stage, '見積提出');
      setCell(grid, '保守契約更新', DEAL_HEADERS.owner, null);

      const report = await sync(source, { dryRun: true });

      expect(report.dryRun).toBe(true);
      expect(await entriesOf(db, id)).toEqual([]);
    });
  });
});

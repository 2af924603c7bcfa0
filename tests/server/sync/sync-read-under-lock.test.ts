// A sync reads the sheet under the spreadsheet's lock, so two syncs of one sheet commit in the
// order they read it: a slow reader (a recompute fetching from Google) can never commit an older
// sheet over a newer one (the add-on's push), which would have the deal's stage go back and forth.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SheetGrid } from '../../../shared/mapping/sheet-grid.ts';
import { stageHistoryOf } from '../../../server/deals/deal.repository.ts';
import { syncSpreadsheet } from '../../../server/sync/sync-engine.ts';
import type { SheetSource } from '../../../server/sync/sheet-source.ts';
import { POSTGRES, type SyncDatabase } from './test-databases.ts';
import { cellOf, dealGrid, DEAL_HEADERS, serial, setCell, snapshot } from './test-sheet.ts';

const SHEET = 'read-under-lock';

POSTGRES.describe('syncSpreadsheet under concurrency', () => {
  let database: SyncDatabase;
  beforeAll(async () => {
    database = await POSTGRES.open('read_lock');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('commits a slow reader before a later reader of a newer sheet, never after it', async () => {
    const sheet = dealGrid([{ title: '基幹更新', account: '北海電機', stage: '提案', stageChangedOn: serial('2026-11-01') }]);
    const source = (delayMs: number): SheetSource => ({
      identify: async () => ({ spreadsheetId: SHEET, kind: 'google', title: 't', timeZone: 'Asia/Tokyo' }),
      // The answer reflects the sheet when the request went out, however long it takes to arrive.
      read: async (): Promise<SheetGrid[]> => {
        const taken = snapshot(sheet);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return [{ name: sheet.name, rows: taken }];
      },
      apply: async () => undefined,
    });
    await syncSpreadsheet(database.db, source(0), { now: '2026-11-18' });

    const other = await database.connect();
    try {
      const slow = syncSpreadsheet(database.db, source(400), { now: '2026-11-20' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      // The user moves the deal on while the slow read is out; a push of the new sheet follows.
      setCell(sheet, '基幹更新', DEAL_HEADERS.stage, '見積提出');
      expect(cellOf(sheet, '基幹更新', DEAL_HEADERS.stage)).toBe('見積提出');
      const push = syncSpreadsheet(other, source(0), { now: '2026-11-20' });
      await Promise.all([slow, push]);
    } finally {
      await other.destroy();
    }
    const deal = await database.db.selectFrom('deals').select(['id', 'stage']).where('spreadsheet_id', '=', SHEET).executeTakeFirstOrThrow();
    expect(deal.stage).toBe('quote');
    const history = (await stageHistoryOf(database.db, SHEET, deal.id)).map((e) => `${e.fromStage ?? '∅'}→${e.toStage}`);
    expect(history).toEqual(['∅→proposal', 'proposal→quote']);
  });
});

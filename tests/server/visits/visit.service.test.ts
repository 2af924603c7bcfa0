// logVisit against the sync's feed: a flag the deal gained since the last sync is news once, from
// the visit or from the next sync, never swallowed by the visit overwriting the stored flags.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../shared/calendar/iso-date.ts';
import type { Db } from '../../../server/db/database.ts';
import { syncSpreadsheet } from '../../../server/sync/sync-engine.ts';
import { logVisit } from '../../../server/visits/visit.service.ts';
import type { VisitBody } from '../../../server/visits/visit.schemas.ts';
import { PGLITE, type SyncDatabase } from '../sync/test-databases.ts';
import { dealGrid, gridSource, serial, visitGrid, type DealRowInput } from '../sync/test-sheet.ts';

// Proposal goes stale after 21 days: entered 2026-11-10, 20 days on 11-30, 21 on 12-01.
const DEALS: readonly DealRowInput[] = [{ title: '保守契約更新', account: '東西物産', owner: '鈴木', stage: '提案', stageChangedOn: serial('2026-11-10') }];
const dayAt = (day: IsoDate): Date => new Date(`${day}T00:00:00Z`);

PGLITE.describe('logVisit', () => {
  let database: SyncDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await PGLITE.open('visit_service');
    db = database.db;
  });
  afterAll(async () => {
    await database?.close();
  });

  const raisedCodes = async (id: string): Promise<string[][]> => {
    const entries = await db.selectFrom('feed_entries').select('payload').where('spreadsheet_id', '=', id).where('kind', '=', 'flag_raised').execute();
    return entries.map((e) => (e.payload as { raised: { code: string }[] }).raised.map((r) => r.code));
  };

  describe('flag_raised', () => {
    it('reports a flag that appeared since the last sync when the visit lands on that day', async () => {
      const id = `vs-${randomUUID()}`;
      const source = gridSource(id, dealGrid(DEALS), visitGrid([{ visitedOn: serial('2026-11-28'), account: '東西物産', dealTitle: '保守契約更新', ball: '自社' }]));
      for (const day of ['2026-11-29', '2026-11-30'] as const) await syncSpreadsheet(db, source, { now: day, clock: () => dayAt(day) });
      expect(await raisedCodes(id)).toEqual([]);

      const visited = await logVisit(db, {
        spreadsheetId: id,
        caller: 'rep@example.co.jp',
        at: dayAt('2026-12-01'),
        body: { visitedOn: '2026-12-01', dealTitle: '保守契約更新', account: '東西物産', ballAfter: 'us' } as VisitBody,
      });
      expect(visited.deal?.raised).toContain('stale');
      await source.apply(visited.plan);
      await syncSpreadsheet(db, source, { now: '2026-12-01', clock: () => dayAt('2026-12-01') });
      // Once, from the visit: the sync after it finds the flag stored.
      expect((await raisedCodes(id)).filter((codes) => codes.includes('stale'))).toHaveLength(1);
    });
  });
});

import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/open-database.ts';
import type { Db } from '../../../server/db/database.ts';
import { createBoss } from '../../../server/recompute/create-boss.ts';
import { createQueues, fanOut, SPREADSHEET_QUEUE, ZONE_QUEUE } from '../../../server/recompute/recompute-queues.ts';
import { ZoneSchedules } from '../../../server/recompute/zone-schedules.ts';
import { upsertSpreadsheet } from '../../../server/spreadsheets/spreadsheet.repository.ts';
import { createTestDatabase, describeIfPostgres, type TestDatabase } from '../../support/postgres-database.ts';
import { dropWhenClosed } from './recompute-fixture.ts';
import { recomputeConfig } from './recompute-test-config.ts';

describeIfPostgres('recompute queues on Postgres', () => {
  let database: TestDatabase;
  let db: Db;
  let boss: PgBoss;

  beforeAll(async () => {
    database = await createTestDatabase('recompute_queues');
    db = await openDatabase({ kind: 'postgres', url: database.url });
    const config = recomputeConfig({ kind: 'postgres', url: database.url }, { credentialsPath: null, sheetsRootUrl: null });
    // Nothing here is meant to run: no cron pass, no supervisor.
    boss = createBoss(config, db);
    boss.on('error', () => undefined);
    await boss.start();
    await createQueues(boss);
    await upsertSpreadsheet(db, { id: 'tokyo-1', kind: 'google', title: 'Tokyo 1', timeZone: 'Asia/Tokyo' });
    await upsertSpreadsheet(db, { id: 'tokyo-2', kind: 'google', title: 'Tokyo 2', timeZone: 'Asia/Tokyo' });
    await upsertSpreadsheet(db, { id: 'tokyo-xlsx', kind: 'xlsx', title: 'Tokyo workbook', timeZone: 'Asia/Tokyo' });
    await upsertSpreadsheet(db, { id: 'new-york-1', kind: 'google', title: 'New York 1', timeZone: 'America/New_York' });
  });

  afterAll(async () => {
    await boss?.stop({ graceful: false });
    await db?.destroy();
    if (database !== undefined) await dropWhenClosed(database);
  });

  describe('createQueues', () => {
    it('makes the spreadsheet queue exclusive and can run again on existing queues', async () => {
      await createQueues(boss);
      expect((await boss.getQueue(SPREADSHEET_QUEUE))?.policy).toBe('exclusive');
      expect((await boss.getQueue(ZONE_QUEUE))?.policy).toBe('standard');
    });
  });

  describe('ZoneSchedules', () => {
    it('writes one schedule per zone, read in that zone, once per process', async () => {
      const schedules = new ZoneSchedules(boss, '0 6 * * *');
      await Promise.all([schedules.ensure('Asia/Tokyo'), schedules.ensure('Asia/Tokyo'), schedules.ensure('America/New_York'), schedules.ensure('Etc/GMT+9')]);
      const rows = await boss.getSchedules(ZONE_QUEUE);
      expect(rows.map((s) => ({ key: s.key, cron: s.cron, timezone: s.timezone, data: s.data })).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
        { key: 'America/New_York', cron: '0 6 * * *', timezone: 'America/New_York', data: { timeZone: 'America/New_York' } },
        { key: 'Asia/Tokyo', cron: '0 6 * * *', timezone: 'Asia/Tokyo', data: { timeZone: 'Asia/Tokyo' } },
        { key: 'Etc/GMT.2b.9', cron: '0 6 * * *', timezone: 'Etc/GMT+9', data: { timeZone: 'Etc/GMT+9' } },
      ]);
    });

    it('refuses a zone that does not exist, and tries again next time', async () => {
      const schedules = new ZoneSchedules(boss, '0 6 * * *');
      await expect(schedules.ensure('Mars/Olympus_Mons')).rejects.toThrow();
      await expect(schedules.ensure('Mars/Olympus_Mons')).rejects.toThrow();
    });
  });

  describe('fanOut', () => {
    it('queues one job per Google spreadsheet of the zone, and none for one already pending', async () => {
      expect(await fanOut(boss, db, 'Asia/Tokyo')).toBe(2);
      expect(await fanOut(boss, db, 'Asia/Tokyo')).toBe(0);
      const jobs = await boss.findJobs<{ spreadsheetId: string }>(SPREADSHEET_QUEUE, { queued: true });
      expect(jobs.map((j) => [j.singletonKey, j.data.spreadsheetId]).sort()).toEqual([
        ['tokyo-1', 'tokyo-1'],
        ['tokyo-2', 'tokyo-2'],
      ]);
      expect(await fanOut(boss, db, 'Europe/Paris')).toBe(0);
    });
  });
});

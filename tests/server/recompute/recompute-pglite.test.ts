import { sql } from 'kysely';
import { fromPglite, PgBoss } from 'pg-boss';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, pgliteOf, type Db } from '../../../server/db/database.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { BOSS_SCHEMA } from '../../../server/recompute/create-boss.ts';
import { ZONE_QUEUE } from '../../../server/recompute/recompute-queues.ts';
import { startRecompute, type Recompute } from '../../../server/recompute/recompute.ts';
import { pushBody } from '../../support/service/apply-plan-wire.ts';
import { startServiceHarness, type ServiceHarness } from '../../support/service/service-harness.ts';
import { DEALS_TAB, eventually, flagsOf, QUOTE_DEAL, register, runsOf, startRecomputeWorld, type RecomputeWorld } from './recompute-fixture.ts';
import { recomputeConfig } from './recompute-test-config.ts';

const NOW = new Date('2026-04-15T00:30:00Z');
const STALE = '停滞';
const silent = pino({ level: 'silent' });

/** A second pg-boss on the same embedded database, as the cron pass would send its 06:00 job. */
async function senderOn(db: Db): Promise<PgBoss> {
  const pglite = pgliteOf(db);
  if (pglite === null) throw new Error('not PGlite');
  const boss = new PgBoss({ db: fromPglite(pglite), backend: 'pglite', schema: BOSS_SCHEMA, schedule: false, supervise: false, migrate: false });
  boss.on('error', () => undefined);
  return boss.start();
}

describe('the recompute on the embedded PGlite', () => {
  let world: RecomputeWorld;

  beforeAll(async () => {
    world = await startRecomputeWorld('pglite');
  });

  afterAll(async () => {
    await world?.close();
  });

  describe('startRecompute', () => {
    it('starts, recomputes now and through its job, and stops', async () => {
      const db = createDb({ kind: 'pglite', dataDir: null });
      await migrateToLatest(db);
      const id = world.dealsSpreadsheet({ title: '東京営業部', timeZone: 'Asia/Tokyo' });
      await register(db, id, 'Asia/Tokyo');
      const config = recomputeConfig({ kind: 'pglite', dataDir: null }, { credentialsPath: world.keyPath, sheetsRootUrl: world.standIn.rootUrl });
      const recompute = await startRecompute(config, db, { clock: () => NOW, logger: silent });
      const sender = await senderOn(db);
      try {
        const report = await recompute.runNow(id, null);
        expect(report.asOf).toBe('2026-04-15');
        expect(flagsOf(world.standIn, id).get(QUOTE_DEAL.title)).toContain(STALE);
        expect((await sender.getSchedules(ZONE_QUEUE)).map((s) => [s.key, s.timezone])).toEqual([['Asia/Tokyo', 'Asia/Tokyo']]);

        await sender.send(ZONE_QUEUE, { timeZone: 'Asia/Tokyo' });
        const runs = await eventually(async () => {
          const all = await runsOf(db, id);
          return all.length === 2 ? all : null;
        }, 20_000, 'the job to run');
        expect(runs.map((r) => [r.outcome, r.trigger])).toEqual([
          ['succeeded', 'recompute'],
          ['succeeded', 'recompute'],
        ]);
      } finally {
        await sender.stop({ graceful: false, close: false });
        await recompute.stop(5_000);
        await db.destroy();
      }
    });

    it('without recompute.enabled, runs nothing on its own but still recomputes on demand', async () => {
      const db = createDb({ kind: 'pglite', dataDir: null });
      await migrateToLatest(db);
      const id = world.dealsSpreadsheet({ title: '大阪営業所', timeZone: 'Asia/Tokyo' });
      await register(db, id, 'Asia/Tokyo');
      const config = recomputeConfig({ kind: 'pglite', dataDir: null }, { credentialsPath: world.keyPath, sheetsRootUrl: world.standIn.rootUrl }, false);
      const recompute = await startRecompute(config, db, { clock: () => NOW, logger: silent });
      try {
        await recompute.ensureSchedule('Asia/Tokyo');
        expect((await recompute.runNow(id, 'admin@example.co.jp')).asOf).toBe('2026-04-15');
        // pg-boss was never installed.
        const schemas = await sql<{ name: string }>`select schema_name as name from information_schema.schemata`.execute(db);
        expect(schemas.rows.map((s) => s.name)).not.toContain(BOSS_SCHEMA);
      } finally {
        await recompute.stop(5_000);
        await db.destroy();
      }
      await expect(recompute.runNow(id, 'admin@example.co.jp')).rejects.toMatchObject({ status: 503 });
    });
  });

  describe('POST /v1/spreadsheets/{spreadsheetId}/recompute', () => {
    const ADMIN = 'admin@example.co.jp';
    let harness: ServiceHarness;
    let recompute: Recompute;
    let db: Db;

    beforeAll(async () => {
      harness = await startServiceHarness({
        database: 'pglite',
        standIn: world.standIn,
        clock: () => NOW,
        plugins: async (serviceDb) => {
          db = serviceDb;
          const config = recomputeConfig({ kind: 'pglite', dataDir: null }, { credentialsPath: world.keyPath, sheetsRootUrl: world.standIn.rootUrl });
          recompute = await startRecompute(config, serviceDb, { clock: () => NOW, logger: silent });
          return [{ routes: recompute.routes, onSynced: (_id, timeZone) => recompute.ensureSchedule(timeZone), stop: (timeoutMs) => recompute.stop(timeoutMs) }];
        },
      });
    });

    afterAll(async () => {
      await harness?.close();
    });

    /** The add-on's first sync of the sheet: registers it and makes the caller its admin. */
    async function pushSync(id: string, title: string): Promise<void> {
      const rows = world.standIn.values(id, DEALS_TAB);
      const response = await harness.call('POST', `/v1/spreadsheets/${id}/sync`, { as: ADMIN, body: pushBody(title, 'Asia/Tokyo', [{ name: DEALS_TAB, rows }]) });
      expect(response.status).toBe(200);
    }

    it('recomputes for an admin and answers with the sync summary', async () => {
      const id = world.dealsSpreadsheet({ title: '名古屋支店', timeZone: 'Asia/Tokyo' });
      await pushSync(id, '名古屋支店');
      const response = await harness.call('POST', `/v1/spreadsheets/${id}/recompute`, { as: ADMIN });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { runId: string; asOf: string; summary: { flagCounts: Record<string, number> } };
      expect(body.asOf).toBe('2026-04-15');
      expect(body.summary.flagCounts.stale).toBeGreaterThanOrEqual(1);
      expect(flagsOf(world.standIn, id).get(QUOTE_DEAL.title)).toContain(STALE);
      const runs = await runsOf(db, id);
      // Both at the same instant of the fixed clock: compared as a set.
      expect(runs.map((r) => [r.trigger, r.requested_by]).sort()).toEqual([
        ['manual', ADMIN],
        ['push', ADMIN],
      ]);
    });

    it('is refused to a caller who is not an admin of the spreadsheet', async () => {
      const id = world.dealsSpreadsheet({ title: '福岡支店', timeZone: 'Asia/Tokyo' });
      await pushSync(id, '福岡支店');
      const response = await harness.call('POST', `/v1/spreadsheets/${id}/recompute`, { as: 'someone@example.co.jp' });
      expect(response.status).toBe(403);
    });

    it('answers 502 source_unreachable when the sheet is not shared with the service account', async () => {
      const id = world.dealsSpreadsheet({ title: '札幌支店', timeZone: 'Asia/Tokyo', shared: false });
      await pushSync(id, '札幌支店');
      const response = await harness.call('POST', `/v1/spreadsheets/${id}/recompute`, { as: ADMIN });
      expect(response.status).toBe(502);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('source_unreachable');
      expect(body.error.message).toContain(world.serviceAccount);
    });

    it('answers 409 to a second recompute of a spreadsheet while the first runs', async () => {
      const id = world.dealsSpreadsheet({ title: '仙台支店', timeZone: 'Asia/Tokyo' });
      await pushSync(id, '仙台支店');
      const [first, second] = await Promise.all([
        harness.call('POST', `/v1/spreadsheets/${id}/recompute`, { as: ADMIN }),
        harness.call('POST', `/v1/spreadsheets/${id}/recompute`, { as: ADMIN }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
    });
  });
});

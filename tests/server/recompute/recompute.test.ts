import type { PgBoss } from 'pg-boss';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/open-database.ts';
import type { Db } from '../../../server/db/database.ts';
import { ZONE_QUEUE } from '../../../server/recompute/recompute-queues.ts';
import { startRecompute, type Recompute } from '../../../server/recompute/recompute.ts';
import { SyncError } from '../../../server/sync/sync-error.ts';
import { createTestDatabase, describeIfPostgres, type TestDatabase } from '../../support/postgres-database.ts';
import { dropWhenClosed, eventually, flagsOf, PROPOSAL_DEAL, QUOTE_DEAL, type RecomputeWorld, register, runsOf, startRecomputeWorld, startSender } from './recompute-fixture.ts';
import { recomputeConfig } from './recompute-test-config.ts';

const STALE = '停滞';
// 09:30 in Tokyo and Seoul.
const DAY_D = new Date('2026-04-01T00:30:00Z');
const TWO_WEEKS_LATER = new Date('2026-04-15T00:30:00Z');

describeIfPostgres('startRecompute on Postgres', () => {
  let database: TestDatabase;
  let db: Db;
  let world: RecomputeWorld;
  let recompute: Recompute;
  let sender: PgBoss;
  let now = DAY_D;

  beforeAll(async () => {
    database = await createTestDatabase('recompute');
    db = await openDatabase({ kind: 'postgres', url: database.url });
    world = await startRecomputeWorld('recompute');
    const config = recomputeConfig({ kind: 'postgres', url: database.url }, { credentialsPath: world.keyPath, sheetsRootUrl: world.standIn.rootUrl });
    recompute = await startRecompute(config, db, { clock: () => now, logger: pino({ level: 'silent' }) });
    sender = await startSender(database.url);
  });

  afterAll(async () => {
    await sender?.stop({ graceful: false });
    await recompute?.stop(5_000);
    await world?.close();
    await db?.destroy();
    if (database !== undefined) await dropWhenClosed(database);
  });

  describe('the daily recompute of one spreadsheet', () => {
    it('refreshes the flags in the sheet as the days pass, without anyone opening it', async () => {
      const id = world.dealsSpreadsheet({ title: '2026年度 営業案件管理表', timeZone: 'Asia/Tokyo' });
      await register(db, id, 'Asia/Tokyo');

      now = DAY_D;
      const first = await recompute.runNow(id, null);
      expect(first.asOf).toBe('2026-04-01');
      expect(flagsOf(world.standIn, id).get(QUOTE_DEAL.title)).not.toContain(STALE);

      // Two weeks on nobody has touched the sheet; the 06:00 job of its zone comes round.
      now = TWO_WEEKS_LATER;
      await sender.send(ZONE_QUEUE, { timeZone: 'Asia/Tokyo' });
      await eventually(async () => (await runsOf(db, id)).length === 2, 20_000, 'the job to run');
      await eventually(async () => flagsOf(world.standIn, id).get(QUOTE_DEAL.title)?.includes(STALE), 5_000, 'the flags to be written');

      // 見積提出 since 03/28: 18 days against a 14-day threshold; 提案 since 03/30: 16 of 21.
      expect(flagsOf(world.standIn, id).get(PROPOSAL_DEAL.title)).not.toContain(STALE);
      const runs = await runsOf(db, id);
      expect(runs.map((r) => ({ asOf: r.as_of, outcome: r.outcome, trigger: r.trigger, requestedBy: r.requested_by }))).toEqual([
        { asOf: '2026-04-01', outcome: 'succeeded', trigger: 'recompute', requestedBy: null },
        { asOf: '2026-04-15', outcome: 'succeeded', trigger: 'recompute', requestedBy: null },
      ]);
      // Every request the sheet saw came from the service account.
      const callers = new Set(world.standIn.requests.filter((r) => r.path.includes(id)).map((r) => r.caller));
      expect([...callers]).toEqual([world.serviceAccount]);
    });

    it('takes the business date in the spreadsheet\'s own time zone', async () => {
      const id = world.dealsSpreadsheet({ title: 'Pipeline (US)', timeZone: 'America/Los_Angeles' });
      await register(db, id, 'America/Los_Angeles');
      // 2026-04-15 00:30 UTC is still the 14th in Los Angeles.
      now = TWO_WEEKS_LATER;
      expect((await recompute.runNow(id, null)).asOf).toBe('2026-04-14');
    });

    it('records who asked for a manual recompute', async () => {
      const id = world.dealsSpreadsheet({ title: '手動', timeZone: 'Asia/Tokyo' });
      await register(db, id, 'Asia/Tokyo');
      await recompute.runNow(id, 'admin@example.co.jp');
      const [run] = await runsOf(db, id);
      expect({ trigger: run?.trigger, requestedBy: run?.requested_by }).toEqual({ trigger: 'manual', requestedBy: 'admin@example.co.jp' });
    });
  });

  describe('isolation', () => {
    it('records a failed run for each spreadsheet that fails while the others of its zone still recompute', async () => {
      const zone = 'Asia/Seoul';
      const healthy = world.dealsSpreadsheet({ title: '영업 1', timeZone: zone });
      const flaky = world.dealsSpreadsheet({ title: '영업 2', timeZone: zone });
      const unshared = world.dealsSpreadsheet({ title: '共有されていない表', timeZone: zone, shared: false });
      const noDeals = world.standIn.createSpreadsheet({
        title: 'メモ',
        timeZone: zone,
        sheets: [{ title: 'メモ', rows: [['今週の予定'], ['月曜: 定例会議']] }],
        sharedWith: [world.serviceAccount],
      });
      for (const id of [healthy, flaky, unshared, noDeals]) await register(db, id, zone);
      // One 500 from Google: the source retries it.
      world.standIn.failNext({ pathIncludes: `${flaky}/values:batchGet` }, 500, 1);

      now = TWO_WEEKS_LATER;
      await sender.send(ZONE_QUEUE, { timeZone: zone });
      const outcomes = async () => Promise.all([healthy, flaky, unshared, noDeals].map(async (id) => (await runsOf(db, id))[0]));
      const runs = await eventually(async () => {
        const all = await outcomes();
        return all.every((r) => r !== undefined) ? all : null;
      }, 30_000, 'a run of every spreadsheet');

      expect(runs.map((r) => [r?.outcome, r?.trigger, r?.as_of])).toEqual([
        ['succeeded', 'recompute', '2026-04-15'],
        ['succeeded', 'recompute', '2026-04-15'],
        ['failed', 'recompute', '2026-04-15'],
        ['failed', 'recompute', '2026-04-15'],
      ]);
      expect(world.standIn.requests.filter((r) => r.path.includes(flaky) && r.status === 500)).toHaveLength(1);
      expect(runs[2]?.error).toContain(`share the sheet with ${world.serviceAccount}`);
      expect(runs[3]?.error).toContain('no deals tab');
      // The run is recorded at commit; the cells follow.
      for (const id of [healthy, flaky]) await eventually(async () => flagsOf(world.standIn, id).get(QUOTE_DEAL.title)?.includes(STALE), 5_000, 'the flags');
    });

    it('answers runNow of a sheet the service account cannot open with source_unreachable, and records it', async () => {
      const id = world.dealsSpreadsheet({ title: '未共有', timeZone: 'Asia/Tokyo', shared: false });
      await register(db, id, 'Asia/Tokyo');
      const error = await recompute.runNow(id, 'admin@example.co.jp').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SyncError);
      expect((error as SyncError).code).toBe('source_unreachable');
      const [run] = await runsOf(db, id);
      expect({ outcome: run?.outcome, trigger: run?.trigger, requestedBy: run?.requested_by }).toEqual({ outcome: 'failed', trigger: 'manual', requestedBy: 'admin@example.co.jp' });
    });

    it('refuses a spreadsheet the service does not know', async () => {
      await expect(recompute.runNow('1NotRegisteredAnywhere0000', null)).rejects.toMatchObject({ status: 404, code: 'not_found' });
    });
  });
});

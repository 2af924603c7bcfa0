import { TestClock, type PgBoss } from 'pg-boss';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/open-database.ts';
import type { Db } from '../../../server/db/database.ts';
import { ZONE_QUEUE } from '../../../server/recompute/recompute-queues.ts';
import { startRecompute, type Recompute } from '../../../server/recompute/recompute.ts';
import { createTestDatabase, describeIfPostgres, type TestDatabase } from '../../support/postgres-database.ts';
import { dropWhenClosed, flagsOf, QUOTE_DEAL, type RecomputeWorld, register, runsOf, sleep, startRecomputeWorld, startSender } from './recompute-fixture.ts';
import { recomputeConfig } from './recompute-test-config.ts';

describeIfPostgres('the daily recompute schedule', () => {
  let database: TestDatabase;
  let db: Db;
  let world: RecomputeWorld;
  let recompute: Recompute;
  let sender: PgBoss;
  let tokyo: string;
  let newYork: string;
  // pg-boss's timers and its job_now() in Postgres, and the business clock, all read this.
  const clock = new TestClock('2026-04-14T20:50:00Z');

  /** Advances pg-boss's time in steps until the spreadsheet has `count` runs. */
  async function tickUntilRuns(spreadsheetId: string, count: number): Promise<void> {
    for (let step = 0; step < 120; step++) {
      if ((await runsOf(db, spreadsheetId)).length >= count) return;
      await clock.tick(2_000);
      // Job handlers run in real time; tick() does not wait for them.
      await sleep(25);
    }
    throw new Error(`no run of ${spreadsheetId} by ${new Date(clock.now()).toISOString()}`);
  }

  beforeAll(async () => {
    database = await createTestDatabase('recompute_schedule');
    db = await openDatabase({ kind: 'postgres', url: database.url });
    world = await startRecomputeWorld('schedule');
    tokyo = world.dealsSpreadsheet({ title: '東京営業部', timeZone: 'Asia/Tokyo' });
    newYork = world.dealsSpreadsheet({ title: 'New York office', timeZone: 'America/New_York' });
    // Known before the service starts: start() must schedule their zones.
    await register(db, tokyo, 'Asia/Tokyo');
    await register(db, newYork, 'America/New_York');
    const config = recomputeConfig({ kind: 'postgres', url: database.url }, { credentialsPath: world.keyPath, sheetsRootUrl: world.standIn.rootUrl });
    recompute = await startRecompute(config, db, { clock: () => new Date(clock.now()), bossClock: clock, logger: pino({ level: 'silent' }) });
    sender = await startSender(database.url);
  });

  afterAll(async () => {
    await sender?.stop({ graceful: false });
    await recompute?.stop(5_000);
    await world?.close();
    await db?.destroy();
    if (database !== undefined) await dropWhenClosed(database);
  });

  it('has one schedule per time zone of the database once started', async () => {
    const schedules = await sender.getSchedules(ZONE_QUEUE);
    expect(schedules.map((s) => [s.key, s.cron, s.timezone]).sort()).toEqual([
      ['America/New_York', '0 6 * * *', 'America/New_York'],
      ['Asia/Tokyo', '0 6 * * *', 'Asia/Tokyo'],
    ]);
  });

  it('fires at 06:00 in Tokyo for the Tokyo sheet only', async () => {
    // 05:59:30 in Tokyo: nothing yet.
    await clock.setTime('2026-04-14T20:59:30Z');
    await clock.tick(20_000);
    await sleep(200);
    expect(await runsOf(db, tokyo)).toEqual([]);

    await tickUntilRuns(tokyo, 1);
    const fired = new Date(clock.now());
    expect(fired.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-04-14T21:00:00Z'));
    expect(fired.getTime()).toBeLessThan(Date.parse('2026-04-14T21:02:00Z'));
    const [run] = await runsOf(db, tokyo);
    expect({ asOf: run?.as_of, outcome: run?.outcome, trigger: run?.trigger }).toEqual({ asOf: '2026-04-15', outcome: 'succeeded', trigger: 'recompute' });
    // 17:00 the day before in New York.
    expect(await runsOf(db, newYork)).toEqual([]);
    await tickUntilFlag(tokyo);
  });

  it('fires at 06:00 in New York thirteen hours later', async () => {
    await clock.setTime('2026-04-15T09:59:30Z');
    await tickUntilRuns(newYork, 1);
    const [run] = await runsOf(db, newYork);
    expect({ asOf: run?.as_of, outcome: run?.outcome, trigger: run?.trigger }).toEqual({ asOf: '2026-04-15', outcome: 'succeeded', trigger: 'recompute' });
    // Once a day: Tokyo was not recomputed again.
    expect(await runsOf(db, tokyo)).toHaveLength(1);
  });

  async function tickUntilFlag(spreadsheetId: string): Promise<void> {
    // The run is recorded when its transaction commits; the sheet is set up and written after
    // that, so the flags column itself may not be there yet.
    const shown = (): boolean => {
      try {
        return flagsOf(world.standIn, spreadsheetId).get(QUOTE_DEAL.title)?.includes('停滞') === true;
      } catch {
        return false;
      }
    };
    for (let step = 0; step < 50; step++) {
      if (shown()) return;
      await sleep(100);
    }
    throw new Error('the stale flag never reached the sheet');
  }
});

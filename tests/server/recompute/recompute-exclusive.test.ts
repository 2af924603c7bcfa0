import { sql } from 'kysely';
import type { PgBoss } from 'pg-boss';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/open-database.ts';
import type { Db } from '../../../server/db/database.ts';
import { BOSS_SCHEMA } from '../../../server/recompute/create-boss.ts';
import { SPREADSHEET_QUEUE, ZONE_QUEUE } from '../../../server/recompute/recompute-queues.ts';
import { startRecompute, type Recompute } from '../../../server/recompute/recompute.ts';
import { createTestDatabase, describeIfPostgres, type TestDatabase } from '../../support/postgres-database.ts';
import { dropWhenClosed, eventually, type RecomputeWorld, register, sleep, startRecomputeWorld, startSender } from './recompute-fixture.ts';
import { recomputeConfig } from './recompute-test-config.ts';
import { startSlowProxy, type SlowProxy } from './slow-proxy.ts';

const ZONE = 'Asia/Tokyo';

interface Interval {
  readonly key: string;
  readonly start: Date;
  readonly end: Date;
}

/** Pairs of intervals of one key that overlap. */
function overlaps(intervals: readonly Interval[]): [Interval, Interval][] {
  const found: [Interval, Interval][] = [];
  const byKey = Map.groupBy(intervals, (i) => i.key);
  for (const list of byKey.values()) {
    const sorted = [...list].sort((a, b) => a.start.getTime() - b.start.getTime());
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1] as Interval;
      const current = sorted[i] as Interval;
      if (current.start.getTime() < previous.end.getTime()) found.push([previous, current]);
    }
  }
  return found;
}

interface Instance {
  readonly db: Db;
  readonly recompute: Recompute;
  readonly recomputed: string[];
}

describeIfPostgres('two service instances on one database', () => {
  let database: TestDatabase;
  let world: RecomputeWorld;
  let proxy: SlowProxy;
  let sender: PgBoss;
  let ids: string[] = [];
  const instances: Instance[] = [];

  async function startInstance(): Promise<Instance> {
    const db = await openDatabase({ kind: 'postgres', url: database.url });
    const recomputed: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void recomputed.push(...recomputedIn(line)) });
    const config = recomputeConfig({ kind: 'postgres', url: database.url }, { credentialsPath: world.keyPath, sheetsRootUrl: proxy.rootUrl });
    const recompute = await startRecompute(config, db, { logger });
    return { db, recompute, recomputed };
  }

  beforeAll(async () => {
    database = await createTestDatabase('recompute_exclusive');
    world = await startRecomputeWorld('exclusive');
    // Each request waits 150 ms: a run takes over half a second.
    proxy = await startSlowProxy(world.standIn.rootUrl, 150);
    const first = await startInstance();
    instances.push(first);
    // Fewer spreadsheets than workers (two instances, two each), so idle workers are free to take
    // a second job of a spreadsheet already running, were the queue to hand one out.
    ids = Array.from({ length: 3 }, (_, i) => world.dealsSpreadsheet({ title: `営業${i + 1}課`, timeZone: ZONE }));
    for (const id of ids) await register(first.db, id, ZONE);
    instances.push(await startInstance());
    sender = await startSender(database.url);
  });

  afterAll(async () => {
    await sender?.stop({ graceful: false });
    for (const instance of instances) {
      await instance.recompute.stop(5_000);
      await instance.db.destroy();
    }
    await proxy?.close();
    await world?.close();
    if (database !== undefined) await dropWhenClosed(database);
  });

  it('never run one spreadsheet at once while both fan out the same zone at the same moment, again and again', async () => {
    const [db] = instances.map((i) => i.db) as [Db];
    for (let round = 0; round < 4; round++) {
      // Two 06:00 jobs at once, one for each instance's fan-out worker to take.
      await Promise.all([sender.send(ZONE_QUEUE, { timeZone: ZONE }), sender.send(ZONE_QUEUE, { timeZone: ZONE })]);
      await sleep(700);
    }
    const pending = sql<{ n: number }>`select count(*)::int as n from ${sql.table(`${BOSS_SCHEMA}.job`)} where state in ('created', 'retry', 'active')`;
    await eventually(async () => (await pending.execute(db)).rows[0]?.n === 0, 40_000, 'every job to finish');

    const jobs = await sql<{ key: string; state: string; start: Date; end: Date }>`
      select singleton_key as key, state, started_on as start, completed_on as end
      from ${sql.table(`${BOSS_SCHEMA}.job`)} where name = ${SPREADSHEET_QUEUE}`.execute(db);
    const runs = await db
      .selectFrom('sync_runs')
      .select(['spreadsheet_id as key', 'outcome', 'trigger', 'started_at as start', 'finished_at as end'])
      .where('spreadsheet_id', 'in', ids)
      .execute();

    expect(jobs.rows.every((j) => j.state === 'completed')).toBe(true);
    expect(runs.every((r) => r.outcome === 'succeeded' && r.trigger === 'recompute')).toBe(true);
    // Every spreadsheet ran, each job is one run, and none of them twice at once.
    expect(new Set(runs.map((r) => r.key))).toEqual(new Set(ids));
    expect(runs).toHaveLength(jobs.rows.length);
    expect(overlaps(jobs.rows)).toEqual([]);
    expect(overlaps(runs)).toEqual([]);
    // Both instances took part: the exclusivity held across them, not inside one.
    expect(instances.map((i) => i.recomputed.length).every((n) => n > 0)).toBe(true);
    expect(instances.flatMap((i) => i.recomputed)).toHaveLength(runs.length);
  });

  it('stop() takes no more jobs but lets the running ones finish', async () => {
    const [db] = instances.map((i) => i.db) as [Db];
    const job = sql.table(`${BOSS_SCHEMA}.job`);
    const since = new Date();
    await sender.send(ZONE_QUEUE, { timeZone: ZONE });
    await eventually(async () => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${job} where name = ${SPREADSHEET_QUEUE} and state = 'active'`.execute(db);
      return (rows[0]?.n ?? 0) > 0;
    }, 10_000, 'a job to start');

    await Promise.all(instances.map((i) => i.recompute.stop(10_000)));

    const { rows } = await sql<{ key: string; state: string }>`
      select singleton_key as key, state from ${job} where name = ${SPREADSHEET_QUEUE} and created_on >= ${since}`.execute(db);
    // Started ones completed; none was cut off; any not yet started waits for the next instance.
    expect(rows.filter((r) => r.state === 'completed').length).toBeGreaterThan(0);
    expect(rows.every((r) => r.state === 'completed' || r.state === 'created')).toBe(true);
    const runs = await db.selectFrom('sync_runs').select(['spreadsheet_id', 'outcome']).where('started_at', '>=', since).execute();
    expect(runs.map((r) => r.outcome).sort()).toEqual(rows.filter((r) => r.state === 'completed').map(() => 'succeeded'));
  });
});

/** The spreadsheet a 'recomputed' log line names, if it is one. */
function recomputedIn(line: string): string[] {
  const entry = JSON.parse(line) as { msg?: string; spreadsheetId?: string };
  return entry.msg === 'recomputed' && entry.spreadsheetId !== undefined ? [entry.spreadsheetId] : [];
}

import { fromPglite, PgBoss, type Clock } from 'pg-boss';
import type { ServiceConfig } from '../config/service-config.ts';
import { pgliteOf, poolOf, type Db } from '../db/database.ts';

/** pg-boss's own tables, apart from the service's. */
export const BOSS_SCHEMA = 'pgboss';

// pg-boss polls, schedules and supervises on its own connections; a few are plenty.
const BOSS_POOL_SIZE = 4;

/**
 * A pg-boss instance (not started) on the database the service runs on. On Postgres it opens its
 * own pool; on the embedded PGlite it shares the one connection, which PGlite serialises, so no
 * pg-boss statement ever lands inside a sync's transaction.
 */
export function createBoss(config: ServiceConfig, db: Db, clock?: Clock): PgBoss {
  const common = { schema: BOSS_SCHEMA, ...(clock === undefined ? {} : { clock }) };
  const pglite = pgliteOf(db);
  if (pglite !== null) return new PgBoss({ ...common, db: fromPglite(pglite), backend: 'pglite' });
  if (poolOf(db) === null) throw new Error('the recompute needs a database made by createDb');
  if (config.database.kind !== 'postgres') throw new Error('the database is Postgres but the configuration names PGlite: pg-boss would not find it');
  return new PgBoss({ ...common, connectionString: config.database.url, max: BOSS_POOL_SIZE, application_name: 'sheets-sfa-recompute' });
}

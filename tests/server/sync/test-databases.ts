// The two databases the sync engine runs on, behind one interface, so a suite can be declared
// once and run on both: embedded PGlite (the CLI's default) and a real Postgres 15 (the server's).

import { describe } from 'vitest';
import type { Db } from '../../../server/db/database.ts';
import { openDatabase } from '../../../server/db/open-database.ts';
import { createTestDatabase, describeIfPostgres } from '../../support/postgres-database.ts';

export interface SyncDatabase {
  readonly db: Db;
  /** Another connection pool on the same database (Postgres only: PGlite has one connection). */
  readonly connect: () => Promise<Db>;
  readonly close: () => Promise<void>;
}

export interface DatabaseBackend {
  readonly name: 'PGlite' | 'Postgres';
  /** `describe`, skipping the suite where this backend is unavailable (Postgres outside CI). */
  readonly describe: (name: string, suite: () => void) => void;
  readonly supportsConcurrency: boolean;
  readonly open: (label: string) => Promise<SyncDatabase>;
}

export const PGLITE: DatabaseBackend = {
  name: 'PGlite',
  describe,
  supportsConcurrency: false,
  open: async () => {
    const db = await openDatabase({ kind: 'pglite', dataDir: null });
    return {
      db,
      connect: () => Promise.reject(new Error('PGlite has a single connection')),
      close: () => db.destroy(),
    };
  },
};

export const POSTGRES: DatabaseBackend = {
  name: 'Postgres',
  describe: describeIfPostgres,
  supportsConcurrency: true,
  open: async (label) => {
    const database = await createTestDatabase(label);
    const pools: Db[] = [];
    try {
      pools.push(await openDatabase({ kind: 'postgres', url: database.url }));
    } catch (error) {
      await database.drop();
      throw error;
    }
    const [db] = pools as [Db];
    return {
      db,
      connect: async () => {
        const more = await openDatabase({ kind: 'postgres', url: database.url });
        pools.push(more);
        return more;
      },
      close: async () => {
        await Promise.all(pools.map((p) => p.destroy()));
        await database.drop();
      },
    };
  },
};

export const BACKENDS: readonly DatabaseBackend[] = [PGLITE, POSTGRES];

/** Every deal row of a spreadsheet, tombstones included. */
export async function dealsOf(db: Db, spreadsheetId: string) {
  return db.selectFrom('deals').selectAll().where('spreadsheet_id', '=', spreadsheetId).orderBy('id').execute();
}

/** The spreadsheet's whole stage history, oldest first. */
export async function historyOf(db: Db, spreadsheetId: string) {
  return db.selectFrom('deal_stage_history').selectAll().where('spreadsheet_id', '=', spreadsheetId).orderBy('id').execute();
}

/** The spreadsheet's sync runs, oldest first. */
export async function syncRunsOf(db: Db, spreadsheetId: string) {
  return db.selectFrom('sync_runs').selectAll().where('spreadsheet_id', '=', spreadsheetId).orderBy('id').execute();
}

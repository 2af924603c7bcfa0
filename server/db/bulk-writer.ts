import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { bulkInsert, type BulkColumn, type BulkValue } from './bulk-sql.ts';
import { copyFromStdin } from './copy-from-stdin.ts';
import { copyTextChunks } from './copy-text.ts';
import { poolOf, type Database, type Db } from './database.ts';

/** Appends many rows to a table: COPY on Postgres, INSERT … unnest on PGlite. */
export interface BulkWriter {
  insert(table: string, columns: readonly BulkColumn[]): Promise<void>;
}

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function* rowsOf(columns: readonly BulkColumn[]): Generator<readonly BulkValue[]> {
  const count = columns[0]?.values.length ?? 0;
  for (let i = 0; i < count; i++) yield columns.map((c) => c.values[i] ?? null);
}

function copyWriter(client: pg.PoolClient): BulkWriter {
  return {
    async insert(table, columns) {
      if ((columns[0]?.values.length ?? 0) === 0) return;
      const names = columns.map((c) => quoteIdent(c.name)).join(', ');
      await copyFromStdin(client, `copy ${quoteIdent(table)} (${names}) from stdin`, copyTextChunks(rowsOf(columns)));
    },
  };
}

function unnestWriter(db: Db): BulkWriter {
  return { insert: (table, columns) => bulkInsert(db, table, columns) };
}

/**
 * Runs `fn` in one transaction with a bulk writer. On Postgres the transaction holds a dedicated
 * pooled connection that Kysely and COPY share (COPY is 2–3× faster than unnest for a first sync
 * of a large sheet, and is not reachable through Kysely); on PGlite it is a plain transaction.
 */
export async function inBulkTransaction<T>(db: Db, fn: (trx: Db, writer: BulkWriter) => Promise<T>): Promise<T> {
  const pool = poolOf(db);
  if (pool === null) return db.transaction().execute((trx) => fn(trx, unnestWriter(trx)));
  const client = await pool.connect();
  let failed = false;
  try {
    const dedicated = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: {
          connect: async () => ({ query: client.query.bind(client), release: () => undefined }),
          end: async () => undefined,
          options: {},
        },
      }),
    });
    try {
      return await dedicated.transaction().execute((trx) => fn(trx, copyWriter(client)));
    } finally {
      await dedicated.destroy();
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // A connection that failed mid-COPY may be in an unknown state: the pool discards it.
    client.release(failed);
  }
}

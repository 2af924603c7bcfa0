import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { bulkInsert, type BulkValue, type PgType } from './bulk-sql.ts';
import { copyFromStdin } from './copy-from-stdin.ts';
import { copyTextChunks } from './copy-text.ts';
import { poolOf, type Database, type Db } from './database.ts';

export interface ColumnShape {
  readonly name: string;
  readonly type: PgType;
}

/**
 * Appends many rows to a table: COPY on Postgres, INSERT … unnest on PGlite. Rows come as an
 * iterable and are encoded as they are read, so a 100k-row insert never holds them all at once.
 */
export interface BulkWriter {
  insert(table: string, columns: readonly ColumnShape[], rows: Iterable<readonly BulkValue[]>): Promise<void>;
}

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function copyWriter(client: pg.PoolClient): BulkWriter {
  return {
    async insert(table, columns, rows) {
      const names = columns.map((c) => quoteIdent(c.name)).join(', ');
      await copyFromStdin(client, `copy ${quoteIdent(table)} (${names}) from stdin`, copyTextChunks(rows));
    },
  };
}

const UNNEST_CHUNK = 20_000;

function unnestWriter(db: Db): BulkWriter {
  return {
    async insert(table, columns, rows) {
      let chunk: (readonly BulkValue[])[] = [];
      const flush = async () => {
        if (chunk.length === 0) return;
        const rowsNow = chunk;
        chunk = [];
        await bulkInsert(db, table, columns.map((c, i) => ({ ...c, values: rowsNow.map((r) => r[i] ?? null) })));
      };
      for (const row of rows) {
        chunk.push(row);
        if (chunk.length >= UNNEST_CHUNK) await flush();
      }
      await flush();
    },
  };
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

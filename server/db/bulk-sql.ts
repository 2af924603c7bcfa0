import { sql, type RawBuilder } from 'kysely';
import type { Db } from './database.ts';

export type PgType = 'text' | 'date' | 'bigint' | 'integer' | 'timestamptz';
export type BulkValue = string | number | Date | null;

/** One column of a bulk statement: its values, one per row, all rows the same length. */
export interface BulkColumn {
  readonly name: string;
  readonly type: PgType;
  readonly values: readonly BulkValue[];
}

// One array parameter per column, unnested server-side: a single round trip per chunk, close to
// COPY's speed, and it works the same on pg and PGlite (which has no COPY FROM STDIN over Kysely).
const CHUNK_ROWS = 20_000;

function arrayParam(column: BulkColumn, from: number, to: number): RawBuilder<unknown> {
  return sql`${column.values.slice(from, to)}::${sql.raw(column.type)}[]`;
}

function rowCount(columns: readonly BulkColumn[]): number {
  return columns[0]?.values.length ?? 0;
}

/** INSERT … SELECT FROM unnest(…), chunked. */
export async function bulkInsert(db: Db, table: string, columns: readonly BulkColumn[]): Promise<void> {
  const total = rowCount(columns);
  const names = sql.join(columns.map((c) => sql.ref(c.name)));
  for (let from = 0; from < total; from += CHUNK_ROWS) {
    const to = Math.min(total, from + CHUNK_ROWS);
    const arrays = sql.join(columns.map((c) => arrayParam(c, from, to)));
    await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${arrays})`.execute(db);
  }
}

/**
 * UPDATE … FROM unnest(…) matched on (spreadsheet_id, id), chunked. The first column must be `id`.
 */
export async function bulkUpdate(
  db: Db,
  table: string,
  spreadsheetId: string,
  columns: readonly BulkColumn[],
): Promise<void> {
  if (columns[0]?.name !== 'id') throw new Error('bulkUpdate: the first column must be id');
  const total = rowCount(columns);
  const aliases = sql.join(columns.map((c) => sql.ref(c.name)));
  const sets = sql.join(columns.slice(1).map((c) => sql`${sql.ref(c.name)} = v.${sql.ref(c.name)}`));
  for (let from = 0; from < total; from += CHUNK_ROWS) {
    const to = Math.min(total, from + CHUNK_ROWS);
    const arrays = sql.join(columns.map((c) => arrayParam(c, from, to)));
    await sql`update ${sql.table(table)} as t set ${sets}
      from unnest(${arrays}) as v(${aliases})
      where t.spreadsheet_id = ${spreadsheetId} and t.id = v.id`.execute(db);
  }
}

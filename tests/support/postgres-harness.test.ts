// Checks the Postgres test harness itself, so a broken harness fails here with a clear
// message rather than as confusing failures in the sync engine's tests.

import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { createTestDatabase, describeIfPostgres, postgresUrl } from './postgres-database.ts';
import type { TestDatabase } from './postgres-database.ts';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describeIfPostgres('postgres test harness', () => {
  const created: TestDatabase[] = [];

  afterAll(async () => {
    // Drop even when an assertion failed, so the shared server doesn't accumulate databases.
    await Promise.all(created.map((database) => database.drop()));
  });

  it('creates a database on Postgres 15 or newer that can be queried and dropped', async () => {
    const database = await createTestDatabase('harness');
    created.push(database);

    expect(await query<{ one: number }>(database.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    const [setting] = await query<{ server_version_num: string }>(database.url, 'show server_version_num');
    expect(Number(setting?.server_version_num)).toBeGreaterThanOrEqual(150000);

    // Leave a connection open: drop must terminate it rather than fail.
    const lingering = new pg.Client({ connectionString: database.url });
    lingering.on('error', () => undefined);
    await lingering.connect();
    await database.drop();
    await lingering.end().catch(() => undefined);

    const name = new URL(database.url).pathname.slice(1);
    const remaining = await query<{ count: string }>(
      postgresUrl() ?? '',
      `select count(*) as count from pg_database where datname = ${pg.escapeLiteral(name)}`,
    );
    expect(remaining).toEqual([{ count: '0' }]);
  });

  it('gives every call its own database', async () => {
    const [first, second] = await Promise.all([createTestDatabase('harness'), createTestDatabase('harness')]);
    created.push(first, second);

    expect(first.url).not.toBe(second.url);
    const [a] = await query<{ name: string }>(first.url, 'select current_database() as name');
    const [b] = await query<{ name: string }>(second.url, 'select current_database() as name');
    expect(a?.name).toBe(new URL(first.url).pathname.slice(1));
    expect(b?.name).toBe(new URL(second.url).pathname.slice(1));
    expect(a?.name).not.toBe(b?.name);

    // Writes in one are invisible in the other.
    await query(first.url, 'create table marker (id int)');
    const tables = await query<{ count: string }>(
      second.url,
      "select count(*) as count from information_schema.tables where table_name = 'marker'",
    );
    expect(tables).toEqual([{ count: '0' }]);
  });
});

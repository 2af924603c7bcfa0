// Helpers for test files that need a real Postgres. The server comes from the global setup
// (postgres.global-setup.ts); each test file creates its own database on it, so files are
// isolated from each other and can run in parallel workers.
//
//   describeIfPostgres('sync into postgres', () => {
//     let db: TestDatabase;
//     beforeAll(async () => { db = await createTestDatabase('sync'); });
//     afterAll(async () => { await db.drop(); });
//     ...
//   });

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';

export interface TestDatabase {
  /** Connection URL of the fresh database. */
  readonly url: string;
  /** Terminates remaining connections and drops the database. Safe to call twice. */
  readonly drop: () => Promise<void>;
}

/** Admin URL of the test Postgres server, or null when Postgres tests are being skipped. */
export function postgresUrl(): string | null {
  return inject('postgresUrl') ?? null;
}

/**
 * `describe` that skips its suite when no Postgres is available. In CI the global setup
 * throws instead of providing null, so nothing is ever skipped there.
 */
export const describeIfPostgres = describe.skipIf(postgresUrl() === null);

// Postgres identifiers are at most 63 bytes; keep the label short enough for the suffix.
const MAX_LABEL_LENGTH = 32;

/**
 * Creates a new, empty, uniquely named database on the test server. `name` is only a
 * readable label (e.g. the test file's subject); a random suffix makes it unique across
 * parallel workers and concurrent test runs sharing one server.
 */
export async function createTestDatabase(name = 'test'): Promise<TestDatabase> {
  const adminUrl = postgresUrl();
  if (adminUrl === null) {
    throw new Error('createTestDatabase: no Postgres server (use describeIfPostgres, or set TEST_DATABASE_URL)');
  }
  const label = name.toLowerCase().replace(/[^a-z0-9_]+/g, '_').slice(0, MAX_LABEL_LENGTH);
  const database = `sfa_test_${label}_${randomBytes(6).toString('hex')}`;
  const quoted = pg.escapeIdentifier(database);

  // template0 rather than the default template1: CREATE DATABASE fails while anyone is
  // connected to its template, and nobody can connect to template0.
  await withAdminClient(adminUrl, (client) => client.query(`create database ${quoted} template template0`));

  let dropped = false;
  return {
    url: databaseUrl(adminUrl, database),
    drop: async () => {
      if (dropped) return;
      // WITH (FORCE) terminates sessions a test forgot to close instead of failing the drop.
      await withAdminClient(adminUrl, (client) => client.query(`drop database if exists ${quoted} with (force)`));
      dropped = true;
    },
  };
}

async function withAdminClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The admin URL pointed at another database, keeping credentials and query options. */
function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

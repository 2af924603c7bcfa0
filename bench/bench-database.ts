// Fresh databases on the benchmark's Postgres server, one per measured scenario, so no case sees
// another's rows, indexes or statistics.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface BenchDatabase {
  readonly url: string;
  /** Terminates remaining connections and drops the database. Safe to call twice. */
  readonly drop: () => Promise<void>;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the server `adminUrl` points at (that role must be able to create one). */
export async function createBenchDatabase(adminUrl: string, label: string): Promise<BenchDatabase> {
  const name = `sfa_bench_${label.toLowerCase().replace(/[^a-z0-9_]+/g, '_').slice(0, 32)}_${randomBytes(4).toString('hex')}`;
  const quoted = pg.escapeIdentifier(name);
  await withClient(adminUrl, (client) => client.query(`create database ${quoted} template template0`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      await withClient(adminUrl, (client) => client.query(`drop database if exists ${quoted} with (force)`));
      dropped = true;
    },
  };
}

/** Runs `work` with one plain pg client on `url`. */
export function withPgClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient(url, work);
}

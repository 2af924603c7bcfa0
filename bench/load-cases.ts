// The two reference loads beside the engine: (d) COPY FROM STDIN into a bare copy of the deals
// table, the floor for getting rows into Postgres at all, and (e) a naive script's row-by-row
// INSERT … ON CONFLICT DO UPDATE, one autocommitted statement per row.
import type pg from 'pg';
import type { IsoDate } from '../shared/calendar/iso-date.ts';
import { openDatabase } from '../server/db/open-database.ts';
import { withPgClient } from './bench-database.ts';
import { copyFromStdin } from '../server/db/copy-from-stdin.ts';
import { copyTextChunks } from '../server/db/copy-text.ts';
import { generateDeals } from './deal-sheet.ts';
import { DEAL_TABLE_COLUMNS, dealTableRow, prepareDeals, type PreparedDeal } from './deal-table-rows.ts';
import { timed } from './timing.ts';

export interface LoadOptions {
  readonly rows: number;
  readonly runs: number;
  readonly seed: number;
  readonly today: IsoDate;
}

export interface LoadResult {
  readonly runsMs: readonly number[];
  /** Rows in the table after the last run (checks that every row arrived). */
  readonly rowsLoaded: number;
}

const SPREADSHEET_ID = 'bench:reference-load';
const columnList = DEAL_TABLE_COLUMNS.map((c) => `"${c}"`).join(', ');

async function prepare(url: string, options: LoadOptions, ddl: string): Promise<PreparedDeal[]> {
  // The engine's schema, so `like deals` copies exactly its columns.
  const db = await openDatabase({ kind: 'postgres', url });
  await db.destroy();
  await withPgClient(url, (client) => client.query(ddl));
  return prepareDeals(generateDeals(options.rows, options), options.seed);
}

async function countRows(client: pg.Client, table: string): Promise<number> {
  const result = await client.query<{ n: string }>(`select count(*) as n from ${table}`);
  return Number(result.rows[0]?.n ?? 0);
}

/** (d) COPY into `deals_copy`: like deals, bare (no primary key) unless `withPrimaryKey`. */
export async function runCopyLoad(url: string, options: LoadOptions & { readonly withPrimaryKey: boolean }): Promise<LoadResult> {
  const like = options.withPrimaryKey ? 'like deals including indexes' : 'like deals';
  const deals = await prepare(url, options, `create table deals_copy (${like})`);
  return withPgClient(url, async (client) => {
    const runsMs: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      await client.query('truncate deals_copy');
      const at = new Date();
      const rows = (function* () {
        for (const d of deals) yield dealTableRow(SPREADSHEET_ID, d, at, options.today);
      })();
      const { ms, result } = await timed(() => copyFromStdin(client, `copy deals_copy (${columnList}) from stdin`, copyTextChunks(rows)));
      if (result !== deals.length) throw new Error(`COPY reported ${result} rows, expected ${deals.length}`);
      runsMs.push(ms);
    }
    return { runsMs, rowsLoaded: await countRows(client, 'deals_copy') };
  });
}

/** (e) One INSERT … ON CONFLICT DO UPDATE per row, each its own transaction, into `deals_naive`. */
export async function runNaiveUpsert(url: string, options: LoadOptions): Promise<LoadResult> {
  const deals = await prepare(url, options, 'create table deals_naive (like deals including defaults including indexes)');
  const placeholders = DEAL_TABLE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
  const updates = DEAL_TABLE_COLUMNS.filter((c) => !['spreadsheet_id', 'id', 'first_seen_at'].includes(c))
    .map((c) => `"${c}" = excluded."${c}"`)
    .join(', ');
  const text = `insert into deals_naive (${columnList}) values (${placeholders}) on conflict (spreadsheet_id, id) do update set ${updates}`;
  return withPgClient(url, async (client) => {
    const runsMs: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      await client.query('truncate deals_naive');
      const { ms } = await timed(async () => {
        const at = new Date();
        for (const d of deals) await client.query(text, dealTableRow(SPREADSHEET_ID, d, at, options.today));
      });
      runsMs.push(ms);
    }
    return { runsMs, rowsLoaded: await countRows(client, 'deals_naive') };
  });
}

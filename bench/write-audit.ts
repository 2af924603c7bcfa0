// Which rows a sync actually wrote, from Postgres itself: every inserted or updated row version
// carries the writing transaction's id in xmin, so rows with an xmin newer than a mark taken
// before the sync are exactly the rows it wrote (even an UPDATE that sets equal values).
import type pg from 'pg';
import { withPgClient } from './bench-database.ts';

export interface WriteMark {
  readonly xid: string;
  readonly at: Date;
}

export interface RowsWritten {
  readonly deals: number;
  /** Deals whose updated_at moved past the mark: a second, independent witness. */
  readonly dealsUpdatedAt: number;
  readonly dealStageHistory: number;
  /** Bookkeeping every sync writes: the spreadsheet row (last_synced_at) and its run record. */
  readonly spreadsheets: number;
  readonly syncRuns: number;
  readonly dealCount: number;
}

export async function markWrites(url: string): Promise<WriteMark> {
  return withPgClient(url, async (client) => {
    // txid_current() gives this transaction an id; everything that commits later has a higher one.
    const result = await client.query<{ xid: string }>('select (txid_current() % 4294967296)::text as xid');
    return { xid: result.rows[0]?.xid ?? '0', at: new Date() };
  });
}

async function count(client: pg.Client, text: string, values: readonly unknown[]): Promise<number> {
  const result = await client.query<{ n: string }>(text, [...values]);
  return Number(result.rows[0]?.n ?? 0);
}

export async function rowsWrittenSince(url: string, spreadsheetId: string, mark: WriteMark): Promise<RowsWritten> {
  return withPgClient(url, async (client) => {
    const newer = 'xmin::text::bigint > $2::bigint';
    return {
      deals: await count(client, `select count(*) as n from deals where spreadsheet_id = $1 and ${newer}`, [spreadsheetId, mark.xid]),
      dealsUpdatedAt: await count(client, 'select count(*) as n from deals where spreadsheet_id = $1 and updated_at > $2', [spreadsheetId, mark.at]),
      dealStageHistory: await count(client, `select count(*) as n from deal_stage_history where spreadsheet_id = $1 and ${newer}`, [spreadsheetId, mark.xid]),
      spreadsheets: await count(client, `select count(*) as n from spreadsheets where id = $1 and ${newer}`, [spreadsheetId, mark.xid]),
      syncRuns: await count(client, `select count(*) as n from sync_runs where spreadsheet_id = $1 and ${newer}`, [spreadsheetId, mark.xid]),
      dealCount: await count(client, 'select count(*) as n from deals where spreadsheet_id = $1', [spreadsheetId]),
    };
  });
}

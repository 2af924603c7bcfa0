import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DealTable } from '../deals/deal.table.ts';
import type { StageHistoryTable } from '../deals/stage-history.table.ts';
import type { SpreadsheetMemberTable } from '../members/member.table.ts';
import type { FeedEntryTable, FollowTable } from '../feed/feed.table.ts';
import type { DigestDeliveryEntryTable, DigestDeliveryTable, DigestRunTable, DigestSubscriptionTable } from '../digest/digest.table.ts';
import type { RequestTable } from '../requests/request.table.ts';
import type { RequestEventTable } from '../requests/request-event.table.ts';
import type { RequestSettingsTable } from '../requests/request-settings.table.ts';
import type { SpreadsheetTable } from '../spreadsheets/spreadsheet.table.ts';
import type { SyncRunTable } from '../sync-runs/sync-run.table.ts';
import type { VisitTable } from '../visits/visit.table.ts';

export interface Database {
  spreadsheets: SpreadsheetTable;
  deals: DealTable;
  deal_stage_history: StageHistoryTable;
  visits: VisitTable;
  requests: RequestTable;
  request_events: RequestEventTable;
  request_settings: RequestSettingsTable;
  sync_runs: SyncRunTable;
  spreadsheet_members: SpreadsheetMemberTable;
  feed_entries: FeedEntryTable;
  follows: FollowTable;
  digest_subscriptions: DigestSubscriptionTable;
  digest_runs: DigestRunTable;
  digest_deliveries: DigestDeliveryTable;
  digest_delivery_entries: DigestDeliveryEntryTable;
}

export type Db = Kysely<Database>;

const PG_DATE = 1082;
const PG_INT8 = 20;
const asText = (value: string): string => value;

export type DatabaseTarget =
  | { readonly kind: 'postgres'; readonly url: string }
  /** dataDir null keeps the embedded database in memory (tests, dry runs). */
  | { readonly kind: 'pglite'; readonly dataDir: string | null };

// The pg pool behind a Db, for what Kysely cannot do: COPY on a dedicated connection.
const POOLS = new WeakMap<Db, pg.Pool>();

const PGLITES = new WeakMap<Db, PGlite>();

/** The embedded PGlite behind a Db; null on Postgres. pg-boss shares it (one process, one connection). */
export function pgliteOf(db: Db): PGlite | null {
  return PGLITES.get(db) ?? null;
}

/** The pg pool behind a Db on Postgres; null on PGlite. */
export function poolOf(db: Db): pg.Pool | null {
  return POOLS.get(db) ?? null;
}

const DATE_AS_TEXT = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === PG_DATE || oid === PG_INT8 ? asText : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A Kysely instance over Postgres (pg pool) or the embedded PGlite, with the same type parsing. */
export function createDb(target: DatabaseTarget): Db {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      types: DATE_AS_TEXT,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    POOLS.set(db, pool);
    return db;
  }
  const pglite = new PGlite({
    ...(target.dataDir === null ? {} : { dataDir: target.dataDir }),
    parsers: { [PG_DATE]: asText, [PG_INT8]: asText },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  PGLITES.set(db, pglite);
  return db;
}

// A Db like openDatabase's (same pg pool type parsing, migrated), whose Kysely log adds up the
// time of each kind of statement, so a profile can tell Postgres round trips from JavaScript work.
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import type { Database, Db } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';

export interface StatementTime {
  readonly statement: string;
  calls: number;
  ms: number;
}

export interface LoggedDb {
  readonly db: Db;
  /** Statement times since the last take, by kind ("insert into deals", "select from deals"…). */
  take(): StatementTime[];
}

// As in server/db/database.ts: dates and bigints stay text.
const PG_DATE = 1082;
const PG_INT8 = 20;
const asText = (value: string): string => value;

function statementKind(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  const write = /^(insert into|update|delete from) "?(\w+)"?/i.exec(text);
  if (write) return `${write[1]?.toLowerCase()} ${write[2]}`;
  const from = /^select .*? from "?(\w+)"?/i.exec(text);
  if (from) return `select from ${from[1]}`;
  return text.slice(0, 48);
}

export async function openLoggedDatabase(url: string): Promise<LoggedDb> {
  let times = new Map<string, StatementTime>();
  const log = (event: LogEvent): void => {
    const statement = statementKind(event.query.sql);
    const entry = times.get(statement) ?? { statement, calls: 0, ms: 0 };
    entry.calls++;
    entry.ms += event.queryDurationMillis;
    times.set(statement, entry);
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_DATE || oid === PG_INT8 ? asText : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
  await migrateToLatest(db);
  times = new Map();
  return {
    db,
    take: () => {
      const taken = [...times.values()].sort((a, b) => b.ms - a.ms);
      times = new Map();
      return taken;
    },
  };
}

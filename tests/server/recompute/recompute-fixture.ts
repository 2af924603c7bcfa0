// The world a recompute runs in: the local Google Sheets API stand-in, a service account with its
// key in a file (as GOOGLE_APPLICATION_CREDENTIALS names it), and a sales team's deals sheets in
// Japanese, laid out as teams lay them out (a title row, a blank row, then the headers).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { cellText } from '../../../shared/cells/cell-text.ts';
import { serviceHeader } from '../../../shared/write-plan/service-columns.ts';
import type { Db } from '../../../server/db/database.ts';
import { BOSS_SCHEMA } from '../../../server/recompute/create-boss.ts';
import { upsertSpreadsheet } from '../../../server/spreadsheets/spreadsheet.repository.ts';
import { postgresUrl, type TestDatabase } from '../../support/postgres-database.ts';
import { startSheetsStandIn, type SheetsStandIn, type StandInCell } from '../../support/sheets-api/sheets-stand-in.ts';

export const DEALS_TAB = '案件一覧';
const HEADERS = ['案件名', '顧客名', '担当者', 'ステージ', 'ステージ変更日', '金額'] as const;

export interface DealInput {
  readonly title: string;
  readonly account: string;
  readonly owner: string;
  /** The team's own label: 見積提出, 提案, … */
  readonly stage: string;
  /** As typed: 2026/03/28. */
  readonly changedOn: string;
  readonly amount: number;
}

export const QUOTE_DEAL: DealInput = { title: '基幹システム更新', account: '株式会社サンプル', owner: '佐藤', stage: '見積提出', changedOn: '2026/03/28', amount: 1_200_000 };
export const PROPOSAL_DEAL: DealInput = { title: 'クラウド移行', account: '東京物産株式会社', owner: '鈴木', stage: '提案', changedOn: '2026/03/30', amount: 800_000 };

export interface RecomputeWorld {
  readonly standIn: SheetsStandIn;
  readonly serviceAccount: string;
  /** The service account's JSON key file. */
  readonly keyPath: string;
  /** A deals spreadsheet in the stand-in, shared with the service account unless told otherwise. */
  dealsSpreadsheet(input: { title: string; timeZone: string; deals?: readonly DealInput[]; shared?: boolean }): string;
  close(): Promise<void>;
}

// The people who open these sheets in Google (and may register them through the add-on).
const PEOPLE = ['manager@example.co.jp', 'admin@example.co.jp'];

export async function startRecomputeWorld(label: string): Promise<RecomputeWorld> {
  const standIn = await startSheetsStandIn();
  const serviceAccount = `sheets-sfa-${label}@sfa-test.iam.gserviceaccount.com`;
  const dir = await mkdtemp(join(tmpdir(), 'sfa-recompute-'));
  const keyPath = join(dir, 'service-account.json');
  await writeFile(keyPath, JSON.stringify(await standIn.createServiceAccount(serviceAccount)));
  return {
    standIn,
    serviceAccount,
    keyPath,
    dealsSpreadsheet: ({ title, timeZone, deals = [QUOTE_DEAL, PROPOSAL_DEAL], shared = true }) =>
      standIn.createSpreadsheet({
        title,
        timeZone,
        locale: 'ja_JP',
        sheets: [{ title: DEALS_TAB, rows: dealRows(deals) }],
        sharedWith: shared ? [serviceAccount, ...PEOPLE] : PEOPLE,
      }),
    close: async () => {
      await standIn.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function dealRows(deals: readonly DealInput[]): StandInCell[][] {
  return [['2026年度 営業案件管理表'], [], [...HEADERS], ...deals.map((d) => [d.title, d.account, d.owner, d.stage, d.changedOn, d.amount])];
}

/** The flags column of the deals tab, by deal title, as managers see it. */
export function flagsOf(standIn: SheetsStandIn, spreadsheetId: string): Map<string, string> {
  const rows = standIn.values(spreadsheetId, DEALS_TAB);
  const headerAt = rows.findIndex((r) => r.includes('案件名'));
  const header = rows[headerAt] ?? [];
  const flags = header.indexOf(serviceHeader('flags', 'ja'));
  if (flags < 0) throw new Error(`no flags column in ${header.join(', ')}`);
  const out = new Map<string, string>();
  for (const row of rows.slice(headerAt + 1)) {
    const title = row[0];
    if (typeof title === 'string' && title !== '') out.set(title, cellText(row[flags] ?? null));
  }
  return out;
}

/** Registers a spreadsheet as the add-on's first push sync does. */
export async function register(db: Db, spreadsheetId: string, timeZone: string, title = 'deals'): Promise<void> {
  await upsertSpreadsheet(db, { id: spreadsheetId, kind: 'google', title, timeZone });
}

/** A pg-boss client that only sends: as the cron pass does when a zone's 06:00 comes. */
export async function startSender(connectionString: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString, schema: BOSS_SCHEMA, schedule: false, supervise: false, migrate: false, max: 2 });
  boss.on('error', () => undefined);
  return boss.start();
}

/** The spreadsheet's sync runs, oldest first. */
export function runsOf(db: Db, spreadsheetId: string) {
  return db.selectFrom('sync_runs').selectAll().where('spreadsheet_id', '=', spreadsheetId).orderBy('started_at').orderBy('id').execute();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a value, in real time. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * Drops the test database once the server has seen every connection to it go: a pool's end()
 * resolves before its sockets close, and the forced drop would kill one mid-goodbye, an 'error'
 * on a client nobody listens to any more.
 */
export async function dropWhenClosed(database: TestDatabase): Promise<void> {
  const name = new URL(database.url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: postgresUrl() ?? database.url });
  await admin.connect();
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (rows[0]?.n === 0) break;
      await sleep(20);
    }
  } finally {
    await admin.end();
  }
  await database.drop();
}

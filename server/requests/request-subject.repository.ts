import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { spreadsheetTimeZone } from '../sync/spreadsheet-settings.ts';
import { accountKeySql } from './account-key.ts';

/** A deal as a request sees it: what it is, where it stands, what it earns. */
export interface RequestDeal {
  readonly id: string;
  readonly account: string | null;
  readonly title: string | null;
  readonly stage: string | null;
  readonly stageLabel: string | null;
  readonly owner: string | null;
  readonly amount: number | null;
  readonly grossMargin: number | null;
  readonly removed: boolean;
}

const yen = (v: string | null): number | null => (v === null ? null : Number(v));

function dealQuery(db: Db, spreadsheetId: string) {
  return db
    .selectFrom('deals')
    .select(['id', 'account', 'title', 'stage', 'stage_label', 'owner', 'amount', 'gross_margin', sql<boolean>`removed_at is not null`.as('removed')])
    .where('spreadsheet_id', '=', spreadsheetId);
}

type DealRow = Awaited<ReturnType<ReturnType<typeof dealQuery>['execute']>>[number];

function toDeal(r: DealRow): RequestDeal {
  return {
    id: r.id,
    account: r.account,
    title: r.title,
    stage: r.stage,
    stageLabel: r.stage_label,
    owner: r.owner,
    amount: yen(r.amount),
    grossMargin: yen(r.gross_margin),
    removed: r.removed,
  };
}

export async function findDeal(db: Db, spreadsheetId: string, dealId: string): Promise<RequestDeal | null> {
  const row = await dealQuery(db, spreadsheetId).where('id', '=', dealId).executeTakeFirst();
  return row === undefined ? null : toDeal(row);
}

/** Deals still on the sheet whose title reads the same (NFKC, spaces and case folded). */
export async function dealsTitled(db: Db, spreadsheetId: string, title: string): Promise<RequestDeal[]> {
  const rows = await dealQuery(db, spreadsheetId)
    .where('removed_at', 'is', null)
    .where(accountKeySql(sql.ref('title')), '=', accountKeySql(title))
    .orderBy('id')
    .execute();
  return rows.map(toDeal);
}

/**
 * The account as the deals tab spells it (the most used spelling among deals still on the sheet),
 * or null when no deal names it.
 */
export async function knownAccount(db: Db, spreadsheetId: string, account: string): Promise<string | null> {
  const row = await db
    .selectFrom('deals')
    .select(['account', (eb) => eb.fn.countAll<string>().as('n')])
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('removed_at', 'is', null)
    .where('account', 'is not', null)
    .where(accountKeySql(sql.ref('account')), '=', accountKeySql(account))
    .groupBy('account')
    .orderBy('n', 'desc')
    .orderBy('account')
    .executeTakeFirst();
  return row?.account ?? null;
}

/** Whether two account spellings name the same account. */
export async function sameAccount(db: Db, a: string, b: string): Promise<boolean> {
  const { rows } = await sql<{ same: boolean }>`select ${accountKeySql(a)} = ${accountKeySql(b)} as same`.execute(db);
  return rows[0]?.same === true;
}

/** What a request needs of its spreadsheet: its calendar and the language its tabs are in. */
export async function spreadsheetFacts(db: Db, spreadsheetId: string): Promise<{ timeZone: string; locale: 'ja' | 'en' } | null> {
  const row = await db.selectFrom('spreadsheets').select(['source_kind', 'time_zone', 'settings']).where('id', '=', spreadsheetId).executeTakeFirst();
  if (row === undefined) return null;
  const settings = row.settings as { locale?: unknown } | null;
  // The same calendar as the sync and the visit path, so a request is filed on the day they see.
  const timeZone = spreadsheetTimeZone({ kind: row.source_kind, timeZone: row.time_zone }, row.settings);
  return { timeZone, locale: settings?.locale === 'en' ? 'en' : 'ja' };
}

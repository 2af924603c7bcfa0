import { sql } from 'kysely';
import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import type { Deal } from '../../shared/records/deal.ts';
import type { SyncSettings } from '../../shared/settings/sync-settings.ts';
import type { Db } from '../db/database.ts';
import { dealRecordOf } from '../deals/deal-record.ts';
import type { DealCandidate } from './match-deal.ts';

/** Every stored deal's identity, tombstones included: what a visit may name. */
export async function dealCandidates(db: Db, spreadsheetId: string): Promise<DealCandidate[]> {
  const rows = await db
    .selectFrom('deals')
    .select(['id', 'account', 'title', sql<boolean>`removed_at is not null`.as('removed')])
    .where('spreadsheet_id', '=', spreadsheetId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, account: r.account, title: r.title, removed: r.removed }));
}

/** Every account the spreadsheet knows: on its deals (removed ones too) and its live visits. */
export async function knownAccounts(db: Db, spreadsheetId: string): Promise<string[]> {
  const { rows } = await sql<{ account: string }>`
    select account from deals where spreadsheet_id = ${spreadsheetId} and account is not null
    union
    select account from visits where spreadsheet_id = ${spreadsheetId} and account is not null and removed_at is null`.execute(db);
  return rows.map((r) => r.account).sort();
}

/** A deal as the sync last read it from the sheet, with what its flags need besides. */
export interface StoredDeal {
  readonly id: string;
  readonly deal: Deal;
  readonly cellIssueCount: number;
  readonly statusAsOf: IsoDate | null;
  readonly statusHash: string | null;
  /** The flag codes the last sync (or visit) stored: what the next sync compares against. */
  readonly flagCodes: readonly string[];
}

/**
 * The deal's record as the sheet's row reads: the stored stage is re-read from the stored label,
 * because a label that maps to no stage is stored under the deal's last known stage while the
 * sheet reads it as unknown.
 */
export async function storedDeal(db: Db, spreadsheetId: string, dealId: string, settings: SyncSettings): Promise<StoredDeal | null> {
  const r = await db
    .selectFrom('deals')
    .selectAll()
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('id', '=', dealId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (r === undefined) return null;
  return {
    id: r.id,
    deal: dealRecordOf(r, settings),
    cellIssueCount: r.cell_issue_count,
    statusAsOf: r.status_as_of,
    statusHash: r.status_hash,
    flagCodes: r.flag_codes === null || r.flag_codes === '' ? [] : r.flag_codes.split(','),
  };
}

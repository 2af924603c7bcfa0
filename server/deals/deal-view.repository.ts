import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { StoredDealColumns } from './deal-record.ts';

const RECORD_COLUMNS = [
  'account',
  'title',
  'stage_label',
  'stage_changed_on',
  'owner',
  'team',
  'amount',
  'gross_margin',
  'probability',
  'quote_sent_on',
  'ball',
  'last_contact_on',
  'next_action',
  'next_action_on',
  'expected_close_on',
  'created_on',
] as const;

/** One stored deal with what its card needs besides its record. */
export interface DealViewRow extends StoredDealColumns {
  readonly id: string;
  readonly cell_issue_count: number;
  readonly stage_entered_on: string | null;
  readonly previous_stage: string | null;
  readonly ball_changed_on: string | null;
  readonly removed: boolean;
}

/** The deal, tombstone or not, when it belongs to the spreadsheet. */
export async function findDealRow(db: Db, spreadsheetId: string, dealId: string): Promise<DealViewRow | null> {
  const row = await db
    .selectFrom('deals')
    .select(['id', ...RECORD_COLUMNS, 'cell_issue_count', 'stage_entered_on', 'previous_stage', 'ball_changed_on'])
    .select(sql<boolean>`removed_at is not null`.as('removed'))
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('id', '=', dealId)
    .executeTakeFirst();
  return row ?? null;
}

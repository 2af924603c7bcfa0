import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { LinkedIdentity } from '../sync/assign-row-ids.ts';
import { visitKey } from '../sync/natural-key.ts';

export async function loadVisitStates(db: Db, spreadsheetId: string): Promise<Map<string, LinkedIdentity>> {
  const rows = await db
    .selectFrom('visits')
    .select(['id', 'row_hash', sql<boolean>`removed_at is not null`.as('removed'), 'deal_id', 'visited_on', 'account', 'deal_title', 'owner'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { hash: r.row_hash, removed: r.removed, dealId: r.deal_id, naturalKey: () => visitKey(r.visited_on, r.account, r.deal_title, r.owner) },
    ]),
  );
}

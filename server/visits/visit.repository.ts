import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { StoredIdentity } from '../sync/assign-row-ids.ts';
import { visitKey } from '../sync/natural-key.ts';

export async function loadVisitStates(db: Db, spreadsheetId: string): Promise<Map<string, StoredIdentity>> {
  const rows = await db
    .selectFrom('visits')
    .select(['id', 'row_hash', sql<boolean>`removed_at is not null`.as('removed'), 'visited_on', 'account', 'deal_title', 'owner'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { hash: r.row_hash, removed: r.removed, naturalKey: () => visitKey(r.visited_on, r.account, r.deal_title, r.owner) },
    ]),
  );
}

import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { StoredIdentity } from '../sync/assign-row-ids.ts';
import { requestKey } from '../sync/natural-key.ts';

export async function loadRequestStates(db: Db, spreadsheetId: string): Promise<Map<string, StoredIdentity>> {
  const rows = await db
    .selectFrom('requests')
    .select(['id', 'row_hash', sql<boolean>`removed_at is not null`.as('removed'), 'requested_on', 'account', 'type', 'requester'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { hash: r.row_hash, removed: r.removed, naturalKey: () => requestKey(r.requested_on, r.account, r.type, r.requester) },
    ]),
  );
}

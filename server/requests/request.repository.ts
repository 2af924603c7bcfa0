import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { LinkedIdentity } from '../sync/assign-row-ids.ts';
import { requestKey } from '../sync/natural-key.ts';

export async function loadRequestStates(db: Db, spreadsheetId: string): Promise<Map<string, LinkedIdentity>> {
  const rows = await db
    .selectFrom('requests')
    .select(['id', 'row_hash', sql<boolean>`removed_at is not null`.as('removed'), 'deal_id', 'requested_on', 'account', 'type', 'requester'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { hash: r.row_hash, removed: r.removed, dealId: r.deal_id, naturalKey: () => requestKey(r.requested_on, r.account, r.type, r.requester) },
    ]),
  );
}

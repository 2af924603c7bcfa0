import type { Db } from '../db/database.ts';

export interface StoredRequestSettings {
  readonly overrides: unknown;
  readonly updatedAt: Date;
  readonly updatedBy: string | null;
}

export async function loadRequestSettings(db: Db, spreadsheetId: string): Promise<StoredRequestSettings | null> {
  const row = await db
    .selectFrom('request_settings')
    .select(['policy', 'updated_at', 'updated_by'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .executeTakeFirst();
  return row === undefined ? null : { overrides: row.policy, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

export async function saveRequestSettings(db: Db, spreadsheetId: string, overrides: unknown, by: string, at: Date): Promise<void> {
  const policy = JSON.stringify(overrides);
  await db
    .insertInto('request_settings')
    .values({ spreadsheet_id: spreadsheetId, policy, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('spreadsheet_id').doUpdateSet({ policy, updated_at: at, updated_by: by }))
    .execute();
}

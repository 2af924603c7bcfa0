import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { SourceKind } from './spreadsheet.table.ts';

/**
 * Serialises syncs of one spreadsheet: a transaction-scoped advisory lock, released at commit or
 * rollback, so two syncs of one sheet never interleave while different sheets run in parallel.
 */
export async function lockSpreadsheet(db: Db, spreadsheetId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`sheets-sfa:${spreadsheetId}`}, 0))`.execute(db);
}

export interface SpreadsheetRecord {
  readonly id: string;
  readonly mapping: unknown;
  readonly settings: unknown;
  readonly statusSettingsHash: string | null;
}

/** Registers the spreadsheet on its first sync and keeps its title and time zone current. */
export async function upsertSpreadsheet(
  db: Db,
  input: { id: string; kind: SourceKind; title: string; timeZone: string },
): Promise<SpreadsheetRecord> {
  return db
    .insertInto('spreadsheets')
    .values({ id: input.id, source_kind: input.kind, title: input.title, time_zone: input.timeZone })
    .onConflict((oc) => oc.column('id').doUpdateSet({ title: input.title, time_zone: input.timeZone }))
    .returning(['id', 'mapping', 'settings', 'status_settings_hash'])
    .executeTakeFirstOrThrow()
    .then((r) => ({ id: r.id, mapping: r.mapping, settings: r.settings, statusSettingsHash: r.status_settings_hash }));
}

export async function saveMapping(db: Db, spreadsheetId: string, mapping: unknown, statusSettingsHash: string, syncedAt: Date): Promise<void> {
  await db
    .updateTable('spreadsheets')
    .set({ mapping: JSON.stringify(mapping), status_settings_hash: statusSettingsHash, last_synced_at: syncedAt })
    .where('id', '=', spreadsheetId)
    .execute();
}

export async function saveSettings(db: Db, spreadsheetId: string, settings: unknown): Promise<void> {
  await db.updateTable('spreadsheets').set({ settings: JSON.stringify(settings) }).where('id', '=', spreadsheetId).execute();
}

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

export interface SpreadsheetSummary {
  readonly id: string;
  readonly sourceKind: SourceKind;
  readonly title: string;
  readonly timeZone: string;
  readonly mapping: unknown;
  readonly settings: unknown;
  readonly lastSyncedAt: Date | null;
}

export async function findSpreadsheet(db: Db, spreadsheetId: string): Promise<SpreadsheetSummary | null> {
  const row = await db
    .selectFrom('spreadsheets')
    .select(['id', 'source_kind', 'title', 'time_zone', 'mapping', 'settings', 'last_synced_at'])
    .where('id', '=', spreadsheetId)
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    id: row.id,
    sourceKind: row.source_kind,
    title: row.title,
    timeZone: row.time_zone,
    mapping: row.mapping,
    settings: row.settings,
    lastSyncedAt: row.last_synced_at,
  };
}

/** Google spreadsheets someone registered: what the daily recompute visits. */
export async function googleSpreadsheets(db: Db): Promise<{ id: string; timeZone: string; mapping: unknown }[]> {
  const rows = await db
    .selectFrom('spreadsheets')
    .select(['id', 'time_zone', 'mapping'])
    .where('source_kind', '=', 'google')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, timeZone: r.time_zone, mapping: r.mapping }));
}

/** Like lockSpreadsheet, without waiting: false when someone else holds the lock. */
export async function tryLockSpreadsheet(db: Db, spreadsheetId: string): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtextextended(${`sheets-sfa:${spreadsheetId}`}, 0)) as locked`.execute(db);
  return rows[0]?.locked === true;
}

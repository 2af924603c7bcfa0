import { sql } from 'kysely';
import type { Db } from './database.ts';
import { bulkUpdate, type BulkValue, type PgType } from './bulk-sql.ts';
import type { BulkWriter, ColumnShape } from './bulk-writer.ts';

/** Tables holding one row per sheet row, with tombstones: deals, visits, requests. */
export type TrackedTable = 'deals' | 'visits' | 'requests';

/** How one record field becomes one column. */
export interface RecordColumn<T> {
  readonly name: string;
  readonly type: PgType;
  readonly get: (value: T) => BulkValue;
}

/** A row to write: its identity, its content hash and the record itself. */
export interface TrackedWrite<T> {
  readonly id: string;
  readonly hash: string;
  readonly issueCount: number;
  readonly value: T;
}

/** The columns every tracked row has, before its record's own. */
const TRACKED_COLUMNS: readonly ColumnShape[] = [
  { name: 'id', type: 'text' },
  { name: 'row_hash', type: 'text' },
  { name: 'cell_issue_count', type: 'integer' },
];

/** One row's values in TRACKED_COLUMNS-then-record order. */
function trackedValues<T>(row: TrackedWrite<T>, columns: readonly RecordColumn<T>[]): BulkValue[] {
  const out: BulkValue[] = [row.id, row.hash, row.issueCount];
  for (const c of columns) out.push(c.get(row.value));
  return out;
}

export async function insertTracked<T>(
  writer: BulkWriter,
  table: TrackedTable,
  spreadsheetId: string,
  rows: readonly TrackedWrite<T>[],
  columns: readonly RecordColumn<T>[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  // Rendered once: encoding the same instant for each of 100k rows showed in profiles.
  const stamp = at.toISOString();
  const shapes: ColumnShape[] = [
    { name: 'spreadsheet_id', type: 'text' },
    ...TRACKED_COLUMNS,
    ...columns,
    { name: 'first_seen_at', type: 'timestamptz' },
    { name: 'updated_at', type: 'timestamptz' },
  ];
  function* values(): Generator<BulkValue[]> {
    for (const r of rows) yield [spreadsheetId, ...trackedValues(r, columns), stamp, stamp];
  }
  await writer.insert(table, shapes, values());
}

/** Rewrites changed rows, bringing back any that had been tombstoned. */
export async function updateTracked<T>(
  db: Db,
  table: TrackedTable,
  spreadsheetId: string,
  rows: readonly TrackedWrite<T>[],
  columns: readonly RecordColumn<T>[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => trackedValues(r, columns));
  const shapes = [...TRACKED_COLUMNS, ...columns];
  await bulkUpdate(db, table, spreadsheetId, [
    ...shapes.map((c, i) => ({ name: c.name, type: c.type, values: values.map((v) => v[i] ?? null) })),
    { name: 'updated_at', type: 'timestamptz', values: rows.map(() => at) },
    { name: 'removed_at', type: 'timestamptz', values: rows.map(() => null) },
  ]);
}

/** Marks rows that left the sheet as removed; they are never deleted. */
export async function tombstoneTracked(
  db: Db,
  table: TrackedTable,
  spreadsheetId: string,
  ids: readonly string[],
  at: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await sql`update ${sql.table(table)} set removed_at = ${at}, updated_at = ${at}
    where spreadsheet_id = ${spreadsheetId} and id = any(${ids}::text[]) and removed_at is null`.execute(db);
}

/** Tables whose rows may be born in the API before the sheet shows them. */
export type ApiBornTable = 'visits' | 'requests';

/** Ids of live rows the API created that the sheet has not shown yet. */
export async function pendingIdsOf(db: Db, table: ApiBornTable, spreadsheetId: string): Promise<Set<string>> {
  const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)}
    where spreadsheet_id = ${spreadsheetId} and pending_append and removed_at is null`.execute(db);
  return new Set(rows.map((r) => r.id));
}

/** The sheet shows these rows now: from here on they live and leave as any sheet row does. */
export async function clearPending(db: Db, table: ApiBornTable, spreadsheetId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`update ${sql.table(table)} set pending_append = false
    where spreadsheet_id = ${spreadsheetId} and id = any(${ids}::text[]) and pending_append`.execute(db);
}

/**
 * Stores, for rows about to be appended, the content hash the sheet's copy will read back with,
 * so the sync after the append finds them unchanged.
 */
export async function rehashPending(db: Db, table: ApiBornTable, spreadsheetId: string, rows: readonly { id: string; hash: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await bulkUpdate(db, table, spreadsheetId, [
    { name: 'id', type: 'text', values: rows.map((r) => r.id) },
    { name: 'row_hash', type: 'text', values: rows.map((r) => r.hash) },
  ]);
}

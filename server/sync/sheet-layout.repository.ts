import { sql } from 'kysely';
import { LOCALES, type Locale } from '../../shared/i18n/locale.ts';
import { TAB_KINDS, type TabKind } from '../../shared/records/tab-kind.ts';
import { contentHash } from '../../shared/rows/content-hash.ts';
import type { ServiceColumnKey } from '../../shared/write-plan/service-columns.ts';
import type { Db } from '../db/database.ts';
import type { SheetLayout } from './sheet-layout.ts';

// sheet_layouts is typed here rather than in Database: only this module reads or writes it.
interface LayoutRow {
  readonly kind: string;
  readonly sheet: string;
  readonly header_row: number;
  readonly last_row: number;
  readonly locale: string;
  readonly fields: unknown;
  readonly service_columns: unknown;
  readonly row_ids_hash: string | null;
}

const rowIdsText = (ids: readonly (string | null)[]): string => ids.map((id) => id ?? '').join('\n');

const asColumns = (value: unknown): Record<string, number> => {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  const out: Record<string, number> = {};
  if (typeof parsed !== 'object' || parsed === null) return out;
  for (const [k, v] of Object.entries(parsed)) if (typeof v === 'number') out[k] = v;
  return out;
};

// jsonb keeps its own key order: compared as sorted entries.
const canonical = (columns: Readonly<Record<string, number | undefined>>): string =>
  JSON.stringify(Object.entries(columns).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

function sameShape(stored: LayoutRow, layout: SheetLayout, idsHash: string | null): boolean {
  return (
    stored.sheet === layout.sheet &&
    stored.header_row === layout.headerRow &&
    stored.last_row === layout.lastRow &&
    stored.locale === layout.locale &&
    canonical(asColumns(stored.fields)) === canonical(layout.fields) &&
    canonical(asColumns(stored.service_columns)) === canonical(layout.serviceColumns) &&
    stored.row_ids_hash === idsHash
  );
}

/**
 * Stores the layouts of a sync's mapped tabs and forgets those of tabs no longer mapped. A layout
 * that did not change is not written, and a deal order that did not change is not sent again.
 */
export async function saveSheetLayouts(db: Db, spreadsheetId: string, layouts: readonly SheetLayout[], at: Date): Promise<void> {
  const { rows } = await sql<LayoutRow>`select kind, sheet, header_row, last_row, locale, fields, service_columns, row_ids_hash
    from sheet_layouts where spreadsheet_id = ${spreadsheetId}`.execute(db);
  const stored = new Map(rows.map((r) => [r.kind, r]));
  const kinds = layouts.map((l) => l.kind);
  const gone = rows.map((r) => r.kind).filter((k) => !kinds.includes(k as TabKind));
  if (gone.length > 0) await sql`delete from sheet_layouts where spreadsheet_id = ${spreadsheetId} and kind = any(${gone}::text[])`.execute(db);
  for (const layout of layouts) {
    const before = stored.get(layout.kind);
    const text = layout.rowIds === null ? null : rowIdsText(layout.rowIds);
    const hash = text === null ? null : contentHash(text);
    if (before !== undefined && sameShape(before, layout, hash)) continue;
    const idsChanged = before === undefined || before.row_ids_hash !== hash;
    const ids = idsChanged ? text : null;
    await sql`insert into sheet_layouts (spreadsheet_id, kind, sheet, header_row, last_row, locale, fields, service_columns, row_ids, row_ids_hash, synced_at)
      values (${spreadsheetId}, ${layout.kind}, ${layout.sheet}, ${layout.headerRow}, ${layout.lastRow}, ${layout.locale},
        ${JSON.stringify(layout.fields)}::jsonb, ${JSON.stringify(layout.serviceColumns)}::jsonb, ${ids}, ${hash}, ${at})
      on conflict (spreadsheet_id, kind) do update set sheet = excluded.sheet, header_row = excluded.header_row, last_row = excluded.last_row,
        locale = excluded.locale, fields = excluded.fields, service_columns = excluded.service_columns,
        row_ids = ${idsChanged ? sql`excluded.row_ids` : sql`sheet_layouts.row_ids`}, row_ids_hash = excluded.row_ids_hash, synced_at = excluded.synced_at`.execute(db);
  }
}

/** The stored layouts of a spreadsheet's mapped tabs, without the deals' row list. */
export async function sheetLayoutsOf(db: Db, spreadsheetId: string): Promise<Map<TabKind, SheetLayout>> {
  const { rows } = await sql<LayoutRow>`select kind, sheet, header_row, last_row, locale, fields, service_columns, row_ids_hash
    from sheet_layouts where spreadsheet_id = ${spreadsheetId}`.execute(db);
  const out = new Map<TabKind, SheetLayout>();
  for (const r of rows) {
    const kind = TAB_KINDS.find((k) => k === r.kind);
    if (kind === undefined) continue;
    out.set(kind, {
      kind,
      sheet: r.sheet,
      headerRow: r.header_row,
      lastRow: r.last_row,
      locale: (LOCALES as readonly string[]).includes(r.locale) ? (r.locale as Locale) : 'ja',
      fields: asColumns(r.fields),
      serviceColumns: asColumns(r.service_columns) as Partial<Record<ServiceColumnKey, number>>,
      rowIds: null,
    });
  }
  return out;
}

/** The sheet row the deal sat on after the last sync, or null when it was not on the deals tab. */
export async function dealSheetRow(db: Db, spreadsheetId: string, dealId: string): Promise<number | null> {
  const { rows } = await sql<{ row: number | null }>`select header_row + array_position(string_to_array(row_ids, E'\n'), ${dealId}) as row
    from sheet_layouts where spreadsheet_id = ${spreadsheetId} and kind = 'deals'`.execute(db);
  return rows[0]?.row ?? null;
}

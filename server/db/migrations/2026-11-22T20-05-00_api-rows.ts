import { sql, type Kysely } from 'kysely';

// Frozen in time: never imports application code (see the sync-engine migration).
// Rows born in the API (a visit logged or a request filed from the sidebar) before the sheet has them.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['visits', 'requests']) {
    // Created through the API and not yet shown by the sheet: the sync appends such a row instead
    // of tombstoning it, and clears the flag once the sheet shows the row's id.
    await db.schema.alterTable(table).addColumn('pending_append', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
    // Every sync asks for the few pending rows of its spreadsheet: a partial index keeps that free.
    await db.schema.createIndex(`${table}_pending_idx`).on(table).columns(['spreadsheet_id', 'id']).where(sql.ref('pending_append'), '=', true).execute();
  }
  // Who logged the visit through the API; null for visits typed into the sheet.
  await db.schema.alterTable('visits').addColumn('logged_by', 'text').execute();

  // What the latest visit logged through the API said about its deal. Kept apart from the deal's
  // own columns, which mirror the sheet and which the flag rules read.
  await db.schema
    .alterTable('deals')
    .addColumn('visit_contact_on', 'date')
    .addColumn('visit_next_action', 'text')
    .addColumn('visit_next_action_on', 'date')
    .addColumn('visit_ball', 'text')
    .addColumn('visit_ball_since', 'date')
    .execute();

  // Where each mapped tab's columns and rows sat after the last sync, so the API can plan cells
  // (a visit's row, its deal's flags) without reading the sheet.
  await db.schema
    .createTable('sheet_layouts')
    .addColumn('spreadsheet_id', 'text', (c) => c.notNull().references('spreadsheets.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('deals', 'visits', 'requests')`))
    .addColumn('sheet', 'text', (c) => c.notNull())
    .addColumn('header_row', 'integer', (c) => c.notNull())
    .addColumn('last_row', 'integer', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    // Field → 1-based column, and service column → 1-based column once the plan is applied.
    .addColumn('fields', 'jsonb', (c) => c.notNull())
    .addColumn('service_columns', 'jsonb', (c) => c.notNull())
    // Deals tab: the id of each data row from header_row + 1 down, one a line (empty where no
    // deal), and a hash of that list, so an unchanged order is not written again. One text, not
    // text[]: 100k ids write several times faster, and a lookup splits it only when a visit is logged.
    .addColumn('row_ids', 'text')
    .addColumn('row_ids_hash', 'text')
    .addColumn('synced_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('sheet_layouts_pk', ['spreadsheet_id', 'kind'])
    .execute();
  // Random ids barely compress: storing them plain saves compressing megabytes on every reorder.
  await sql`alter table sheet_layouts alter column row_ids set storage external`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sheet_layouts').execute();
  await db.schema
    .alterTable('deals')
    .dropColumn('visit_contact_on')
    .dropColumn('visit_next_action')
    .dropColumn('visit_next_action_on')
    .dropColumn('visit_ball')
    .dropColumn('visit_ball_since')
    .execute();
  await db.schema.alterTable('visits').dropColumn('logged_by').execute();
  for (const table of ['visits', 'requests']) {
    await db.schema.dropIndex(`${table}_pending_idx`).execute();
    await db.schema.alterTable(table).dropColumn('pending_append').execute();
  }
}

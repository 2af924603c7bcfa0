import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code, so it means tomorrow what it means today.
// Kysely<any> on purpose (DESIGN.md): a migration must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('spreadsheets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('mapping', 'jsonb')
    .addColumn('settings', 'jsonb')
    // What the deals' stored statuses were computed with; a change means recomputing them all.
    .addColumn('status_settings_hash', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_synced_at', 'timestamptz')
    .execute();

  const trackedRow = (table: string) =>
    db.schema
      .createTable(table)
      .addColumn('spreadsheet_id', 'text', (c) => c.notNull().references('spreadsheets.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('row_hash', 'text', (c) => c.notNull())
      .addColumn('cell_issue_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      // A row that left the sheet is kept as a tombstone, never deleted.
      .addColumn('removed_at', 'timestamptz')
      .addPrimaryKeyConstraint(`${table}_pk`, ['spreadsheet_id', 'id']);

  await trackedRow('deals')
    .addColumn('account', 'text')
    .addColumn('title', 'text')
    .addColumn('stage', 'text')
    .addColumn('stage_label', 'text')
    .addColumn('stage_changed_on', 'date')
    .addColumn('owner', 'text')
    .addColumn('team', 'text')
    .addColumn('amount', 'bigint')
    .addColumn('gross_margin', 'bigint')
    .addColumn('probability', 'integer')
    .addColumn('quote_sent_on', 'date')
    .addColumn('ball', 'text')
    .addColumn('last_contact_on', 'date')
    .addColumn('next_action', 'text')
    .addColumn('next_action_on', 'date')
    .addColumn('expected_close_on', 'date')
    .addColumn('created_on', 'date')
    .addColumn('stage_entered_on', 'date')
    .addColumn('previous_stage', 'text')
    .addColumn('ball_changed_on', 'date')
    // The status last computed and written back: the day it was computed for, a hash of the
    // service cells it wrote (a same-day re-sync skips rows whose cells still match), and the
    // flags and aging managers query.
    .addColumn('status_as_of', 'date')
    .addColumn('status_hash', 'text')
    .addColumn('flag_codes', 'text')
    .addColumn('days_in_stage', 'integer')
    .addColumn('ball_days', 'integer')
    .addColumn('stale_threshold', 'integer')
    .execute();

  await db.schema
    .createTable('deal_stage_history')
    .addColumn('id', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('spreadsheet_id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text')
    .addColumn('to_label', 'text')
    .addColumn('entered_on', 'date', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('sync_run_id', 'bigint')
    .addColumn('observed_at', 'timestamptz', (c) => c.notNull())
    // One index serves as the key and as a deal's history in order: a first sync writes a history
    // row per deal, and a second index cost as much again. No foreign key to deals: deals are
    // never deleted (they become tombstones), and checking one per row doubled that cost too.
    .addPrimaryKeyConstraint('deal_stage_history_pk', ['spreadsheet_id', 'deal_id', 'id'])
    .execute();

  await trackedRow('visits')
    .addColumn('visited_on', 'date')
    .addColumn('account', 'text')
    .addColumn('deal_title', 'text')
    .addColumn('deal_id', 'text')
    .addColumn('owner', 'text')
    .addColumn('met', 'text')
    .addColumn('attendees', 'text')
    .addColumn('discussed', 'text')
    .addColumn('customer_asked', 'text')
    .addColumn('next_action', 'text')
    .addColumn('next_action_on', 'date')
    .addColumn('ball_after', 'text')
    .execute();
  await db.schema.createIndex('visits_deal_idx').on('visits').columns(['spreadsheet_id', 'deal_id']).execute();

  await trackedRow('requests')
    .addColumn('requested_on', 'date')
    .addColumn('type', 'text')
    .addColumn('type_label', 'text')
    .addColumn('account', 'text')
    .addColumn('deal_title', 'text')
    .addColumn('deal_id', 'text')
    .addColumn('requester', 'text')
    .addColumn('background', 'text')
    .addColumn('description', 'text')
    .addColumn('alternative', 'text')
    .addColumn('estimated_cost', 'bigint')
    .addColumn('status', 'text')
    .execute();

  await db.schema
    .createTable('sync_runs')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('spreadsheet_id', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('counts', 'jsonb', (c) => c.notNull())
    .addColumn('flag_counts', 'jsonb', (c) => c.notNull())
    .addColumn('issue_count', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('sync_runs_spreadsheet_idx').on('sync_runs').columns(['spreadsheet_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['sync_runs', 'requests', 'visits', 'deal_stage_history', 'deals', 'spreadsheets']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

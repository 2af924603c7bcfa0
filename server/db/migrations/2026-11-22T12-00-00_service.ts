import { sql, type Kysely } from 'kysely';

// Frozen in time: never imports application code (see the sync-engine migration).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('spreadsheet_members')
    .addColumn('spreadsheet_id', 'text', (c) => c.notNull().references('spreadsheets.id').onDelete('cascade'))
    // Google account emails, lower-cased: the ID token's email claim is the identity.
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('member', 'manager', 'approver', 'admin')`))
    .addColumn('granted_by', 'text')
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('spreadsheet_members_pk', ['spreadsheet_id', 'email', 'role'])
    .execute();
  await db.schema.createIndex('spreadsheet_members_email_idx').on('spreadsheet_members').column('email').execute();

  // Who or what started a run: the add-on's push, the daily recompute, the CLI.
  await db.schema.alterTable('sync_runs').addColumn('trigger', 'text', (c) => c.notNull().defaultTo('cli')).execute();
  await db.schema.alterTable('sync_runs').addColumn('requested_by', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sync_runs').dropColumn('requested_by').execute();
  await db.schema.alterTable('sync_runs').dropColumn('trigger').execute();
  await db.schema.dropTable('spreadsheet_members').execute();
}

import { sql, type Kysely } from 'kysely';

// Frozen in time: never imports application code (see the sync-engine migration).
// The feed: what moved on each deal and account (stage changes, visits, request events, new flags),
// and who follows which deal or account.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feed_entries')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('spreadsheet_id', 'text', (c) => c.notNull().references('spreadsheets.id').onDelete('cascade'))
    .addColumn('deal_id', 'text')
    .addColumn('account', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor', 'text')
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .execute();
  // Feeds are read newest first, per deal and per account.
  await db.schema.createIndex('feed_entries_deal_idx').on('feed_entries').columns(['spreadsheet_id', 'deal_id', 'id']).execute();
  await db.schema.createIndex('feed_entries_account_idx').on('feed_entries').columns(['spreadsheet_id', 'account', 'id']).execute();

  await db.schema
    .createTable('follows')
    .addColumn('spreadsheet_id', 'text', (c) => c.notNull().references('spreadsheets.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull().check(sql`target_kind in ('deal', 'account')`))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('follows_pk', ['spreadsheet_id', 'email', 'target_kind', 'target'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('follows').execute();
  await db.schema.dropTable('feed_entries').execute();
}

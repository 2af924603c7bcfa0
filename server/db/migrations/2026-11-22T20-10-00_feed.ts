import { sql, type Kysely } from 'kysely';

// Frozen in time: never imports application code (see the sync-engine migration).
// The feed: what moved on each deal and account (stage changes, visits, request events, new flags),
// and who follows which deal or account; managers' daily digests of new flags and their deliveries.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feed_entries')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('spreadsheet_id', 'text', (c) => c.notNull().references('spreadsheets.id').onDelete('cascade'))
    .addColumn('deal_id', 'text')
    .addColumn('account', 'text')
    // The account folded for matching (NFKC, no whitespace, lower case), as the sync matches rows.
    .addColumn('account_key', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('stage_changed', 'visit_logged', 'request_event', 'flag_raised')`))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor', 'text')
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .execute();
  // Feeds are read newest first, per deal, per account, and for a follower across both.
  await db.schema.createIndex('feed_entries_deal_idx').on('feed_entries').columns(['spreadsheet_id', 'deal_id', 'id']).execute();
  await db.schema.createIndex('feed_entries_account_idx').on('feed_entries').columns(['spreadsheet_id', 'account_key', 'id']).execute();
  // The digest reads one kind over the last days.
  await db.schema.createIndex('feed_entries_kind_idx').on('feed_entries').columns(['spreadsheet_id', 'kind', 'id']).execute();

  await db.schema
    .createTable('follows')
    .addColumn('spreadsheet_id', 'text', (c) => c.notNull().references('spreadsheets.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull().check(sql`target_kind in ('deal', 'account')`))
    // A deal id, or an account's folded key (see account_key above).
    .addColumn('target', 'text', (c) => c.notNull())
    // The account's name as the follower gave it, to show back.
    .addColumn('label', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('follows_pk', ['spreadsheet_id', 'email', 'target_kind', 'target'])
    .execute();

  // A manager's choices: mail on or off, their own Chat space's webhook, the digest's language.
  // No row: the defaults (mail on for managers, no Chat, Japanese).
  await db.schema
    .createTable('digest_subscriptions')
    .addColumn('spreadsheet_id', 'text', (c) => c.notNull().references('spreadsheets.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('chat_webhook_url', 'text')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('ja').check(sql`locale in ('ja', 'en')`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('digest_subscriptions_pk', ['spreadsheet_id', 'email'])
    .execute();

  // One digest run per spreadsheet and business day, claimed by whichever instance gets there first.
  await db.schema
    .createTable('digest_runs')
    .addColumn('spreadsheet_id', 'text', (c) => c.notNull().references('spreadsheets.id').onDelete('cascade'))
    .addColumn('digest_date', 'date', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addPrimaryKeyConstraint('digest_runs_pk', ['spreadsheet_id', 'digest_date'])
    .execute();

  await db.schema
    .createTable('digest_deliveries')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('spreadsheet_id', 'text', (c) => c.notNull().references('spreadsheets.id').onDelete('cascade'))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'chat')`))
    .addColumn('digest_date', 'date', (c) => c.notNull())
    .addColumn('entry_count', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('sending', 'sent', 'failed')`))
    .addColumn('attempted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('digest_deliveries_recipient_idx').on('digest_deliveries').columns(['spreadsheet_id', 'recipient', 'id']).execute();

  // Which entries each delivery carried. The key is what makes a digest never go out twice for the
  // same entries: a second claim of an entry for the same person and channel fails.
  await db.schema
    .createTable('digest_delivery_entries')
    .addColumn('delivery_id', 'bigint', (c) => c.notNull().references('digest_deliveries.id').onDelete('cascade'))
    .addColumn('entry_id', 'bigint', (c) => c.notNull().references('feed_entries.id').onDelete('cascade'))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('digest_delivery_entries_pk', ['recipient', 'channel', 'entry_id'])
    .execute();
  await db.schema.createIndex('digest_delivery_entries_delivery_idx').on('digest_delivery_entries').column('delivery_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('digest_delivery_entries').execute();
  await db.schema.dropTable('digest_deliveries').execute();
  await db.schema.dropTable('digest_runs').execute();
  await db.schema.dropTable('digest_subscriptions').execute();
  await db.schema.dropTable('follows').execute();
  await db.schema.dropTable('feed_entries').execute();
}

import type { Kysely } from 'kysely';

// Frozen in time: never imports application code (see the sync-engine migration).
// the feed: entries per deal and account, follows, digest deliveries.
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}

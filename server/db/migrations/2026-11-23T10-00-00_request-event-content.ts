import type { Kysely } from 'kysely';

// Frozen in time: never imports application code (see the sync-engine migration).
// What each request event judged: the request's content as it stood (type, background,
// description, alternative, cost input), beside the cost snapshot, so a later revision never
// changes what an earlier decision was about.
export async function up(db: Kysely<any>): Promise<void> {
  // Adding a column rewrites no row, so the append-only triggers stay as they are; events
  // recorded before this migration keep a null snapshot.
  await db.schema.alterTable('request_events').addColumn('content_snapshot', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('request_events').dropColumn('content_snapshot').execute();
}

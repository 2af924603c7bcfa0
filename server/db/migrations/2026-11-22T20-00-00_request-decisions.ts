import type { Kysely } from 'kysely';

// Frozen in time: never imports application code (see the sync-engine migration).
// request decisions: the workflow state of each request, its append-only events, per-spreadsheet request settings, and the director role.
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}

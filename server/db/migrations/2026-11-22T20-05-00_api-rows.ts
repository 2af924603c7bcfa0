import type { Kysely } from 'kysely';

// Frozen in time: never imports application code (see the sync-engine migration).
// Rows born in the API (a visit logged or a request filed from the sidebar) before the sheet has them.
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}

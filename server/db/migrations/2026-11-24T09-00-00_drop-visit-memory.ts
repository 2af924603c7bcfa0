import type { Kysely } from 'kysely';

// Frozen in time: never imports application code (see the sync-engine migration).
// The api-rows migration kept beside each deal a copy of what its latest visit logged through the
// API said (contact day, next action, ball). The visits themselves say it, and the flag rules and
// the deal card read them there; the copy was written and never read but for the last contact,
// which it kept even after the team deleted the visit's row.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('deals')
    .dropColumn('visit_contact_on')
    .dropColumn('visit_next_action')
    .dropColumn('visit_next_action_on')
    .dropColumn('visit_ball')
    .dropColumn('visit_ball_since')
    .execute();
}

// The columns come back empty: nothing wrote them after this migration.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('deals')
    .addColumn('visit_contact_on', 'date')
    .addColumn('visit_next_action', 'text')
    .addColumn('visit_next_action_on', 'date')
    .addColumn('visit_ball', 'text')
    .addColumn('visit_ball_since', 'date')
    .execute();
}

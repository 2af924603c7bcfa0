import { sql, type Kysely } from 'kysely';

// Frozen in time: never imports application code (see the sync-engine migration).
// request decisions: the workflow state of each request, its append-only events, per-spreadsheet request settings, and the director role.

const ROLES_BEFORE = `'member', 'manager', 'approver', 'admin'`;
const ROLES_AFTER = `'member', 'manager', 'approver', 'director', 'admin'`;

// The role check was created unnamed on the column; Postgres named it, and a database restored
// elsewhere may have another name, so every check on the role column is looked up and replaced.
async function replaceRoleCheck(db: Kysely<any>, roles: string): Promise<void> {
  const { rows } = await sql<{ conname: string }>`
    select c.conname from pg_constraint c
    where c.conrelid = 'spreadsheet_members'::regclass and c.contype = 'c'
      and pg_get_constraintdef(c.oid) like '%role%'`.execute(db);
  for (const r of rows) await sql`alter table spreadsheet_members drop constraint ${sql.id(r.conname)}`.execute(db);
  await sql`alter table spreadsheet_members add constraint spreadsheet_members_role_check check (role in (${sql.raw(roles)}))`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await replaceRoleCheck(db, ROLES_AFTER);

  // Overrides of the request policy (rates, routing thresholds, flag ratios), as an admin saved them.
  await db.schema
    .createTable('request_settings')
    .addColumn('spreadsheet_id', 'text', (c) => c.primaryKey().references('spreadsheets.id').onDelete('cascade'))
    .addColumn('policy', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .alterTable('requests')
    // Where the row was born: the requests tab, or the API (the sidebar) before the sheet has it.
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('sheet').check(sql`origin in ('sheet', 'api')`))
    .addColumn('requester_email', 'text')
    .addColumn('cost_input', 'jsonb')
    .addColumn('cost_total', 'bigint')
    // Null for a sheet row nobody has filed through the API yet.
    .addColumn('state', 'text', (c) => c.check(sql`state in ('draft', 'submitted', 'approved', 'rejected', 'returned', 'recalled')`))
    // The approval steps (roles, in order) fixed when the request was (re)submitted.
    .addColumn('route', 'jsonb')
    .addColumn('step', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'text')
    .addColumn('decision_comment', 'text')
    .execute();
  // The approver's inbox: requests in a state, per spreadsheet.
  await db.schema.createIndex('requests_state_idx').on('requests').columns(['spreadsheet_id', 'state']).where(sql.ref('state'), 'is not', null).execute();

  await db.schema
    .createTable('request_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('spreadsheet_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('step', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('cost_snapshot', 'jsonb')
    .addUniqueConstraint('request_events_seq_key', ['spreadsheet_id', 'request_id', 'seq'])
    // Requests are never deleted (they become tombstones), so the key holds for ever; no cascade:
    // a cascade would be a delete, and events refuse deletes.
    .addForeignKeyConstraint('request_events_request_fk', ['spreadsheet_id', 'request_id'], 'requests', ['spreadsheet_id', 'id'])
    .execute();

  // The audit trail is append-only in the database itself, whatever the application does.
  await sql`
    create function request_events_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'request_events is append-only: % refused', tg_op using errcode = 'integrity_constraint_violation';
    end
    $$`.execute(db);
  await sql`create trigger request_events_no_change before update or delete on request_events
    for each row execute function request_events_refuse_change()`.execute(db);
  await sql`create trigger request_events_no_truncate before truncate on request_events
    for each statement execute function request_events_refuse_change()`.execute(db);

  // A decided request keeps what was decided: its state, route, cost, decider and requester can
  // no longer change, and it cannot be deleted (leaving the sheet makes it a tombstone, an update
  // of removed_at only).
  await sql`
    create function requests_keep_decision() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'request % is decided: it cannot be deleted', old.id using errcode = 'integrity_constraint_violation';
      end if;
      if (new.state, new.route, new.step, new.cost_total, new.cost_input, new.decided_at, new.decided_by, new.decision_comment, new.requester_email, new.version)
         is distinct from
         (old.state, old.route, old.step, old.cost_total, old.cost_input, old.decided_at, old.decided_by, old.decision_comment, old.requester_email, old.version) then
        raise exception 'request % is decided: its decision cannot change', old.id using errcode = 'integrity_constraint_violation';
      end if;
      return new;
    end
    $$`.execute(db);
  await sql`create trigger requests_decided_no_change before update or delete on requests
    for each row when (old.state in ('approved', 'rejected')) execute function requests_keep_decision()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger requests_decided_no_change on requests`.execute(db);
  await sql`drop function requests_keep_decision()`.execute(db);
  // Dropping the table drops its triggers; nothing here deletes a single event.
  await db.schema.dropTable('request_events').execute();
  await sql`drop function request_events_refuse_change()`.execute(db);
  await db.schema.dropIndex('requests_state_idx').execute();
  for (const column of ['decision_comment', 'decided_by', 'decided_at', 'version', 'step', 'route', 'state', 'cost_total', 'cost_input', 'requester_email', 'origin']) {
    await db.schema.alterTable('requests').dropColumn(column).execute();
  }
  await db.schema.dropTable('request_settings').execute();
  await sql`delete from spreadsheet_members where role = 'director'`.execute(db);
  await replaceRoleCheck(db, ROLES_BEFORE);
}

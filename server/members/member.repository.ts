import type { Role } from '../../shared/access/role.ts';
import type { Db } from '../db/database.ts';

export interface MemberRow {
  readonly email: string;
  readonly role: Role;
  readonly grantedBy: string | null;
  readonly grantedAt: Date;
}

export async function rolesOf(db: Db, spreadsheetId: string, email: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('spreadsheet_members')
    .select('role')
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('email', '=', email)
    .orderBy('role')
    .execute();
  return rows.map((r) => r.role);
}

export async function countMembers(db: Db, spreadsheetId: string): Promise<number> {
  const row = await db
    .selectFrom('spreadsheet_members')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('spreadsheet_id', '=', spreadsheetId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countRole(db: Db, spreadsheetId: string, role: Role): Promise<number> {
  const row = await db
    .selectFrom('spreadsheet_members')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function membersOf(db: Db, spreadsheetId: string): Promise<MemberRow[]> {
  const rows = await db
    .selectFrom('spreadsheet_members')
    .select(['email', 'role', 'granted_by', 'granted_at'])
    .where('spreadsheet_id', '=', spreadsheetId)
    .orderBy('email')
    .orderBy('role')
    .execute();
  return rows.map((r) => ({ email: r.email, role: r.role, grantedBy: r.granted_by, grantedAt: r.granted_at }));
}

/** Grants a role; granting one already held changes nothing. Returns whether it was new. */
export async function grantRole(db: Db, spreadsheetId: string, email: string, role: Role, grantedBy: string | null): Promise<boolean> {
  const result = await db
    .insertInto('spreadsheet_members')
    .values({ spreadsheet_id: spreadsheetId, email, role, granted_by: grantedBy })
    .onConflict((oc) => oc.columns(['spreadsheet_id', 'email', 'role']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function revokeRole(db: Db, spreadsheetId: string, email: string, role: Role): Promise<boolean> {
  const result = await db
    .deleteFrom('spreadsheet_members')
    .where('spreadsheet_id', '=', spreadsheetId)
    .where('email', '=', email)
    .where('role', '=', role)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface MembershipRow {
  readonly spreadsheetId: string;
  readonly title: string;
  readonly timeZone: string;
  readonly lastSyncedAt: Date | null;
  readonly roles: Role[];
}

/** Every spreadsheet the person holds a role on, with their roles. */
export async function spreadsheetsOfMember(db: Db, email: string): Promise<MembershipRow[]> {
  const rows = await db
    .selectFrom('spreadsheet_members as m')
    .innerJoin('spreadsheets as s', 's.id', 'm.spreadsheet_id')
    .select(['s.id', 's.title', 's.time_zone', 's.last_synced_at', 'm.role'])
    .where('m.email', '=', email)
    .orderBy('s.title')
    .orderBy('s.id')
    .orderBy('m.role')
    .execute();
  const byId = new Map<string, MembershipRow>();
  for (const r of rows) {
    const seen = byId.get(r.id);
    if (seen !== undefined) seen.roles.push(r.role);
    else byId.set(r.id, { spreadsheetId: r.id, title: r.title, timeZone: r.time_zone, lastSyncedAt: r.last_synced_at, roles: [r.role] });
  }
  return [...byId.values()];
}

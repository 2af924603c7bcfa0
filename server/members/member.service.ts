import { hasRole, type Role } from '../../shared/access/role.ts';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings/sync-settings.ts';
import { lockSpreadsheet } from '../spreadsheets/spreadsheet.repository.ts';
import { countMembers, countRole, grantRole, revokeRole, rolesOf } from './member.repository.ts';

export interface AccessRule {
  readonly role: Role | null;
  readonly claimUnclaimed?: boolean;
}

/**
 * Registers a Google spreadsheet nobody holds yet, with `email` as its admin, and returns the
 * caller's roles. Serialised by the spreadsheet's advisory lock, so two first syncs cannot both
 * become admin. The title and time zone are placeholders until the sync stores the real ones.
 */
async function claimIfUnclaimed(db: Db, spreadsheetId: string, email: string): Promise<Role[]> {
  return db.transaction().execute(async (trx) => {
    await lockSpreadsheet(trx, spreadsheetId);
    const existing = await trx.selectFrom('spreadsheets').select('source_kind').where('id', '=', spreadsheetId).executeTakeFirst();
    // Workbooks synced by the CLI are no one's to claim over the network.
    if (existing !== undefined && existing.source_kind !== 'google') return [];
    if (existing === undefined) {
      await trx
        .insertInto('spreadsheets')
        .values({ id: spreadsheetId, source_kind: 'google', title: spreadsheetId, time_zone: DEFAULT_SETTINGS.timeZone })
        .execute();
    }
    if ((await countMembers(trx, spreadsheetId)) === 0) await grantRole(trx, spreadsheetId, email, 'admin', null);
    return rolesOf(trx, spreadsheetId, email);
  });
}

/**
 * The caller's roles on a spreadsheet, or a 403. The answer is the same whether the spreadsheet
 * does not exist or the caller has no role on it, so ids cannot be probed.
 */
export async function requireRoles(db: Db, spreadsheetId: string, email: string, rule: AccessRule): Promise<Role[]> {
  let roles = await rolesOf(db, spreadsheetId, email);
  if (roles.length === 0 && rule.claimUnclaimed === true) roles = await claimIfUnclaimed(db, spreadsheetId, email);
  if (roles.length === 0) {
    throw new ApiError(403, 'forbidden', 'you have no role on this spreadsheet: ask one of its admins to add you');
  }
  if (rule.role !== null && !hasRole(roles, rule.role)) {
    throw new ApiError(403, 'forbidden', `this needs the ${rule.role} role on the spreadsheet`);
  }
  return roles;
}

/** Grants a role; whether it was new. */
export async function grant(db: Db, spreadsheetId: string, email: string, role: Role, by: string): Promise<boolean> {
  return grantRole(db, spreadsheetId, email, role, by);
}

/** Revokes a role, refusing to leave a spreadsheet without an admin. */
export async function revoke(db: Db, spreadsheetId: string, email: string, role: Role): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await lockSpreadsheet(trx, spreadsheetId);
    if (role === 'admin' && (await rolesOf(trx, spreadsheetId, email)).includes('admin') && (await countRole(trx, spreadsheetId, 'admin')) === 1) {
      throw new ApiError(409, 'conflict', 'the last admin cannot be removed: grant admin to someone else first');
    }
    return revokeRole(trx, spreadsheetId, email, role);
  });
}

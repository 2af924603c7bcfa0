import { hasRole, type Role } from '../../shared/access/role.ts';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import { tryLockSpreadsheet } from '../spreadsheets/spreadsheet.repository.ts';
import { countMembers, countRole, grantRole, revokeRole, rolesOf } from './member.repository.ts';
import type { SheetFacts } from './sheet-access-proof.ts';

export interface AccessRule {
  readonly role: Role | null;
  readonly claimUnclaimed?: boolean;
}

const NO_ROLE = 'you have no role on this spreadsheet: ask one of its admins to add you';

/**
 * The caller's roles on a spreadsheet, `'claimable'` when nobody holds it yet and the route lets
 * its first caller register it, or a 403. The answer is the same whether the spreadsheet does not
 * exist or the caller has no role on it, so ids cannot be probed. Nothing here waits on a lock:
 * strangers must not be able to queue up behind a running sync.
 */
export async function rolesOrClaimable(db: Db, spreadsheetId: string, email: string, rule: AccessRule): Promise<Role[] | 'claimable'> {
  const roles = await rolesOf(db, spreadsheetId, email);
  if (roles.length > 0) {
    if (rule.role !== null && !hasRole(roles, rule.role)) throw new ApiError(403, 'forbidden', `this needs the ${rule.role} role on the spreadsheet`);
    return roles;
  }
  if (rule.claimUnclaimed === true) {
    const sheet = await db.selectFrom('spreadsheets').select('source_kind').where('id', '=', spreadsheetId).executeTakeFirst();
    // Workbooks synced by the CLI are no one's to claim over the network.
    if ((sheet === undefined || sheet.source_kind === 'google') && (await countMembers(db, spreadsheetId)) === 0) return 'claimable';
  }
  throw new ApiError(403, 'forbidden', NO_ROLE);
}

/**
 * Registers a spreadsheet nobody holds yet with `email` as its admin, once the caller has shown
 * they can open it (`facts` come from that proof). The lock is only tried: if another first sync
 * holds it, this one is told to retry rather than kept waiting.
 */
export async function claimSpreadsheet(db: Db, spreadsheetId: string, email: string, facts: SheetFacts): Promise<Role[]> {
  return db.transaction().execute(async (trx) => {
    if (!(await tryLockSpreadsheet(trx, spreadsheetId))) {
      throw new ApiError(409, 'conflict', 'this spreadsheet is being registered or synced right now: retry in a moment');
    }
    const sheet = await trx.selectFrom('spreadsheets').select('source_kind').where('id', '=', spreadsheetId).executeTakeFirst();
    if (sheet !== undefined && sheet.source_kind !== 'google') throw new ApiError(403, 'forbidden', NO_ROLE);
    if (sheet === undefined) {
      await trx.insertInto('spreadsheets').values({ id: spreadsheetId, source_kind: 'google', title: facts.title, time_zone: facts.timeZone }).execute();
    }
    if ((await countMembers(trx, spreadsheetId)) === 0) await grantRole(trx, spreadsheetId, email, 'admin', null);
    const roles = await rolesOf(trx, spreadsheetId, email);
    // Someone else's first sync won the race.
    if (roles.length === 0) throw new ApiError(403, 'forbidden', NO_ROLE);
    return roles;
  });
}

/** Revokes a role, refusing to leave a spreadsheet without an admin. */
export async function revoke(db: Db, spreadsheetId: string, email: string, role: Role): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Serialises concurrent revokes of admins, so two admins cannot remove each other at once.
    await trx.selectFrom('spreadsheet_members').select('role').where('spreadsheet_id', '=', spreadsheetId).where('role', '=', 'admin').forUpdate().execute();
    if (role === 'admin' && (await rolesOf(trx, spreadsheetId, email)).includes('admin') && (await countRole(trx, spreadsheetId, 'admin')) === 1) {
      throw new ApiError(409, 'conflict', 'the last admin cannot be removed: grant admin to someone else first');
    }
    return revokeRole(trx, spreadsheetId, email, role);
  });
}

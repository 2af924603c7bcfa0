import { z } from 'zod';
import { Email, RoleSchema, SpreadsheetId } from '../http/common-schemas.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import type { Db } from '../db/database.ts';
import { grantRole, membersOf } from './member.repository.ts';
import { revoke } from './member.service.ts';

const MemberRoleParams = z.object({ spreadsheetId: SpreadsheetId, email: Email, role: RoleSchema });

const Member = z.object({
  email: z.string(),
  roles: z.array(RoleSchema),
}).meta({ id: 'Member' });

const MemberList = z.object({ members: z.array(Member) });
const RoleChange = z.object({ email: z.string(), role: RoleSchema, changed: z.boolean() });

/** Admins list the people on a spreadsheet and grant or revoke their roles. */
export function memberRoutes(db: Db): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/spreadsheets/{spreadsheetId}/members',
      operationId: 'listMembers',
      summary: 'Everyone holding a role on the spreadsheet',
      tags: ['members'],
      access: { kind: 'spreadsheet', role: 'admin' },
      params: z.object({ spreadsheetId: SpreadsheetId }),
      responses: { 200: { description: 'The members and their roles', schema: MemberList } },
      handle: async ({ params }) => {
        const rows = await membersOf(db, params.spreadsheetId);
        const byEmail = new Map<string, z.infer<typeof Member>>();
        for (const r of rows) {
          const m = byEmail.get(r.email) ?? { email: r.email, roles: [] };
          m.roles.push(r.role);
          byEmail.set(r.email, m);
        }
        return { body: { members: [...byEmail.values()] } };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/v1/spreadsheets/{spreadsheetId}/members/{email}/roles/{role}',
      operationId: 'grantRole',
      summary: 'Grant a role (idempotent)',
      tags: ['members'],
      access: { kind: 'spreadsheet', role: 'admin' },
      params: MemberRoleParams,
      responses: { 200: { description: 'The role is held', schema: RoleChange } },
      handle: async ({ params, caller }) => {
        const changed = await grantRole(db, params.spreadsheetId, params.email, params.role, caller?.email ?? null);
        return { body: { email: params.email, role: params.role, changed } };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/spreadsheets/{spreadsheetId}/members/{email}/roles/{role}',
      operationId: 'revokeRole',
      summary: 'Revoke a role (idempotent; the last admin cannot be removed)',
      tags: ['members'],
      access: { kind: 'spreadsheet', role: 'admin' },
      params: MemberRoleParams,
      responses: {
        200: { description: 'The role is no longer held', schema: RoleChange },
        409: { description: 'It is the last admin' },
      },
      handle: async ({ params }) => {
        const changed = await revoke(db, params.spreadsheetId, params.email, params.role);
        return { body: { email: params.email, role: params.role, changed } };
      },
    }),
  ];
}

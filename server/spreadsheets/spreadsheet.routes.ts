import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { RoleSchema, SpreadsheetParams } from '../http/common-schemas.ts';
import { ApiError } from '../http/api-error.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { spreadsheetsOfMember } from '../members/member.repository.ts';
import { parseStoredMapping } from '../../shared/mapping/stored-mapping.ts';
import { TAB_KINDS } from '../../shared/records/tab-kind.ts';
import { mappedTabs } from './mapped-tabs.ts';
import { findSpreadsheet } from './spreadsheet.repository.ts';
import { storedSettings } from './stored-setup.ts';

const Timestamp = z.iso.datetime().nullable();

const SpreadsheetOfMember = z
  .object({ id: z.string(), title: z.string(), timeZone: z.string(), lastSyncedAt: Timestamp, roles: z.array(RoleSchema) })
  .meta({ id: 'SpreadsheetOfMember' });

const Me = z.object({ email: z.string(), spreadsheets: z.array(SpreadsheetOfMember) });

const StoredTabMapping = z
  .object({
    sheet: z.string(),
    headerRow: z.number().int().optional(),
    columns: z.record(z.string(), z.string()).meta({ description: 'Field → the header text it was found under' }),
  })
  .meta({ id: 'StoredTabMapping' });

const StoredMapping = z
  .object({ tabs: z.partialRecord(z.enum(TAB_KINDS), StoredTabMapping) })
  .meta({ id: 'StoredMapping', description: 'The mapping the last sync used, by header text: what a set-up on another computer restores' });

const Spreadsheet = z
  .object({
    id: z.string(),
    title: z.string(),
    timeZone: z.string(),
    sourceKind: z.enum(['xlsx', 'google', 'values']),
    lastSyncedAt: Timestamp,
    mappedTabs: z.array(z.string()).meta({ description: 'The tabs the add-on should push: deals, visits, requests' }),
    roles: z.array(RoleSchema).meta({ description: 'The caller\'s roles' }),
    mapping: StoredMapping.nullable().meta({ description: 'Null before the first sync' }),
    settings: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: 'The settings overrides stored for the spreadsheet (stageLabels among them), as a mapping\'s settings gives them; null when none were given' }),
  })
  .meta({ id: 'Spreadsheet' });

export function spreadsheetRoutes(db: Db): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/me',
      operationId: 'getMe',
      summary: 'The signed-in caller and the spreadsheets they hold roles on',
      tags: ['spreadsheets'],
      access: { kind: 'signedIn' },
      responses: { 200: { description: 'The caller', schema: Me } },
      handle: async ({ caller }) => {
        const email = caller?.email ?? '';
        const rows = await spreadsheetsOfMember(db, email);
        return {
          body: {
            email,
            spreadsheets: rows.map((r) => ({ id: r.spreadsheetId, title: r.title, timeZone: r.timeZone, lastSyncedAt: r.lastSyncedAt?.toISOString() ?? null, roles: r.roles })),
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/spreadsheets/{spreadsheetId}',
      operationId: 'getSpreadsheet',
      summary: 'One spreadsheet: its title, time zone, mapped tabs, stored mapping and settings, and the caller\'s roles',
      tags: ['spreadsheets'],
      access: { kind: 'spreadsheet', role: null },
      params: SpreadsheetParams,
      responses: { 200: { description: 'The spreadsheet', schema: Spreadsheet } },
      handle: async ({ params, roles }) => {
        const found = await findSpreadsheet(db, params.spreadsheetId);
        if (found === null) throw new ApiError(404, 'not_found', 'spreadsheet not found');
        return {
          body: {
            id: found.id,
            title: found.title,
            timeZone: found.timeZone,
            sourceKind: found.sourceKind,
            lastSyncedAt: found.lastSyncedAt?.toISOString() ?? null,
            mappedTabs: mappedTabs(found.mapping),
            roles: [...roles],
            mapping: parseStoredMapping(found.mapping),
            settings: storedSettings(found.settings),
          },
        };
      },
    }),
  ];
}

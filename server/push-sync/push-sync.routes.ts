import { z } from 'zod';
import { FLAG_CODES } from '../../shared/flags/flag.ts';
import type { Db } from '../db/database.ts';
import { SpreadsheetParams } from '../http/common-schemas.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import type { SyncReport } from '../sync/sync-report.ts';
import { parsePushPayload } from './parse-push-payload.ts';
import { PushPayloadSchema, type PushPayload } from './push-payload.ts';
import { planWire, WritePlanWireSchema } from './plan-wire.ts';
import { pushSync } from './push-sync.service.ts';

// A sheet with thousands of bad cells must not turn the answer into a report; the count says how many.
const MAX_ISSUES = 500;

const Issue = z.object({ sheet: z.string(), row: z.number(), column: z.string().meta({ description: 'Column letter' }), header: z.string(), field: z.string(), value: z.string(), message: z.string() });

export const PushSyncResponse = z
  .object({
    runId: z.string().nullable().meta({ description: 'Null for a dry run' }),
    asOf: z.string().meta({ description: 'The business date flags were computed for, in the spreadsheet\'s time zone' }),
    dryRun: z.boolean(),
    locale: z.enum(['ja', 'en']),
    plan: WritePlanWireSchema,
    summary: z.object({
      tabs: z.array(
        z.object({
          kind: z.enum(['deals', 'visits', 'requests']),
          sheet: z.string(),
          read: z.number(),
          inserted: z.number(),
          updated: z.number(),
          unchanged: z.number(),
          removed: z.number(),
          reissued: z.number(),
        }),
      ),
      flagCounts: z.partialRecord(z.enum(FLAG_CODES), z.number()),
      cellsWritten: z.number(),
      issueCount: z.number(),
      issues: z.array(Issue).meta({ description: `The first ${MAX_ISSUES} unreadable cells, each with sheet, row and column` }),
      mappingProblems: z.array(z.unknown()),
      settingsProblems: z.array(z.string()),
    }),
  })
  .meta({ id: 'PushSyncResponse' });

export function responseOf(report: SyncReport) {
  return {
    runId: report.runId,
    asOf: report.asOf,
    dryRun: report.dryRun,
    locale: report.locale,
    plan: planWire(report.plan),
    summary: {
      tabs: report.tabs,
      flagCounts: report.flagCounts,
      cellsWritten: report.cellsWritten,
      issueCount: report.issues.length,
      issues: report.issues.slice(0, MAX_ISSUES).map((i) => ({ sheet: i.sheet, row: i.row, column: i.column, header: i.header, field: i.field, value: i.value, message: i.message })),
      mappingProblems: report.mappingProblems,
      settingsProblems: report.settingsProblems,
    },
  };
}

export interface PushSyncDeps {
  readonly db: Db;
  readonly clock: () => Date;
  readonly bodyLimitBytes: number;
  /** Told after every stored push sync (the recompute schedules the sheet's time zone). */
  readonly onSynced?: (spreadsheetId: string, timeZone: string) => Promise<void>;
}

/** The add-on's sync: the mapped tabs' rows in, the write plan out. */
export function pushSyncRoutes(deps: PushSyncDeps): RouteDef[] {
  return [
    defineRoute<z.infer<typeof SpreadsheetParams>, Record<string, never>, PushPayload>({
      method: 'post',
      path: '/v1/spreadsheets/{spreadsheetId}/sync',
      operationId: 'pushSync',
      summary: 'Sync the rows the add-on read; the first caller of a new spreadsheet becomes its admin',
      tags: ['sync'],
      access: { kind: 'spreadsheet', role: null, claimUnclaimed: true },
      params: SpreadsheetParams,
      body: { schema: PushPayloadSchema, limitBytes: deps.bodyLimitBytes, parse: parsePushPayload },
      responses: {
        200: { description: 'The sync ran; apply `plan` to the sheet', schema: PushSyncResponse },
        422: { description: 'The sheet could not be synced (no deals tab found, an invalid mapping)' },
      },
      handle: async ({ params, body, caller, log }) => {
        const report = await pushSync(deps.db, { spreadsheetId: params.spreadsheetId, payload: body, requestedBy: caller?.email ?? '', now: deps.clock() });
        if (!report.dryRun && deps.onSynced !== undefined) {
          // The add-on is waiting for its plan; a scheduling hiccup is logged, not its problem.
          await deps.onSynced(params.spreadsheetId, body.timeZone).catch((error: unknown) => log.warn({ err: error }, 'after-sync hook failed'));
        }
        return { body: responseOf(report) };
      },
    }),
  ];
}

import { z } from 'zod';
import { FLAG_CODES } from '../../shared/flags/flag.ts';
import type { PushSyncAnswer } from '../../shared/sync-wire/push-sync-answer.ts';
import type { SyncReport } from '../sync/sync-report.ts';
import { planWire, WritePlanWireSchema } from './plan-wire.ts';

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

/** The push sync's answer (also the recompute route's): the plan as column runs and a summary. */
export function responseOf(report: SyncReport): PushSyncAnswer {
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

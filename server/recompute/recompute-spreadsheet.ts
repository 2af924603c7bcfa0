import type { sheets_v4 } from 'googleapis';
import { isoDateInZone } from '../../shared/calendar/iso-date.ts';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import { GoogleSheetSource } from '../sources/google/google-sheet-source.ts';
import { mappedTabs } from '../spreadsheets/mapped-tabs.ts';
import { findSpreadsheet } from '../spreadsheets/spreadsheet.repository.ts';
import { insertSyncRun } from '../sync-runs/sync-run.repository.ts';
import type { SyncTrigger } from '../sync-runs/sync-run.table.ts';
import type { SheetSource } from '../sync/sheet-source.ts';
import { syncSpreadsheet } from '../sync/sync-engine.ts';
import type { SyncReport } from '../sync/sync-report.ts';

export interface RecomputeSpreadsheetOptions {
  /** Wall clock; the business date is today in the spreadsheet's time zone. */
  readonly clock: () => Date;
  /** Null for the daily recompute; the admin's email for one they asked for. */
  readonly requestedBy: string | null;
}

export interface RecomputeResult {
  readonly report: SyncReport;
  /** The spreadsheet's time zone as Google has it now: its schedule may have to follow. */
  readonly timeZone: string;
}

/**
 * Re-syncs one registered Google spreadsheet through the Sheets API, as the service account, so
 * aging flags move with the calendar without anyone opening the sheet. Every attempt leaves a run
 * in sync_runs: the engine records those it starts, this records those that fail before it can.
 */
export async function recomputeSpreadsheet(
  db: Db,
  sheets: sheets_v4.Sheets,
  spreadsheetId: string,
  options: RecomputeSpreadsheetOptions,
): Promise<RecomputeResult> {
  const stored = await findSpreadsheet(db, spreadsheetId);
  if (stored === null) throw new ApiError(404, 'not_found', `spreadsheet ${spreadsheetId} is not registered: sync it once from the add-on`);
  if (stored.sourceKind !== 'google') {
    throw new ApiError(409, 'conflict', `spreadsheet ${spreadsheetId} is an ${stored.sourceKind} workbook: only Google spreadsheets can be recomputed by the service`);
  }
  const tabs = mappedTabs(stored.mapping);
  const google = new GoogleSheetSource(sheets, spreadsheetId, { tabs: tabs.length === 0 ? null : tabs });
  // The engine records every run it starts, read failures included; a failure to identify the
  // spreadsheet (not shared, deleted) comes before that and is recorded here.
  let identified = false;
  const source: SheetSource = {
    identify: async () => {
      const identity = await google.identify();
      identified = true;
      return identity;
    },
    read: () => google.read(),
    apply: (plan) => google.apply(plan),
  };
  const startedAt = options.clock();
  try {
    // Fetched once: the engine's own identify() and read() reuse it.
    const identity = await source.identify();
    const timeZone = identity.timeZone ?? stored.timeZone;
    const instant = options.clock();
    const report = await syncSpreadsheet(db, source, {
      now: (zone) => isoDateInZone(instant, zone),
      clock: options.clock,
      trigger: triggerOf(options),
      requestedBy: options.requestedBy,
    });
    return { report, timeZone };
  } catch (error) {
    // The sync's own error is what the caller must see, even if recording it fails too.
    if (!identified) await recordFailure(db, spreadsheetId, stored.timeZone, startedAt, options, error).catch(() => undefined);
    throw error;
  }
}

async function recordFailure(db: Db, spreadsheetId: string, timeZone: string, startedAt: Date, options: RecomputeSpreadsheetOptions, error: unknown): Promise<void> {
  await insertSyncRun(db, {
    spreadsheetId,
    sourceKind: 'google',
    asOf: isoDateInZone(startedAt, timeZone),
    startedAt,
    finishedAt: options.clock(),
    outcome: 'failed',
    counts: [],
    flagCounts: {},
    issueCount: 0,
    error: error instanceof Error ? error.message : String(error),
    trigger: triggerOf(options),
    requestedBy: options.requestedBy,
  });
}

function triggerOf(options: RecomputeSpreadsheetOptions): SyncTrigger {
  return options.requestedBy === null ? 'recompute' : 'manual';
}

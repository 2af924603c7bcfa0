import type { Db } from '../db/database.ts';
import type { SourceKind } from '../spreadsheets/spreadsheet.table.ts';
import type { SyncOutcome, SyncTrigger } from './sync-run.table.ts';

export interface SyncRunRecord {
  readonly spreadsheetId: string;
  readonly sourceKind: SourceKind;
  readonly asOf: string;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly outcome: SyncOutcome;
  readonly counts: unknown;
  readonly flagCounts: unknown;
  readonly issueCount: number;
  readonly error: string | null;
  readonly trigger: SyncTrigger;
  readonly requestedBy: string | null;
}

export async function insertSyncRun(db: Db, run: SyncRunRecord): Promise<string> {
  const row = await db
    .insertInto('sync_runs')
    .values({
      spreadsheet_id: run.spreadsheetId,
      source_kind: run.sourceKind,
      as_of: run.asOf,
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      duration_ms: Math.max(0, Math.round(run.finishedAt.getTime() - run.startedAt.getTime())),
      outcome: run.outcome,
      counts: JSON.stringify(run.counts),
      flag_counts: JSON.stringify(run.flagCounts),
      issue_count: run.issueCount,
      error: run.error,
      trigger: run.trigger,
      requested_by: run.requestedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks a committed run as failed when applying its write plan to the sheet failed afterwards. */
export async function markSyncRunFailed(db: Db, runId: string, error: string): Promise<void> {
  await db.updateTable('sync_runs').set({ outcome: 'failed', error }).where('id', '=', runId).execute();
}

// Where a sync's time goes, step by step, as the engine itself times it (SyncReport.timings).
import type { IsoDate } from '../shared/calendar/iso-date.ts';
import type { Db } from '../server/db/database.ts';
import type { SheetSource } from '../server/sync/sheet-source.ts';
import type { SyncTiming } from '../server/sync/stopwatch.ts';
import { syncSpreadsheet } from '../server/sync/sync-engine.ts';

export type Lap = SyncTiming;

export interface ProfiledSync {
  readonly laps: readonly Lap[];
  readonly totalMs: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly cellsWritten: number;
}

export async function profiledSync(db: Db, source: SheetSource, now: IsoDate): Promise<ProfiledSync> {
  const report = await syncSpreadsheet(db, source, { now });
  const deals = report.tabs.find((t) => t.kind === 'deals');
  return {
    laps: report.timings,
    totalMs: report.timings.reduce((sum, lap) => sum + lap.ms, 0),
    inserted: deals?.inserted ?? 0,
    updated: deals?.updated ?? 0,
    unchanged: deals?.unchanged ?? 0,
    cellsWritten: report.cellsWritten,
  };
}

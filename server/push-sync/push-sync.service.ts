import { isoDateInZone } from '../../shared/calendar/iso-date.ts';
import { withServiceColumnTags } from '../../shared/write-plan/service-column-tags.ts';
import type { Db } from '../db/database.ts';
import { GridSource } from '../sources/grid/grid-source.ts';
import { syncSpreadsheet } from '../sync/sync-engine.ts';
import type { SyncReport } from '../sync/sync-report.ts';
import type { PushPayload } from './push-payload.ts';

export interface PushSyncInput {
  readonly spreadsheetId: string;
  readonly payload: PushPayload;
  readonly requestedBy: string;
  readonly now: Date;
}

/**
 * Runs the sync engine over the rows the add-on pushed. The business date is today in the
 * spreadsheet's own time zone; the plan comes back for the add-on to apply.
 */
export async function pushSync(db: Db, input: PushSyncInput): Promise<SyncReport> {
  const { payload } = input;
  const grids = payload.tabs.map((tab) => {
    const grid = { name: tab.name, rows: tab.values };
    const tagged = tab.serviceColumns === null ? grid : withServiceColumnTags(grid, tab.serviceColumns);
    // The tagged grid shares the pushed rows (only a header row is new); the plan is applied to
    // them in memory and returned, so typing them mutable again is safe.
    return { name: tagged.name, rows: tagged.rows as typeof tab.values };
  });
  const source = new GridSource({ spreadsheetId: input.spreadsheetId, kind: 'google', title: payload.title, timeZone: payload.timeZone }, grids);
  return syncSpreadsheet(db, source, {
    now: isoDateInZone(input.now, payload.timeZone),
    dryRun: payload.dryRun,
    trigger: 'push',
    requestedBy: input.requestedBy,
  });
}

import { isoDateInZone } from '../../shared/calendar/iso-date.ts';
import { resolveMapping } from '../../shared/mapping/resolve-mapping.ts';
import type { SheetGrid } from '../../shared/mapping/sheet-grid.ts';
import { withServiceColumnTags } from '../../shared/write-plan/service-column-tags.ts';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import { GridSource } from '../sources/grid/grid-source.ts';
import { syncSpreadsheet, type MappingInput } from '../sync/sync-engine.ts';
import { SyncError } from '../sync/sync-error.ts';
import type { SyncReport } from '../sync/sync-report.ts';
import { mappingProblemText } from './mapping-problem-text.ts';
import type { PushPayload } from './push-payload.ts';

export interface PushSyncInput {
  readonly spreadsheetId: string;
  readonly payload: PushPayload;
  readonly requestedBy: string;
  readonly now: Date;
  /** The service's clock: run times must agree with the times decisions are stamped with. */
  readonly clock?: () => Date;
}

/**
 * Runs the sync engine over the rows the add-on pushed, with the mapping it sent (stored for the
 * next pushes) or else the stored one. The business date is today in the spreadsheet's own time
 * zone; the plan comes back for the add-on to apply.
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
  try {
    return await syncSpreadsheet(db, source, {
      now: (timeZone) => isoDateInZone(input.now, timeZone),
      dryRun: payload.dryRun,
      trigger: 'push',
      requestedBy: input.requestedBy,
      mapping: payload.mapping,
      ...(input.clock === undefined ? {} : { clock: input.clock }),
    });
  } catch (error) {
    if (error instanceof SyncError && error.code === 'mapping_invalid' && payload.mapping !== null) throw unsatisfiedMapping(grids, payload.mapping, error);
    throw error;
  }
}

/**
 * The sender's mistake, not the sync's: a 400 naming each tab and field. The engine refused before
 * touching the rows, so resolving them again (only on this path) gives its problems one by one.
 */
function unsatisfiedMapping(grids: readonly SheetGrid[], mapping: MappingInput, cause: SyncError): ApiError {
  const problems = resolveMapping(grids, mapping).problems.map(mappingProblemText);
  return new ApiError(400, 'invalid_request', problems.length > 0 ? problems.join('; ') : `mapping: ${cause.message}`, { cause });
}

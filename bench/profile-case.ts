// Where a sync's time goes: the engine's own step timings (profiled-sync.ts) for (a), (b) and (c)
// on one sheet.
import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../shared/calendar/iso-date.ts';
import { GridSource } from '../server/sources/grid/grid-source.ts';
import { createBenchDatabase, withPgClient } from './bench-database.ts';
import { DEAL_SHEET_NAME, generateDealGrid } from './deal-sheet.ts';
import { editRows } from './edit-rows.ts';
import { openDatabase } from '../server/db/open-database.ts';
import { profiledSync, type ProfiledSync } from './profiled-sync.ts';

export interface ProfileCaseOptions {
  readonly rows: number;
  readonly seed: number;
  readonly today: IsoDate;
  readonly editFraction: number;
}

export interface ProfiledScenario extends ProfiledSync {
  readonly scenario: 'a' | 'b' | 'c';
}

export interface ProfileCaseResult {
  readonly rows: number;
  readonly scenarios: readonly ProfiledScenario[];
}

export async function runProfileCase(adminUrl: string, options: ProfileCaseOptions): Promise<ProfileCaseResult> {
  const database = await createBenchDatabase(adminUrl, `profile_${options.rows}`);
  // The engine's own Db (COPY on a dedicated connection), so the profile measures what runs.
  const db = await openDatabase({ kind: 'postgres', url: database.url });
  try {
    const source = new GridSource(
      { spreadsheetId: `bench:profile:${randomUUID()}`, kind: 'values', title: 'profile', timeZone: 'Asia/Tokyo' },
      [{ name: DEAL_SHEET_NAME, rows: generateDealGrid(options.rows, options) }],
    );
    const scenarios: ProfiledScenario[] = [];
    const run = async (scenario: ProfiledScenario['scenario']): Promise<void> => {
      const result = await profiledSync(db, source, options.today);
      scenarios.push({ scenario, ...result });
    };
    await run('a');
    await withPgClient(database.url, (client) => client.query('vacuum analyze'));
    const grid = source.grids[0];
    if (grid === undefined) throw new Error('grid source lost its tab');
    editRows(grid.rows, options.editFraction, options.seed + 1000);
    await run('b');
    await run('c');
    return { rows: options.rows, scenarios };
  } finally {
    await db.destroy();
    await database.drop();
  }
}

import { FLAG_CODES, type FlagCode } from '../../shared/flags/flag.ts';
import type { SyncSettings } from '../../shared/settings/sync-settings.ts';
import type { Db } from '../db/database.ts';
import { flagCountsOf, stalestDealsOf } from '../deals/deal.repository.ts';
import type { StaleDeal } from './sync-report.ts';

const STALEST_SHOWN = 10;

/**
 * Flag counts and the stalest deals, from the statuses stored for every live deal, so rows a
 * same-day re-sync skipped count as much as the ones it recomputed.
 */
export async function flagSummary(
  db: Db,
  spreadsheetId: string,
  sheet: string,
  sheetRowOf: ReadonlyMap<string, number>,
  settings: SyncSettings,
): Promise<{ flagCounts: Record<FlagCode, number>; stalest: StaleDeal[] }> {
  const flagCounts = Object.fromEntries(FLAG_CODES.map((c) => [c, 0])) as Record<FlagCode, number>;
  for (const [code, count] of await flagCountsOf(db, spreadsheetId)) {
    if (code in flagCounts) flagCounts[code as FlagCode] = count;
  }
  const stalest = (await stalestDealsOf(db, spreadsheetId, STALEST_SHOWN)).map((d) => ({
    sheet,
    row: sheetRowOf.get(d.id) ?? 0,
    account: d.account,
    title: d.title,
    stage: settings.stages.find((s) => s.code === d.stage)?.label ?? d.stage,
    owner: d.owner,
    daysInStage: d.daysInStage,
    threshold: d.threshold,
  }));
  return { flagCounts, stalest };
}

import { FLAG_CODES, type FlagCode } from '../../shared/flags/flag.ts';
import type { SyncSettings } from '../../shared/settings/sync-settings.ts';
import { stageDefinition } from '../../shared/settings/stage-definition.ts';
import { isStageCode } from '../../shared/stages/stage.ts';
import type { Db } from '../db/database.ts';
import { flagCountsOf, stalestDealsOf } from '../deals/deal.repository.ts';
import type { DealStep } from './deal-statuses.ts';
import type { StaleDeal } from './sync-report.ts';

const STALEST_SHOWN = 10;

export interface FlagSummary {
  readonly flagCounts: Record<FlagCode, number>;
  readonly stalest: StaleDeal[];
}

const zeroCounts = (): Record<FlagCode, number> => Object.fromEntries(FLAG_CODES.map((c) => [c, 0])) as Record<FlagCode, number>;

/**
 * The same summary from memory, when this sync computed every live deal's status (a first sync,
 * a new day): two scans of 100k stored rows saved. Null when some rows were skipped.
 */
export function flagSummaryOfSteps(steps: readonly DealStep[], sheet: string, settings: SyncSettings): FlagSummary | null {
  const flagCounts = zeroCounts();
  const ranked: { deal: StaleDeal; id: string; ratio: number }[] = [];
  for (const step of steps) {
    const outcome = step.outcome;
    if (outcome === null || step.status === null) return null;
    for (const flag of outcome.status.flags) flagCounts[flag.code]++;
    const days = step.status.daysInStage;
    const threshold = step.status.staleThreshold;
    if (days === null || threshold === null || threshold <= 0) continue;
    ranked.push({
      id: outcome.id,
      ratio: days / threshold,
      deal: {
        sheet,
        row: outcome.sheetRow,
        account: outcome.deal.account,
        title: outcome.deal.title,
        stage: stageDefinition(settings, outcome.deal.stage)?.label ?? outcome.deal.stage,
        owner: outcome.deal.owner,
        daysInStage: days,
        threshold,
      },
    });
  }
  ranked.sort((a, b) => b.ratio - a.ratio || b.deal.daysInStage - a.deal.daysInStage || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { flagCounts, stalest: ranked.slice(0, STALEST_SHOWN).map((r) => r.deal) };
}

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
): Promise<FlagSummary> {
  const flagCounts = zeroCounts();
  for (const [code, count] of await flagCountsOf(db, spreadsheetId)) {
    if (code in flagCounts) flagCounts[code as FlagCode] = count;
  }
  const stalest = (await stalestDealsOf(db, spreadsheetId, STALEST_SHOWN)).map((d) => ({
    sheet,
    row: sheetRowOf.get(d.id) ?? 0,
    account: d.account,
    title: d.title,
    stage: stageDefinition(settings, d.stage !== null && isStageCode(d.stage) ? d.stage : null)?.label ?? d.stage,
    owner: d.owner,
    daysInStage: d.daysInStage,
    threshold: d.threshold,
  }));
  return { flagCounts, stalest };
}

import { TERMINAL_STAGES } from '../../shared/stages/stage.ts';
import type { SyncSettings } from '../../shared/settings/sync-settings.ts';
import type { DealOutcome } from './build-plan.ts';
import type { StaleDeal } from './sync-report.ts';

/** The deals furthest past their stage's threshold (by share of it), for the summary. */
export function stalestDeals(outcomes: readonly DealOutcome[], sheet: string, settings: SyncSettings, limit = 10): StaleDeal[] {
  const ranked: (StaleDeal & { ratio: number })[] = [];
  for (const o of outcomes) {
    const stage = o.deal.stage;
    const days = o.status.daysInStage;
    if (stage === null || days === null || TERMINAL_STAGES.has(stage)) continue;
    const definition = settings.stages.find((s) => s.code === stage);
    const threshold = definition?.staleAfterDays;
    if (threshold === null || threshold === undefined) continue;
    ranked.push({
      sheet,
      row: o.sheetRow,
      account: o.deal.account,
      title: o.deal.title,
      stage: definition?.label ?? stage,
      owner: o.deal.owner,
      daysInStage: days,
      threshold,
      ratio: days / threshold,
    });
  }
  ranked.sort((a, b) => b.ratio - a.ratio || b.daysInStage - a.daysInStage || a.row - b.row);
  return ranked.slice(0, limit).map(({ ratio: _ratio, ...deal }) => deal);
}

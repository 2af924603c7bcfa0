import { appendedCellCount } from '../../../shared/write-plan/write-plan.ts';
import type { WritePlanWire } from '../../../shared/write-plan/plan-wire.ts';

/** How many cells a plan writes: its runs and appended rows (headers of new columns aside). */
export function planCellCount(plan: WritePlanWire): number {
  let cells = 0;
  for (const tab of plan.tabs) {
    for (const run of tab.runs) cells += run.values.length;
    cells += appendedCellCount(tab);
  }
  return cells;
}

/** The ids the plan expects on the deal's row: the deals tab's sheet → row → id. */
export function expectedDealRow(plan: WritePlanWire, dealId: string, row: number | null): ReadonlyMap<string, ReadonlyMap<number, string>> {
  const sheet = plan.tabs.find((t) => t.kind === 'deals')?.sheet;
  if (sheet === undefined || row === null) return new Map();
  return new Map([[sheet, new Map([[row, dealId]])]]);
}

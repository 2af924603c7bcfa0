import { writeRuns, type WriteRun } from './write-runs.ts';
import type { TabPlan, WritePlan } from './write-plan.ts';

/** A tab's plan as the add-on receives it: the cell writes as column runs, ready for setValues(). */
export type TabPlanWire = Omit<TabPlan, 'writes'> & { readonly runs: readonly WriteRun[] };

/** The write plan as it crosses HTTP: the service builds it, the add-on applies it. */
export interface WritePlanWire {
  readonly spreadsheetId: string;
  readonly tabs: readonly TabPlanWire[];
}

export function planWire(plan: WritePlan): WritePlanWire {
  return {
    spreadsheetId: plan.spreadsheetId,
    tabs: plan.tabs.map(({ writes, ...tab }) => ({ ...tab, runs: writeRuns(writes) })),
  };
}

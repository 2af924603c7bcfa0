import type { IsoDate } from '../calendar/iso-date.ts';
import type { VisitFact } from './flag.ts';

/** A next step and the day it is due; either may be missing. */
export interface NextAction {
  readonly nextAction: string | null;
  readonly nextActionOn: IsoDate | null;
}

function isBlank(text: string | null): boolean {
  return text === null || text.trim() === '';
}

function plannedSomething(visit: VisitFact): boolean {
  return visit.nextActionOn !== null || !isBlank(visit.nextAction);
}

// Null sorts first: a date beats none, text beats none.
function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

// Visits come in any order and same-day visits carry no time: the order must not depend on
// the input, or the API's answer, the card and the next sync could disagree.
function laterPlan(a: VisitFact, b: VisitFact): boolean {
  if (a.visitedOn !== b.visitedOn) return a.visitedOn > b.visitedOn;
  const byDate = compareNullable(a.nextActionOn, b.nextActionOn);
  if (byDate !== 0) return byDate > 0;
  return compareNullable(a.nextAction, b.nextAction) > 0;
}

/**
 * The plan of the latest visit that planned anything, or null. The latest visit's plan is the
 * current one even when an earlier visit planned a later day: a customer who asks for the step
 * sooner moves it forward, and taking the furthest date would hide that step once it is overdue.
 * A visit with neither a next step nor a date leaves the plan as it was (a blank is not a decision),
 * as a visit without a ball outcome leaves the ball. Same-day visits: the step due later counts,
 * a dated one over an undated one.
 */
export function latestVisitPlan(visits: readonly VisitFact[]): NextAction | null {
  let latest: VisitFact | null = null;
  for (const visit of visits) {
    if (plannedSomething(visit) && (latest === null || laterPlan(visit, latest))) latest = visit;
  }
  return latest === null ? null : { nextAction: latest.nextAction, nextActionOn: latest.nextActionOn };
}

/**
 * The deal's next step: the sheet's, unless a visit planned one due later (or the sheet has no
 * date). A visit never writes the deal row's own cells, so without this the deal would show the
 * step the visit just replaced; a later step typed into the sheet wins again.
 */
export function currentNextAction(sheet: NextAction, visit: NextAction): NextAction {
  if (visit.nextActionOn !== null) {
    return sheet.nextActionOn === null || visit.nextActionOn > sheet.nextActionOn ? visit : sheet;
  }
  const sheetEmpty = sheet.nextActionOn === null && isBlank(sheet.nextAction);
  return sheetEmpty && visit.nextAction !== null ? visit : sheet;
}

/**
 * The deal's effective next action: the sheet's row against the plan of its latest visit (from
 * the visits tab or logged through the API alike). The deal card shows it and the overdue flag
 * is raised from its date, so the two never disagree.
 */
export function effectiveNextAction(sheet: NextAction, visits: readonly VisitFact[]): NextAction {
  const plan = latestVisitPlan(visits);
  const chosen = plan === null ? sheet : currentNextAction(sheet, plan);
  // Only the two fields: a Deal passed as `sheet` must not leak through.
  return { nextAction: chosen.nextAction, nextActionOn: chosen.nextActionOn };
}

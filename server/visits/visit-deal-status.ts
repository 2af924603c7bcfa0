import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import { ballState, type BallState } from '../../shared/flags/ball-state.ts';
import { computeDealStatus } from '../../shared/flags/deal-status.ts';
import type { DealMemory, DealStatus, VisitFact } from '../../shared/flags/flag.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { shownValuesHash } from '../../shared/rows/content-hash.ts';
import type { SyncSettings } from '../../shared/settings/sync-settings.ts';
import type { ServiceColumnKey } from '../../shared/write-plan/service-columns.ts';
import type { CellWrite, PlanValue } from '../../shared/write-plan/write-plan.ts';
import { sameCellValue } from '../../shared/write-plan/build-tab-plan.ts';
import { dealServiceValues, persistedStatus, STATUS_KEYS, type PersistedStatus, type StatusKey } from '../sync/deal-status-record.ts';
import { reviewKey, withCostReview } from '../sync/request-cost-review.ts';
import type { CostReview } from '../sync/request-statuses.ts';
import type { StoredDeal } from './visit-deal.repository.ts';

/** A deal's status before and after one more visit, computed with the sync's own rules. */
export interface VisitStatusChange {
  readonly before: DealStatus;
  readonly after: DealStatus;
  readonly valuesBefore: Readonly<Record<StatusKey, PlanValue>>;
  readonly valuesAfter: Readonly<Record<StatusKey, PlanValue>>;
  /** What is stored beside the deal: the sync after the add-on applied the cells skips the row. */
  readonly persisted: PersistedStatus;
  readonly ball: BallState;
  /** What the status hash holds besides the cells (the cost review's key), as the sync hashes it. */
  readonly hashExtra: readonly string[];
}

export interface VisitStatusInput {
  readonly stored: StoredDeal;
  readonly memory: DealMemory;
  /** The deal's visits before this one. */
  readonly facts: readonly VisitFact[];
  readonly visit: VisitFact;
  /** The deal's cost review as the next sync would compute it (storedCostReviewOf); undefined: none. */
  readonly costReview: CostReview | undefined;
  readonly settings: SyncSettings;
  readonly locale: Locale;
  readonly now: IsoDate;
}

/**
 * The status the next sync will compute for the deal once the visit is on the sheet: the same
 * record (the sheet's), memory, visit facts and cost review, through the same functions, hashed
 * the same way.
 */
export function visitStatusChange(input: VisitStatusInput): VisitStatusChange {
  const { stored, memory, settings, locale, now, costReview } = input;
  const status = (facts: readonly VisitFact[]) =>
    withCostReview(computeDealStatus({ deal: stored.deal, memory, visits: facts, cellIssueCount: stored.cellIssueCount }, settings, now), costReview);
  const hashExtra = reviewKey(costReview);
  const facts = [...input.facts, input.visit];
  const before = status(input.facts);
  const after = status(facts);
  const valuesBefore = dealServiceValues(stored.deal, memory, before, locale);
  const valuesAfter = dealServiceValues(stored.deal, memory, after, locale);
  return {
    before,
    after,
    valuesBefore,
    valuesAfter,
    persisted: persistedStatus(stored.deal, after, valuesAfter, settings, now, hashExtra),
    ball: ballState(stored.deal, memory, facts),
    hashExtra,
  };
}

/**
 * The deal row's service cells to write. When what is stored says the sheet shows the status
 * before the visit, only the cells that change; otherwise every status cell, so the row ends up
 * showing exactly what is stored.
 */
export function dealCellWrites(
  change: VisitStatusChange,
  stored: StoredDeal,
  row: number,
  columns: Readonly<Partial<Record<ServiceColumnKey, number>>>,
): CellWrite[] {
  const shownBefore = stored.statusHash === shownValuesHash([...STATUS_KEYS.map((k) => change.valuesBefore[k]), ...change.hashExtra]);
  const writes: CellWrite[] = [];
  for (const key of STATUS_KEYS) {
    const column = columns[key];
    if (column === undefined) continue;
    const value = change.valuesAfter[key];
    if (shownBefore && sameCellValue(change.valuesBefore[key], value)) continue;
    writes.push({ row, column, value });
  }
  return writes;
}

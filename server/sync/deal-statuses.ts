import type { IsoDate } from '../../shared/calendar/iso-date.ts';
import type { SheetGrid } from '../../shared/mapping/sheet-grid.ts';
import type { ResolvedTab } from '../../shared/mapping/tab-mapping.ts';
import { computeDealStatus } from '../../shared/flags/deal-status.ts';
import type { VisitFact } from '../../shared/flags/flag.ts';
import { firstMemory, nextMemory, type MemoryStep } from '../../shared/history/deal-memory.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { SyncSettings } from '../../shared/settings/sync-settings.ts';
import type { StoredDealMemory, StoredDealState } from '../deals/deal.repository.ts';
import type { DealOutcome } from './build-plan.ts';
import { shownValuesHash } from '../../shared/rows/content-hash.ts';
import { dealServiceValues, persistedStatus, STATUS_KEYS, type PersistedStatus } from './deal-status-record.ts';
import type { DiffedRow } from './diff-tab.ts';
import { reviewKey, withCostReview } from './request-cost-review.ts';
import type { CostReview } from './request-statuses.ts';

/** One deal row after the status step. */
export interface DealStep {
  readonly diffed: DiffedRow<'deals'>;
  /** Null when the row was skipped: unchanged, same day, and the sheet still shows its status. */
  readonly outcome: DealOutcome | null;
  readonly memory: MemoryStep | null;
  readonly status: PersistedStatus | null;
}

export interface DealStatusContext {
  readonly tab: ResolvedTab<'deals'>;
  readonly grid: SheetGrid;
  readonly states: ReadonlyMap<string, StoredDealState>;
  readonly settings: SyncSettings;
  readonly locale: Locale;
  readonly now: IsoDate;
  /** False when settings, the sheet's language or any visit changed: every status is recomputed. */
  readonly statusesReusable: boolean;
  /** Visits per deal id; asked for only when some deal needs its status computed. */
  readonly visits: () => Promise<ReadonlyMap<string, readonly VisitFact[]>>;
  /** Deals with special requests whose cost needs a review (requestStatuses): they get 要コスト確認. */
  readonly costReviews: ReadonlyMap<string, CostReview>;
  /** The stored memory of the given deals; asked for the rows being recomputed only. */
  readonly memories: (ids: readonly string[]) => Promise<ReadonlyMap<string, StoredDealMemory>>;
}

/**
 * Decides, per deal row, whether its stored status still stands, and computes memory and status
 * for the rows where it does not. A same-day re-sync of a large sheet thus parses and computes
 * only the rows that changed, which is what keeps it cheap.
 */
export async function dealStatuses(rows: readonly DiffedRow<'deals'>[], ctx: DealStatusContext): Promise<DealStep[]> {
  const columns = STATUS_KEYS.map((k) => ctx.tab.serviceColumns[k]);
  // A deal's cost review is part of its stored hash: when its requests' flags change, the sheet
  // still shows the old cells, yet the hash no longer matches and the deal is recomputed.
  const shownHash = (sheetRow: number, id: string): string => {
    const cells = ctx.grid.rows[sheetRow - 1] ?? [];
    return shownValuesHash([...columns.map((c) => (c === undefined ? null : cells[c - 1])), ...reviewKey(ctx.costReviews.get(id))]);
  };
  const reusable = rows.map((d) => {
    const state = ctx.states.get(d.id);
    return (
      ctx.statusesReusable &&
      d.change === 'unchanged' &&
      // A cleared or pasted-over id cell must be written back even when nothing else changed.
      d.row.idCell === d.id &&
      state !== undefined &&
      state.statusAsOf === ctx.now &&
      state.statusHash !== null &&
      state.statusHash === shownHash(d.row.sheetRow, d.id)
    );
  });
  const recomputed = rows.filter((d, i) => !reusable[i] && ctx.states.has(d.id)).map((d) => d.id);
  const memories = await ctx.memories(recomputed);
  const visits = reusable.every(Boolean) ? new Map<string, readonly VisitFact[]>() : await ctx.visits();
  return rows.map((d, i): DealStep => {
    if (reusable[i]) return { diffed: d, outcome: null, memory: null, status: null };
    const stored = memories.get(d.id);
    const deal = d.row.record;
    const memory: MemoryStep =
      stored === undefined ? firstMemory(deal, ctx.now) : d.change === 'unchanged' ? { memory: stored.memory, change: null } : nextMemory(stored, deal, ctx.now);
    const review = ctx.costReviews.get(d.id);
    const status = withCostReview(
      computeDealStatus({ deal, memory: memory.memory, visits: visits.get(d.id) ?? [], cellIssueCount: d.row.issues.length }, ctx.settings, ctx.now),
      review,
    );
    const values = dealServiceValues(deal, memory.memory, status, ctx.locale);
    return {
      diffed: d,
      outcome: { sheetRow: d.row.sheetRow, id: d.id, deal, memory: memory.memory, status, values },
      memory,
      status: persistedStatus(deal, status, values, ctx.settings, ctx.now, reviewKey(review)),
    };
  });
}

import type { WritePlanWire } from '../../../shared/write-plan/plan-wire.ts';
import { applyPlan, type AppliedPlan, type ExpectedRowIds } from '../sync/apply-plan.ts';
import { planCellCount } from './plan-cells.ts';

// A running sync holds the document lock for seconds, rarely more; the sidebar waits that long.
const LOCK_WAIT_MS = 20_000;

/**
 * Applies a plan the service answered an action with, under the document lock so it never
 * interleaves with a sync's own writes. When a long sync keeps the lock, nothing is written and
 * every cell counts as deferred: the service remembers them and the next sync writes them.
 */
export function applyUnderLock(plan: WritePlanWire, expectedIds: ExpectedRowIds): AppliedPlan {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return { cellsWritten: 0, deferred: planCellCount(plan), skippedSetup: 0 };
  try {
    return applyPlan(SpreadsheetApp.getActiveSpreadsheet(), plan, expectedIds);
  } finally {
    lock.releaseLock();
  }
}

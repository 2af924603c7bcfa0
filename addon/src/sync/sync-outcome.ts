// Pure: what a sync reports (SyncOutcome) and which id each pushed row showed, from the service's
// answer, what the add-on wrote, and the cells it pushed.
import { cellText } from '../../../shared/cells/cell-text.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import type { WritePlanWire } from '../../../shared/write-plan/plan-wire.ts';
import type { SyncOutcome } from '../rpc/sidebar-rpc.ts';
import type { AppliedPlan, ExpectedRowIds } from './apply-plan.ts';
import type { PushSyncAnswer } from '../../../shared/sync-wire/push-sync-answer.ts';

const idOf = (cell: CellValue | undefined): string => (typeof cell === 'string' || typeof cell === 'number' ? cellText(cell) : '');

/**
 * Per pushed tab whose id column already existed, the id each row below the header showed. A tab
 * whose id column the plan creates has none to check (every row is new to it).
 */
export function expectedRowIds(plan: WritePlanWire, pushed: ReadonlyMap<string, readonly (readonly CellValue[])[]>): ExpectedRowIds {
  const expected = new Map<string, Map<number, string>>();
  for (const tab of plan.tabs) {
    const rows = pushed.get(tab.sheet);
    const idColumn = tab.columns.id;
    if (rows === undefined || idColumn === undefined || tab.newColumns.some((c) => c.key === 'id')) continue;
    const ids = new Map<number, string>();
    for (let r = tab.headerRow + 1; r <= rows.length; r++) {
      const id = idOf(rows[r - 1]?.[idColumn - 1]);
      if (id !== '') ids.set(r, id);
    }
    expected.set(tab.sheet, ids);
  }
  return expected;
}

/** Deal rows whose flags cell holds anything once the plan is written: the pushed cells with its runs laid over. */
export function flaggedDealRows(plan: WritePlanWire, pushed: ReadonlyMap<string, readonly (readonly CellValue[])[]>): number | null {
  const tab = plan.tabs.find((t) => t.kind === 'deals');
  const column = tab?.columns.flags;
  if (tab === undefined || column === undefined) return null;
  const flags = new Map<number, string>();
  (pushed.get(tab.sheet) ?? []).forEach((cells, i) => {
    if (i + 1 > tab.headerRow) flags.set(i + 1, cellText(cells[column - 1] ?? null));
  });
  for (const run of tab.runs) {
    if (run.column !== column) continue;
    run.values.forEach((v, i) => {
      if (run.startRow + i > tab.headerRow) flags.set(run.startRow + i, v === null ? '' : String(v));
    });
  }
  let count = 0;
  for (const text of flags.values()) if (text.trim() !== '') count++;
  return count;
}

export function syncOutcome(answer: PushSyncAnswer, applied: AppliedPlan, pushed: ReadonlyMap<string, readonly (readonly CellValue[])[]>, durationMs: number): SyncOutcome {
  const sum = (pick: (t: PushSyncAnswer['summary']['tabs'][number]) => number) => answer.summary.tabs.reduce((n, t) => n + pick(t), 0);
  const counted = Object.values(answer.summary.flagCounts).map((n) => n ?? 0);
  return {
    rowsRead: sum((t) => t.read),
    inserted: sum((t) => t.inserted),
    updated: sum((t) => t.updated),
    removed: sum((t) => t.removed),
    cellsWritten: applied.cellsWritten,
    // A deal can carry several flags, so the per-flag counts only bound it from below.
    flaggedDeals: flaggedDealRows(answer.plan, pushed) ?? Math.max(0, ...counted),
    deferred: applied.deferred,
    issues: answer.summary.issues.map((i) => ({ sheet: i.sheet, row: i.row, column: i.column, message: i.message })),
    // The service sends the first 500 issues and the count of all; never fewer than it sent.
    issueCount: Math.max(answer.summary.issueCount, answer.summary.issues.length),
    durationMs,
  };
}

/** Two syncs folded into one report: counts of both, the state after the second. */
export function foldOutcomes(first: SyncOutcome, second: SyncOutcome, durationMs: number): SyncOutcome {
  return {
    rowsRead: second.rowsRead,
    inserted: first.inserted + second.inserted,
    updated: first.updated + second.updated,
    removed: first.removed + second.removed,
    cellsWritten: first.cellsWritten + second.cellsWritten,
    flaggedDeals: second.flaggedDeals,
    deferred: second.deferred,
    issues: second.issues,
    issueCount: second.issueCount,
    durationMs,
  };
}

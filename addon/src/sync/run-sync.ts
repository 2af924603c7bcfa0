// A sync from the add-on: read the tabs, push them, apply the plan the service answers with.
// One at a time per spreadsheet (the document lock), inside Apps Script's 6-minute execution,
// and never writing anything when the service cannot be reached.
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import type { RpcResult, SyncOutcome } from '../rpc/sidebar-rpc.ts';
import { hasBudget } from '../platform/clock.ts';
import { loadLastChange, loadMapping } from '../platform/document-store.ts';
import { t } from '../i18n/addon-messages.ts';
import { errorMessage, fail, ok } from '../bootstrap/rpc-results.ts';
import { callService, spreadsheetPath } from '../service/service-client.ts';
import { applyPlan } from './apply-plan.ts';
import type { PushSyncAnswer } from '../../../shared/sync-wire/push-sync-answer.ts';
import { buildPushBody } from './push-body.ts';
import { expectedRowIds, foldOutcomes, syncOutcome } from './sync-outcome.ts';

export type SyncTrigger = 'menu' | 'sidebar' | 'hourly' | 'change' | 'setup' | 'decision';

/** How long a sync waits for another to release the document lock before answering busy. */
export const LOCK_WAIT_MS = 500;
/** Not started with less left: reading and the service's answer take most of a minute on a large sheet. */
export const START_RESERVE_MS = 60_000;
/** Not applied with less left: a half-applied plan is worse than none (the next sync completes it). */
const APPLY_RESERVE_MS = 30_000;

function syncOnce(trigger: SyncTrigger): RpcResult<SyncOutcome> {
  const started = Date.now();
  if (!hasBudget(START_RESERVE_MS)) return fail('timeout');
  const spreadsheet = SpreadsheetApp.getActive();
  const body = buildPushBody(spreadsheet, loadMapping());
  if (body === null) return fail('not_set_up');
  const pushed = new Map<string, readonly (readonly CellValue[])[]>(body.tabs.map((t) => [t.name, t.values]));
  const answer = callService<PushSyncAnswer>({ method: 'post', path: spreadsheetPath('/sync'), body });
  if (!answer.ok) return { ok: false, error: answer.error };
  if (!hasBudget(APPLY_RESERVE_MS)) return fail('timeout');
  const plan = answer.body.plan;
  const applied = applyPlan(spreadsheet, plan, expectedRowIds(plan, pushed));
  if (applied.deferred > 0) console.log(`sheets-sfa: ${trigger} sync deferred ${applied.deferred} cells of rows that moved`);
  return ok(syncOutcome(answer.body, applied, pushed, Date.now() - started));
}

/**
 * A sync for a caller that holds the document lock already. While the sheet changed during a
 * sync (onSheetChange recorded it but could not take the lock, trusting the holder), it syncs
 * again, for as long as the execution has time for another round, so a burst of edits ends in a
 * sync of the final state.
 */
export function syncHoldingLock(trigger: SyncTrigger): RpcResult<SyncOutcome> {
  const started = Date.now();
  try {
    let changedBefore = loadLastChange();
    let roundStarted = Date.now();
    const first = syncOnce(trigger);
    if (!first.ok) return first;
    let outcome = first.value;
    // A round takes about as long as the one before; one that could not finish is not started.
    while (loadLastChange() !== changedBefore && hasBudget(Math.max(START_RESERVE_MS, Date.now() - roundStarted + APPLY_RESERVE_MS))) {
      changedBefore = loadLastChange();
      roundStarted = Date.now();
      const next = syncOnce(trigger);
      // What earlier rounds wrote stays; a failed round leaves the rest to the next sync.
      if (!next.ok) break;
      outcome = foldOutcomes(outcome, next.value, Date.now() - started);
    }
    return ok(outcome);
  } catch (error) {
    console.error(`sheets-sfa: ${trigger} sync failed: ${errorMessage(error)}`);
    return fail('internal', `${t('error.internal')} (${errorMessage(error)})`);
  }
}

/** Syncs the active spreadsheet now; busy when another sync holds the document lock. */
export function runSync(trigger: SyncTrigger): RpcResult<SyncOutcome> {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return fail('busy');
  try {
    return syncHoldingLock(trigger);
  } finally {
    lock.releaseLock();
  }
}

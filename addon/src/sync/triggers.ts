// The add-on's installable triggers: an hourly sync (the most often an add-on's time-driven
// trigger may run) and a sync on change that folds a burst of edits into one. An add-on may hold
// at most one trigger of each event type per user and document, so each is made once. Triggers
// belong to the user who made them: every reading and change here is the current user's only.
import type { AddonPrefs } from '../platform/document-store.ts';
import { loadLastChange, recordLastChange } from '../platform/document-store.ts';
import { hasBudget } from '../platform/clock.ts';
import { loadSleepRecord, recordSleep, sleepLeft, utcDay } from '../platform/sleep-budget.ts';
import type { AutoSyncState } from '../rpc/sidebar-rpc.ts';
import { START_RESERVE_MS, runSync, syncHoldingLock } from './run-sync.ts';

const HOURLY_HANDLER = 'onHourlySync';
const CHANGE_HANDLER = 'onSheetChange';
/** Edits this close together are one burst: the sync waits until the sheet has been quiet this long. */
export const QUIET_MS = 10_000;
/** However long a burst goes on, the sync starts after this much waiting. */
export const MAX_QUIET_WAIT_MS = 60_000;
const SLEEP_STEP_MS = 2_000;

type Trigger = GoogleAppsScript.Script.Trigger;

function reconcile(triggers: readonly Trigger[], eventType: GoogleAppsScript.Script.EventType, handler: string, wanted: boolean, create: () => void): void {
  const ofType = triggers.filter((t) => t.getEventType() === eventType);
  const ours = ofType.filter((t) => t.getHandlerFunction() === handler);
  // Another handler holding this event type (an older version's) would make create() throw.
  for (const t of ofType) if (t.getHandlerFunction() !== handler) ScriptApp.deleteTrigger(t);
  if (!wanted) {
    for (const t of ours) ScriptApp.deleteTrigger(t);
    return;
  }
  for (const t of ours.slice(1)) ScriptApp.deleteTrigger(t);
  if (ours.length === 0) create();
}

/** Installs or removes the hourly and the on-change trigger of this user on this spreadsheet, per prefs. */
export function ensureTriggers(prefs: AddonPrefs): void {
  const spreadsheet = SpreadsheetApp.getActive();
  const triggers = ScriptApp.getUserTriggers(spreadsheet);
  reconcile(triggers, ScriptApp.EventType.CLOCK, HOURLY_HANDLER, prefs.hourlySync, () => {
    ScriptApp.newTrigger(HOURLY_HANDLER).timeBased().everyHours(1).create();
  });
  reconcile(triggers, ScriptApp.EventType.ON_CHANGE, CHANGE_HANDLER, prefs.syncOnChange, () => {
    ScriptApp.newTrigger(CHANGE_HANDLER).forSpreadsheet(spreadsheet).onChange().create();
  });
}

const isOurs = (t: Trigger, eventType: GoogleAppsScript.Script.EventType, handler: string): boolean => t.getEventType() === eventType && t.getHandlerFunction() === handler;

/** Which automatic syncs the current user has on the active spreadsheet: their own triggers, not anyone's preferences. */
export function userAutoSync(): AutoSyncState {
  const triggers = ScriptApp.getUserTriggers(SpreadsheetApp.getActive());
  return {
    hourlySync: triggers.some((t) => isOurs(t, ScriptApp.EventType.CLOCK, HOURLY_HANDLER)),
    syncOnChange: triggers.some((t) => isOurs(t, ScriptApp.EventType.ON_CHANGE, CHANGE_HANDLER)),
  };
}

/** Pure: how long to sleep before the sheet has been quiet for QUIET_MS, or 0 to sync now. */
export function quietWait(lastChange: string | null, now: number, waitedMs: number): number {
  if (waitedMs >= MAX_QUIET_WAIT_MS) return 0;
  const at = lastChange === null ? Number.NaN : Date.parse(lastChange);
  if (Number.isNaN(at)) return 0;
  const left = at + QUIET_MS - now;
  return left <= 0 ? 0 : Math.min(left, SLEEP_STEP_MS, MAX_QUIET_WAIT_MS - waitedMs);
}

/**
 * Sleeps until the sheet has been quiet, within this execution's time and what is left of the
 * user's daily sleep budget (trigger runtime is a daily quota); records the sleep spent.
 */
function waitForQuiet(): void {
  const day = utcDay(new Date());
  const left = sleepLeft(loadSleepRecord(), day);
  let waited = 0;
  for (;;) {
    const wait = Math.min(quietWait(loadLastChange(), Date.now(), waited), left - waited);
    if (wait <= 0 || !hasBudget(START_RESERVE_MS + wait)) break;
    Utilities.sleep(wait);
    waited += wait;
  }
  if (waited > 0) recordSleep(day, waited);
}

/**
 * The change trigger: records the change; the execution that gets the document lock waits until
 * edits stop, then syncs. One that finds the lock held leaves it at the record: the holder either
 * is still waiting or, already syncing, sees the record moved and syncs again.
 */
export function handleSheetChange(e: GoogleAppsScript.Events.SheetsOnChange | undefined): void {
  // Formatting changes no value the service reads.
  if (e?.changeType === 'FORMAT') return;
  recordLastChange(new Date());
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(0)) return;
  try {
    waitForQuiet();
    const result = syncHoldingLock('change');
    if (!result.ok) console.warn(`sheets-sfa: sync on change: ${result.error.code}: ${result.error.message}`);
  } finally {
    lock.releaseLock();
  }
}

/** The hourly trigger. */
export function handleHourlySync(_e?: GoogleAppsScript.Events.TimeDriven): void {
  const result = runSync('hourly');
  // Busy: a sync is running anyway. Other failures are for the execution log; nobody is watching.
  if (!result.ok && result.error.code !== 'busy') console.warn(`sheets-sfa: hourly sync: ${result.error.code}: ${result.error.message}`);
}

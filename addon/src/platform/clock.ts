// Time as Apps Script sees it: the spreadsheet's own time zone for business dates, and the
// 6-minute limit of one execution.

/** Apps Script stops any execution after 6 minutes. */
export const EXECUTION_LIMIT_MS = 6 * 60_000;

// Apps Script evaluates the script's global code at the start of every execution, so the time the
// module was loaded is when the execution began.
const executionStart = Date.now();

/** Milliseconds left before Apps Script would stop this execution. */
function remainingExecutionMs(now: number = Date.now()): number {
  return EXECUTION_LIMIT_MS - (now - executionStart);
}

/** Whether at least `ms` of the execution's budget remain. */
export function hasBudget(ms: number, now: number = Date.now()): boolean {
  return remainingExecutionMs(now) >= ms;
}

/** Today in the active spreadsheet's time zone, YYYY-MM-DD. */
export function todayInSpreadsheet(now: Date = new Date()): string {
  const zone = SpreadsheetApp.getActive().getSpreadsheetTimeZone();
  return Utilities.formatDate(now, zone, 'yyyy-MM-dd');
}

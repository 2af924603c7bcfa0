// How long the change trigger's debounce has slept today. Sleeping inside a trigger counts against
// the user's daily trigger runtime (90 minutes on consumer accounts, 6 hours on Workspace), so
// the sleep is bounded per user per day; the record lives in user properties, which span every
// spreadsheet the user runs the add-on in, as the quota does.

const SLEEP_KEY = 'sheets-sfa.trigger-sleep';

/** Sleep the debounce may spend per user per UTC day; past it, changes sync without waiting. */
export const DAILY_SLEEP_BUDGET_MS = 20 * 60_000;

export interface SleepRecord {
  /** The UTC day (YYYY-MM-DD) the time was spent on. */
  readonly day: string;
  readonly sleptMs: number;
}

/** The UTC day of an instant: the budget's day, the same in every spreadsheet's time zone. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** Pure: what a stored value means; anything unreadable counts as nothing slept. */
export function sleepRecordOf(text: string | null): SleepRecord | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { day, sleptMs } = value as Record<string, unknown>;
    return typeof day === 'string' && typeof sleptMs === 'number' && Number.isFinite(sleptMs) ? { day, sleptMs } : null;
  } catch {
    return null;
  }
}

/** Pure: the sleep left on `day`; a record of an earlier day is spent no more. */
export function sleepLeft(record: SleepRecord | null, day: string, budgetMs: number = DAILY_SLEEP_BUDGET_MS): number {
  const spent = record !== null && record.day === day ? record.sleptMs : 0;
  return Math.max(0, budgetMs - spent);
}

/** Pure: the record after sleeping `ms` more on `day`. */
export function afterSleep(record: SleepRecord | null, day: string, ms: number): SleepRecord {
  return { day, sleptMs: (record !== null && record.day === day ? record.sleptMs : 0) + ms };
}

export function loadSleepRecord(): SleepRecord | null {
  return sleepRecordOf(PropertiesService.getUserProperties().getProperty(SLEEP_KEY));
}

export function recordSleep(day: string, ms: number): void {
  const properties = PropertiesService.getUserProperties();
  properties.setProperty(SLEEP_KEY, JSON.stringify(afterSleep(sleepRecordOf(properties.getProperty(SLEEP_KEY)), day, ms)));
}

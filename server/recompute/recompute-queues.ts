import type { PgBoss, Queue } from 'pg-boss';
import type { Db } from '../db/database.ts';
import { googleSpreadsheets } from '../spreadsheets/spreadsheet.repository.ts';

/** One schedule per time zone sends here; its job fans out to the spreadsheets of that zone. */
export const ZONE_QUEUE = 'recompute-zone';
/** One job per spreadsheet, keyed by its id. */
export const SPREADSHEET_QUEUE = 'recompute-spreadsheet';

export interface ZoneJob {
  readonly timeZone: string;
}

export interface SpreadsheetJob {
  readonly spreadsheetId: string;
}

const ZONE_QUEUE_OPTIONS: Omit<Queue, 'name'> = {
  policy: 'standard',
  // Listing spreadsheets and inserting jobs: only a database hiccup fails it, so try again soon.
  retryLimit: 3,
  retryDelay: 60,
  expireInSeconds: 300,
};

const SPREADSHEET_QUEUE_OPTIONS: Omit<Queue, 'name'> = {
  // At most one job per singletonKey (the spreadsheet id) created, retrying or active, enforced by a
  // unique index: two instances never run one spreadsheet at once, and a fan-out while a run of
  // that spreadsheet is pending or running adds nothing (that run brings it to today anyway).
  policy: 'exclusive',
  // The Google source retries 429s and 5xx itself; what is left (not shared, no deals tab) fails
  // the same way again. Tomorrow's run, or an admin's recompute, is the retry.
  retryLimit: 0,
  // A large sheet at Google's write quota takes minutes; past this a crashed worker's job is freed.
  expireInSeconds: 1800,
};

/** Creates both queues, or brings an existing one's options up to date (its policy is fixed). */
export async function createQueues(boss: PgBoss): Promise<void> {
  for (const [name, options] of [
    [ZONE_QUEUE, ZONE_QUEUE_OPTIONS],
    [SPREADSHEET_QUEUE, SPREADSHEET_QUEUE_OPTIONS],
  ] as const) {
    await boss.createQueue(name, options);
    const { policy, ...updatable } = options;
    // Exclusivity rests on the policy: a queue made otherwise by hand must not pass silently.
    const existing = await boss.getQueue(name);
    if (existing?.policy !== policy) throw new Error(`pg-boss queue ${name} has policy ${existing?.policy ?? 'none'}, not ${policy}: delete it to have it made again`);
    await boss.updateQueue(name, updatable);
  }
}

/** Queues a recompute of every Google spreadsheet of the zone; how many jobs were added. */
export async function fanOut(boss: PgBoss, db: Db, timeZone: string): Promise<number> {
  const ids = (await googleSpreadsheets(db)).filter((s) => s.timeZone === timeZone).map((s) => s.id);
  if (ids.length === 0) return 0;
  const jobs = ids.map((spreadsheetId) => ({ data: { spreadsheetId } satisfies SpreadsheetJob, singletonKey: spreadsheetId }));
  // A spreadsheet whose job is still pending or running is skipped by the queue's policy.
  const inserted = await boss.insert(SPREADSHEET_QUEUE, jobs, { returnId: true });
  return inserted?.length ?? 0;
}

import type { PgBoss } from 'pg-boss';
import { ZONE_QUEUE, type ZoneJob } from './recompute-queues.ts';
import { scheduleKeyOf } from './schedule-key.ts';

/**
 * The daily schedule of each time zone the service has spreadsheets in: `cron` read in that zone,
 * so 06:00 is 06:00 where the team works. Each zone is written once per process.
 */
export class ZoneSchedules {
  readonly #boss: PgBoss;
  readonly #cron: string;
  readonly #ensured = new Map<string, Promise<void>>();

  constructor(boss: PgBoss, cron: string) {
    this.#boss = boss;
    this.#cron = cron;
  }

  ensure(timeZone: string): Promise<void> {
    const known = this.#ensured.get(timeZone);
    if (known !== undefined) return known;
    const data: ZoneJob = { timeZone };
    // schedule() upserts by (queue, key): every instance may write it, the cron pass claims each
    // occurrence once. 'once' sends the morning's run late rather than never after a deploy gap.
    const written = this.#boss.schedule(ZONE_QUEUE, this.#cron, data, { tz: timeZone, key: scheduleKeyOf(timeZone), missed: 'once' });
    this.#ensured.set(timeZone, written);
    // A failed write is forgotten, so the next call tries again.
    written.catch(() => {
      if (this.#ensured.get(timeZone) === written) this.#ensured.delete(timeZone);
    });
    return written;
  }
}

import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { ServicePlugin } from '../service/start-service.ts';
import type { DigestConfig } from './digest-config.ts';
import { deliveriesFromConfig } from './digest-deliveries.ts';
import type { DigestDeliveries } from './digest-delivery.ts';
import { sendDueDigests, type DigestOutcome } from './send-digests.ts';

export interface DigestSchedulerOptions {
  readonly logger: Logger;
  readonly clock?: () => Date;
  /** Replaces the deliveries built from the configuration (tests). */
  readonly deliveries?: DigestDeliveries;
  /** How often to look for spreadsheets whose digest is due; 5 minutes by default. */
  readonly intervalMs?: number;
}

export interface DigestScheduler extends ServicePlugin {
  /** One pass now (what the timer runs). */
  tick(): Promise<DigestOutcome[]>;
}

const DEFAULT_INTERVAL_MS = 5 * 60 * 1000;

/**
 * The daily digest as a part of the service: every few minutes, each spreadsheet whose local
 * time has passed `config.hour` and whose digest of the day has not gone out gets it. Null when
 * the digest is off (the default): then nothing is scheduled and nothing is ever sent.
 */
export function startDigestScheduler(db: Db, config: DigestConfig, options: DigestSchedulerOptions): DigestScheduler | null {
  if (!config.enabled) return null;
  const clock = options.clock ?? (() => new Date());
  const deliveries = options.deliveries ?? deliveriesFromConfig(config, clock);
  const log = options.logger.child({ component: 'digest' });
  let running: Promise<DigestOutcome[]> | null = null;
  let stopped = false;

  const tick = (): Promise<DigestOutcome[]> => {
    // A pass that outlasts the interval is not doubled up.
    running ??= sendDueDigests(db, { deliveries, clock, lookbackDays: config.lookbackDays, hour: config.hour, logger: log }).finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) tick().catch((error: unknown) => log.error({ err: error }, 'digest pass failed'));
  }, options.intervalMs ?? DEFAULT_INTERVAL_MS);
  timer.unref();
  log.info({ hour: config.hour, email: deliveries.email !== null, chat: deliveries.chat !== null }, 'daily digest scheduled');

  return {
    routes: [],
    tick,
    async stop(timeoutMs) {
      stopped = true;
      clearInterval(timer);
      const current = running;
      if (current === null) return;
      await Promise.race([current.then(() => undefined, () => undefined), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    },
  };
}

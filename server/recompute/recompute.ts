import type { sheets_v4 } from 'googleapis';
import type { Clock, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/service-config.ts';
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import type { RouteDef } from '../http/route.ts';
import { InFlight } from '../service/in-flight.ts';
import { googleSpreadsheets } from '../spreadsheets/spreadsheet.repository.ts';
import type { SyncReport } from '../sync/sync-report.ts';
import { createBoss } from './create-boss.ts';
import { KeyedSerial } from './keyed-serial.ts';
import { createQueues, fanOut, SPREADSHEET_QUEUE, ZONE_QUEUE, type SpreadsheetJob, type ZoneJob } from './recompute-queues.ts';
import { recomputeSpreadsheet } from './recompute-spreadsheet.ts';
import { recomputeRoutes } from './recompute.routes.ts';
import { serviceAccountSheets } from './service-account-sheets.ts';
import { ZoneSchedules } from './zone-schedules.ts';

export interface RecomputeOptions {
  /** Wall clock the business date is taken from (in each spreadsheet's time zone). */
  readonly clock?: () => Date;
  /** pg-boss's clock (a TestClock in tests). */
  readonly bossClock?: Clock;
  /** Replaces the client built from the configured service account key. */
  readonly sheets?: sheets_v4.Sheets;
  readonly logger: Logger;
}

export interface Recompute {
  /** Re-syncs one spreadsheet now through the Google source; used by the jobs and by the admin route. */
  runNow(spreadsheetId: string, requestedBy: string | null): Promise<SyncReport>;
  ensureSchedule(timeZone: string): Promise<void>;
  /** POST /v1/spreadsheets/{spreadsheetId}/recompute, for a spreadsheet's admins. */
  readonly routes: readonly RouteDef[];
  /** Graceful: stops taking jobs, waits for running ones up to timeoutMs. */
  stop(timeoutMs: number): Promise<void>;
}

// Spreadsheets one instance recomputes at once; the process-wide request pacer keeps Google's
// per-minute quota either way.
const JOBS_PER_INSTANCE = 2;

/**
 * The daily recompute: aging moves with the calendar, so every Google spreadsheet the service
 * knows is re-synced at `config.recompute.cron` (06:00) in its own time zone, one pg-boss job per
 * spreadsheet. With `recompute.enabled` off only runNow and the route work (no pg-boss at all).
 */
export async function startRecompute(config: ServiceConfig, db: Db, options: RecomputeOptions): Promise<Recompute> {
  const sheets = options.sheets ?? (await serviceAccountSheets(config));
  const clock = options.clock ?? (() => new Date());
  const log = options.logger.child({ component: 'recompute' });
  // Admins' recomputes; the jobs are pg-boss's to wait for.
  const manual = new InFlight();
  const serial = new KeyedSerial();
  let boss: PgBoss | null = null;
  let schedules: ZoneSchedules | null = null;
  let stopping: Promise<void> | null = null;

  const ensureSchedule = async (timeZone: string): Promise<void> => {
    if (schedules === null || stopping !== null) return;
    await schedules.ensure(timeZone);
  };

  const recompute = async (spreadsheetId: string, requestedBy: string | null): Promise<SyncReport> => {
    const { report, timeZone } = await serial.run(spreadsheetId, () => recomputeSpreadsheet(db, sheets, spreadsheetId, { clock, requestedBy }));
    // A sheet moved to another time zone is recomputed at 06:00 there from now on.
    await ensureSchedule(timeZone).catch((error: unknown) => log.warn({ err: error, timeZone }, 'could not schedule the time zone'));
    return report;
  };

  // One manual recompute per spreadsheet at a time: repeated clicks must not queue up behind each
  // other and eat the service account's quota that every other spreadsheet shares.
  const manualPending = new Set<string>();
  const runNow = async (spreadsheetId: string, requestedBy: string | null): Promise<SyncReport> => {
    if (manualPending.has(spreadsheetId)) throw new ApiError(409, 'conflict', 'a recompute of this spreadsheet is already running: wait for it to finish');
    manualPending.add(spreadsheetId);
    try {
      const report = await manual.run(() => recompute(spreadsheetId, requestedBy));
      if (report === null) throw new ApiError(503, 'unavailable', 'the service is shutting down: retry in a moment');
      return report;
    } finally {
      manualPending.delete(spreadsheetId);
    }
  };

  // What a job of the spreadsheet queue does; its answer is stored as the job's output.
  const spreadsheetJob = async (spreadsheetId: string): Promise<object> => {
    try {
      const report = await recompute(spreadsheetId, null);
      log.info({ spreadsheetId, runId: report.runId, asOf: report.asOf, flagCounts: report.flagCounts, cellsWritten: report.cellsWritten }, 'recomputed');
      return { runId: report.runId, asOf: report.asOf };
    } catch (error) {
      // Deleted or turned out not to be a Google sheet since the fan-out: nothing to do.
      if (error instanceof ApiError && (error.status === 404 || error.status === 409)) {
        log.info({ spreadsheetId, reason: error.message }, 'recompute skipped');
        return { skipped: error.message };
      }
      log.warn({ err: error, spreadsheetId }, 'recompute failed');
      throw error;
    }
  };

  if (config.recompute.enabled) {
    const started = createBoss(config, db, options.bossClock);
    // Unhandled, an 'error' event would throw out of pg-boss's timers.
    started.on('error', (error) => log.error({ err: error }, 'pg-boss error'));
    started.on('warning', (warning) => log.warn({ data: warning.data }, warning.message));
    await started.start();
    try {
      await createQueues(started);
      await started.work<ZoneJob>(ZONE_QUEUE, async ([job]) => {
        if (job === undefined) return;
        const queued = await fanOut(started, db, job.data.timeZone);
        log.info({ timeZone: job.data.timeZone, queued }, 'daily recompute queued');
      });
      await started.work<SpreadsheetJob>(SPREADSHEET_QUEUE, { localConcurrency: JOBS_PER_INSTANCE }, async ([job]) => {
        if (job === undefined) return;
        return spreadsheetJob(job.data.spreadsheetId);
      });
      schedules = new ZoneSchedules(started, config.recompute.cron);
      const zones = new Set((await googleSpreadsheets(db)).map((s) => s.timeZone));
      for (const zone of zones) {
        // One unusable zone (written by hand) must not leave the others unscheduled.
        await schedules.ensure(zone).catch((error: unknown) => log.error({ err: error, timeZone: zone }, 'could not schedule the time zone'));
      }
    } catch (error) {
      await started.stop({ graceful: false });
      throw error;
    }
    boss = started;
  }

  const stop = (timeoutMs: number): Promise<void> => {
    stopping ??= Promise.all([
      manual.drain(timeoutMs),
      // Stops fetching, waits for running jobs up to the timeout, then fails what still runs.
      boss?.stop({ graceful: true, timeout: timeoutMs, close: true }),
    ]).then(() => undefined);
    return stopping;
  };

  return { runNow, ensureSchedule, routes: recomputeRoutes(runNow), stop };
}

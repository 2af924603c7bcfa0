import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/service-config.ts';
import { closeDatabase, openDatabase } from '../db/open-database.ts';
import type { Db } from '../db/database.ts';
import type { RouteDef } from '../http/route.ts';
import { createApp, type AppDeps } from './create-app.ts';
import { InFlight } from './in-flight.ts';

/** A part of the service with its own lifecycle (the daily recompute), started after the database. */
export interface ServicePlugin {
  readonly routes: readonly RouteDef[];
  /** After each stored push sync of a spreadsheet. */
  onSynced?(spreadsheetId: string, timeZone: string): Promise<void>;
  stop(timeoutMs: number): Promise<void>;
}

export interface RunningService {
  readonly url: string;
  readonly server: Server;
  readonly db: Db;
  /** Graceful: refuse new work, finish syncs in flight, then close the listener and the pools. */
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly logger: Logger;
  readonly clock?: AppDeps['clock'];
  readonly verifier?: AppDeps['verifier'];
  readonly plugins?: (db: Db) => Promise<readonly ServicePlugin[]>;
  readonly digest?: AppDeps['digest'];
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function closeServer(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      // Whatever is still open after the grace period is cut, so the process can exit.
      server.closeAllConnections();
      resolve();
    }, timeoutMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Opens (and migrates) the database, then serves the API on config.host:config.port. */
export async function startService(config: ServiceConfig, options: StartOptions): Promise<RunningService> {
  const { logger } = options;
  const db = await openDatabase(config.database);
  const inFlight = new InFlight();
  let plugins: readonly ServicePlugin[] = [];
  try {
    plugins = (await options.plugins?.(db)) ?? [];
  } catch (error) {
    await closeDatabase(db);
    throw error;
  }
  const { app } = createApp(config, {
    db,
    logger,
    inFlight,
    extraRoutes: plugins.flatMap((p) => p.routes),
    onSynced: async (spreadsheetId, timeZone) => {
      for (const plugin of plugins) await plugin.onSynced?.(spreadsheetId, timeZone);
    },
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.verifier === undefined ? {} : { verifier: options.verifier }),
    ...(options.digest === undefined ? {} : { digest: options.digest }),
  });
  const server = createServer(app);
  // A 50 MB push from Apps Script on a slow link; Node's default request timeout is 5 minutes.
  server.requestTimeout = 300_000;
  server.headersTimeout = 60_000;
  let address: AddressInfo;
  try {
    address = await listen(server, config.port, config.host);
  } catch (error) {
    await Promise.all(plugins.map((p) => p.stop(1_000)));
    await closeDatabase(db);
    throw error;
  }
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ url, database: config.database.kind, devAuth: config.auth.devKey !== null, recompute: config.recompute.enabled }, 'sheets-sfa service listening');

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const timeout = config.shutdownTimeoutMs;
      logger.info({ inFlight: inFlight.size }, 'shutting down: finishing the requests in flight');
      // All at once: readiness turns 503 and later requests are refused, the recompute stops
      // taking jobs, the listener closes; then everything started is given the grace period.
      const drained = inFlight.drain(timeout);
      const pluginsStopped = Promise.all(plugins.map((p) => p.stop(timeout)));
      const closed = closeServer(server, timeout);
      if (!(await drained)) {
        logger.warn({ inFlight: inFlight.size }, 'shutdown timeout: requests still running are cut off (a sync is one transaction, so it rolls back whole)');
      }
      await pluginsStopped;
      await closed;
      // A sync cut off at the timeout may still hold a pooled connection; exit does not wait on it.
      await Promise.race([closeDatabase(db), new Promise((resolve) => setTimeout(resolve, timeout).unref())]);
      logger.info('stopped');
    })();
    return stopping;
  };
  return { url, server, db, stop };
}

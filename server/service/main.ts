import { ConfigError, loadServiceConfig } from '../config/service-config.ts';
import { startRecompute } from '../recompute/recompute.ts';
import { digestConfigFromEnv } from '../digest/digest-config.ts';
import { startDigestScheduler } from '../digest/digest-scheduler.ts';
import type { ServicePlugin } from './start-service.ts';
import { createLogger } from './logger.ts';
import { startService } from './start-service.ts';

// `npm start`: configuration from the environment, JSON logs on stdout, graceful stop on SIGTERM/SIGINT.
async function main(): Promise<void> {
  let config;
  let digestConfig;
  try {
    config = loadServiceConfig(process.env);
    digestConfig = digestConfigFromEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (config.auth.audiences.length === 0 && config.auth.devKey === null) {
    logger.warn('GOOGLE_OAUTH_CLIENT_ID is not set: every /v1 request will be refused until it is');
  }
  const service = await startService(config, {
    logger,
    digest: digestConfig,
    // The Google source and its daily recompute need a service account; without one the
    // recompute route answers 503 and nothing is scheduled.
    plugins: async (db) => {
      const plugins: ServicePlugin[] = [];
      if (config.google.credentialsPath !== null) {
        const recompute = await startRecompute(config, db, { logger });
        plugins.push({ routes: recompute.routes, onSynced: (_id, timeZone) => recompute.ensureSchedule(timeZone), stop: (ms) => recompute.stop(ms) });
      }
      // Off unless DIGEST_ENABLED: nothing leaves the service by mail or chat by default.
      const digest = startDigestScheduler(db, digestConfig, { logger });
      if (digest !== null) plugins.push(digest);
      return plugins;
    },
  });
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    logger.info({ signal }, 'signal received');
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

main().catch((error: unknown) => {
  process.stderr.write(`sheets-sfa service failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

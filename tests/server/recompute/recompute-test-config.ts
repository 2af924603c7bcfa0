// A service configuration for recompute tests: the database given, the stand-in's Sheets API and
// a key file for its service account, the default daily cron.
import type { ServiceConfig } from '../../../server/config/service-config.ts';
import type { DatabaseTarget } from '../../../server/db/database.ts';

export function recomputeConfig(database: DatabaseTarget, google: { credentialsPath: string | null; sheetsRootUrl: string | null }, enabled = true): ServiceConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    database,
    auth: { audiences: [], jwksUrl: 'http://127.0.0.1:9/certs', issuers: [], clockSkewSeconds: 60, devKey: null },
    google,
    recompute: { enabled, cron: '0 6 * * *' },
    syncBodyLimitBytes: 50 * 1024 * 1024,
    shutdownTimeoutMs: 10_000,
  };
}

// The real service, started in the benchmark's worker as `npm start` would start it: its own
// configuration from the environment it would be given (a fresh Postgres database, loopback, an
// ephemeral port, development sign-in, silent logs), so the push is measured through Express,
// authentication, body parsing and validation, not just the engine.
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { signDevToken } from '../server/auth/dev-token-verifier.ts';
import { loadServiceConfig } from '../server/config/service-config.ts';
import { startService, type RunningService } from '../server/service/start-service.ts';
import { createBenchDatabase } from './bench-database.ts';

export interface BenchService {
  readonly url: string;
  readonly databaseUrl: string;
  /** A development bearer token for the user pushing the sheet. */
  readonly token: string;
  readonly service: RunningService;
  stop(): Promise<void>;
}

const USER = 'bench@example.co.jp';

/** The service on a new database of the benchmark's server; `now` fixes the business date. */
export async function startBenchService(adminUrl: string, label: string, now: Date): Promise<BenchService> {
  const database = await createBenchDatabase(adminUrl, label);
  const devKey = randomBytes(32).toString('hex');
  try {
    const config = loadServiceConfig({
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      SHEETS_SFA_DEV_AUTH_KEY: devKey,
      RECOMPUTE_ENABLED: 'false',
    });
    const service = await startService(config, { logger: pino({ level: 'silent' }), clock: () => now });
    return {
      url: service.url,
      databaseUrl: database.url,
      token: await signDevToken(devKey, USER),
      service,
      async stop() {
        await service.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

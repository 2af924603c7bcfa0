// The real service on the embedded database (PGlite, in memory), with the local Google identity
// and a Sheets API stand-in for the first sync's access proof, for scripts that run outside
// vitest (the screenshots). Tests use tests/support/service/service-harness.ts instead, which
// reads vitest's provided Postgres URL and so only loads inside a test run.
import { pino } from 'pino';
import { loadServiceConfig, type ServiceConfig } from '../../../server/config/service-config.ts';
import { startService, type RunningService } from '../../../server/service/start-service.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../sheets-api/sheets-stand-in.ts';
import { startGoogleIdentity, TEST_CLIENT_ID, type GoogleIdentity } from '../service/google-identity.ts';

export interface StandaloneService {
  readonly url: string;
  readonly identity: GoogleIdentity;
  readonly standIn: SheetsStandIn;
  readonly service: RunningService;
  close(): Promise<void>;
}

export async function startStandaloneService(options: { clock: () => Date }): Promise<StandaloneService> {
  const identity = await startGoogleIdentity();
  const standIn = await startSheetsStandIn({ quotaPerMinutePerUser: null });
  const config = loadServiceConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    GOOGLE_OAUTH_CLIENT_ID: TEST_CLIENT_ID,
    GOOGLE_JWKS_URL: identity.jwksUrl,
    SHEETS_API_ROOT_URL: standIn.rootUrl,
    SHEETS_SFA_DATA_DIR: '',
    SHUTDOWN_TIMEOUT_SECONDS: '10',
  });
  const inMemory: ServiceConfig = { ...config, database: { kind: 'pglite', dataDir: null } };
  const service = await startService(inMemory, { logger: pino({ level: 'silent' }), clock: options.clock });
  return {
    url: service.url,
    identity,
    standIn,
    service,
    async close() {
      await service.stop();
      await standIn.close();
      await identity.close();
    },
  };
}

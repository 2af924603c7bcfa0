// The real service on a real database, listening on 127.0.0.1 with a random port; tokens come
// from a local Google identity. Tests talk to it over HTTP with fetch.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startRecompute } from '../../../server/recompute/recompute.ts';
import { loadServiceConfig, type ServiceConfig } from '../../../server/config/service-config.ts';
import { startService, type RunningService, type StartOptions } from '../../../server/service/start-service.ts';
import { createTestDatabase, type TestDatabase } from '../postgres-database.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../sheets-api/sheets-stand-in.ts';
import { startGoogleIdentity, TEST_CLIENT_ID, type GoogleIdentity } from './google-identity.ts';

export const SERVICE_ACCOUNT = 'sheets-sfa@sfa-test.iam.gserviceaccount.com';

export interface ServiceHarness {
  readonly url: string;
  readonly identity: GoogleIdentity;
  readonly service: RunningService;
  readonly config: ServiceConfig;
  /** With `google: true`: the Sheets API stand-in the service's Google source talks to. */
  readonly standIn: SheetsStandIn | null;
  /**
   * fetch against the service with a bearer token for `email` (null: no Authorization header);
   * with a stand-in, also the user's Sheets access token, as the add-on sends it.
   */
  call(method: string, path: string, options?: { as?: string | null; token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

export async function startServiceHarness(
  options: {
    label?: string;
    env?: Record<string, string>;
    clock?: () => Date;
    plugins?: StartOptions['plugins'];
    database?: 'postgres' | 'pglite';
    /** Wire the real recompute plugin to a Sheets API stand-in, through a key file as in production. */
    google?: boolean;
    /** A stand-in the test runs itself: first callers prove access to its sheets. */
    standIn?: SheetsStandIn;
  } = {},
): Promise<ServiceHarness> {
  const identity = await startGoogleIdentity();
  let standIn: SheetsStandIn | null = options.standIn ?? null;
  let keyDir: string | null = null;
  const googleEnv: Record<string, string> = standIn === null ? {} : { SHEETS_API_ROOT_URL: standIn.rootUrl };
  if (options.google === true) {
    standIn = await startSheetsStandIn({ quotaPerMinutePerUser: null });
    keyDir = await mkdtemp(join(tmpdir(), 'sfa-key-'));
    const keyFile = join(keyDir, 'service-account.json');
    await writeFile(keyFile, JSON.stringify(await standIn.createServiceAccount(SERVICE_ACCOUNT)), { mode: 0o600 });
    Object.assign(googleEnv, { GOOGLE_APPLICATION_CREDENTIALS: keyFile, SHEETS_API_ROOT_URL: standIn.rootUrl, RECOMPUTE_ENABLED: 'false' });
  }
  const testDb: TestDatabase | null = options.database === 'pglite' ? null : await createTestDatabase(options.label ?? 'service');
  const config = loadServiceConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    GOOGLE_OAUTH_CLIENT_ID: TEST_CLIENT_ID,
    GOOGLE_JWKS_URL: identity.jwksUrl,
    SHUTDOWN_TIMEOUT_SECONDS: '10',
    ...(testDb === null ? { SHEETS_SFA_DATA_DIR: '' } : { DATABASE_URL: testDb.url }),
    ...googleEnv,
    ...options.env,
  });
  const resolved: ServiceConfig = testDb === null ? { ...config, database: { kind: 'pglite', dataDir: null } } : config;
  const logger = pino({ level: 'silent' });
  // As main.ts wires it: the recompute plugin over the configured service account.
  const googlePlugin: StartOptions['plugins'] = async (db) => {
    const recompute = await startRecompute(resolved, db, { logger, ...(options.clock === undefined ? {} : { clock: options.clock }) });
    return [{ routes: recompute.routes, onSynced: (_id, zone) => recompute.ensureSchedule(zone), stop: (ms) => recompute.stop(ms) }];
  };
  const plugins = options.plugins ?? (options.google === true ? googlePlugin : undefined);
  const service = await startService(resolved, {
    logger,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(plugins === undefined ? {} : { plugins }),
  });
  const tokens = new Map<string, string>();
  return {
    url: service.url,
    identity,
    service,
    config: resolved,
    standIn,
    async call(method, path, { as, token, body, headers = {} } = {}) {
      const h: Record<string, string> = { ...headers };
      let bearer = token;
      if (bearer === undefined && as !== undefined && as !== null) {
        bearer = tokens.get(as) ?? (await identity.token(as));
        tokens.set(as, bearer);
      }
      if (bearer !== undefined) h.authorization = `Bearer ${bearer}`;
      // As the add-on does: its user's own Google access token, proof they can open the sheet.
      if (standIn !== null && as !== undefined && as !== null) h['x-sheets-access-token'] ??= standIn.userToken(as);
      if (body !== undefined) h['content-type'] ??= 'application/json';
      return fetch(`${service.url}${path}`, { method, headers: h, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
    },
    async close() {
      await service.stop();
      await identity.close();
      if (options.standIn === undefined) await standIn?.close();
      if (keyDir !== null) await rm(keyDir, { recursive: true, force: true });
      await testDb?.drop();
    },
  };
}

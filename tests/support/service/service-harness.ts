// The real service on a real database, listening on 127.0.0.1 with a random port; tokens come
// from a local Google identity. Tests talk to it over HTTP with fetch.
import { pino } from 'pino';
import { loadServiceConfig, type ServiceConfig } from '../../../server/config/service-config.ts';
import { startService, type RunningService, type StartOptions } from '../../../server/service/start-service.ts';
import { createTestDatabase, type TestDatabase } from '../postgres-database.ts';
import { startGoogleIdentity, TEST_CLIENT_ID, type GoogleIdentity } from './google-identity.ts';

export interface ServiceHarness {
  readonly url: string;
  readonly identity: GoogleIdentity;
  readonly service: RunningService;
  readonly config: ServiceConfig;
  /** fetch against the service with a bearer token for `email` (null: no Authorization header). */
  call(method: string, path: string, options?: { as?: string | null; token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

export async function startServiceHarness(
  options: { label?: string; env?: Record<string, string>; clock?: () => Date; plugins?: StartOptions['plugins']; database?: 'postgres' | 'pglite' } = {},
): Promise<ServiceHarness> {
  const identity = await startGoogleIdentity();
  const testDb: TestDatabase | null = options.database === 'pglite' ? null : await createTestDatabase(options.label ?? 'service');
  const config = loadServiceConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    GOOGLE_OAUTH_CLIENT_ID: TEST_CLIENT_ID,
    GOOGLE_JWKS_URL: identity.jwksUrl,
    SHUTDOWN_TIMEOUT_SECONDS: '10',
    ...(testDb === null ? { SHEETS_SFA_DATA_DIR: '' } : { DATABASE_URL: testDb.url }),
    ...options.env,
  });
  const resolved: ServiceConfig = testDb === null ? { ...config, database: { kind: 'pglite', dataDir: null } } : config;
  const service = await startService(resolved, {
    logger: pino({ level: 'silent' }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.plugins === undefined ? {} : { plugins: options.plugins }),
  });
  const tokens = new Map<string, string>();
  return {
    url: service.url,
    identity,
    service,
    config: resolved,
    async call(method, path, { as, token, body, headers = {} } = {}) {
      const h: Record<string, string> = { ...headers };
      let bearer = token;
      if (bearer === undefined && as !== undefined && as !== null) {
        bearer = tokens.get(as) ?? (await identity.token(as));
        tokens.set(as, bearer);
      }
      if (bearer !== undefined) h.authorization = `Bearer ${bearer}`;
      if (body !== undefined) h['content-type'] ??= 'application/json';
      return fetch(`${service.url}${path}`, { method, headers: h, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
    },
    async close() {
      await service.stop();
      await identity.close();
      await testDb?.drop();
    },
  };
}

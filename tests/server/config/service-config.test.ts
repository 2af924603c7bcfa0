import { describe, expect, it } from 'vitest';
import { ConfigError, loadServiceConfig } from '../../../server/config/service-config.ts';

const DEV_KEY = 'k'.repeat(32);

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadServiceConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadServiceConfig', () => {
  it('uses the defaults when no variable is set', () => {
    const config = loadServiceConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(8080);
    expect(config.logLevel).toBe('info');
    expect(config.recompute).toEqual({ enabled: false, cron: '0 6 * * *' });
    expect(config.syncBodyLimitBytes).toBe(50 * 1024 * 1024);
    expect(config.shutdownTimeoutMs).toBe(30_000);
    expect(config.auth).toEqual({
      audiences: [],
      jwksUrl: 'https://www.googleapis.com/oauth2/v3/certs',
      issuers: ['https://accounts.google.com', 'accounts.google.com'],
      clockSkewSeconds: 60,
      devKey: null,
    });
    expect(config.google).toEqual({ credentialsPath: null, sheetsRootUrl: null });
    expect(config.database.kind).toBe('pglite');
  });

  it('reads every variable when they are all set', () => {
    const config = loadServiceConfig({
      HOST: '0.0.0.0',
      PORT: '3000',
      LOG_LEVEL: 'debug',
      GOOGLE_OAUTH_CLIENT_ID: 'a.apps.googleusercontent.com',
      GOOGLE_JWKS_URL: 'http://127.0.0.1:9999/certs',
      GOOGLE_ID_TOKEN_ISSUERS: 'https://issuer.test',
      AUTH_CLOCK_SKEW_SECONDS: '5',
      GOOGLE_APPLICATION_CREDENTIALS: ' /etc/sa.json ',
      SHEETS_API_ROOT_URL: 'http://127.0.0.1:8081/',
      RECOMPUTE_CRON: '30 5 * * 1-5',
      SYNC_BODY_LIMIT_MB: '10',
      SHUTDOWN_TIMEOUT_SECONDS: '5',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 3000,
      logLevel: 'debug',
      auth: { audiences: ['a.apps.googleusercontent.com'], jwksUrl: 'http://127.0.0.1:9999/certs', issuers: ['https://issuer.test'], clockSkewSeconds: 5 },
      google: { credentialsPath: '/etc/sa.json', sheetsRootUrl: 'http://127.0.0.1:8081/' },
      recompute: { enabled: true, cron: '30 5 * * 1-5' },
      syncBodyLimitBytes: 10 * 1024 * 1024,
      shutdownTimeoutMs: 5000,
    });
  });

  it('splits GOOGLE_OAUTH_CLIENT_ID on commas, trimming and dropping empty entries', () => {
    const config = loadServiceConfig({ GOOGLE_OAUTH_CLIENT_ID: ' a.apps.googleusercontent.com, b.apps.googleusercontent.com,, ' });
    expect(config.auth.audiences).toEqual(['a.apps.googleusercontent.com', 'b.apps.googleusercontent.com']);
  });

  it('targets Postgres when DATABASE_URL is set', () => {
    expect(loadServiceConfig({ DATABASE_URL: ' postgres://u@db:5432/sfa ' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/sfa' });
  });

  it('targets PGlite under SHEETS_SFA_DATA_DIR when DATABASE_URL is unset', () => {
    expect(loadServiceConfig({ SHEETS_SFA_DATA_DIR: '/var/lib/sfa' }).database).toEqual({ kind: 'pglite', dataDir: '/var/lib/sfa/pglite' });
  });

  it('freezes the config and every part of it', () => {
    const config = loadServiceConfig({ GOOGLE_OAUTH_CLIENT_ID: 'a' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.auth)).toBe(true);
    expect(Object.isFrozen(config.auth.audiences)).toBe(true);
    expect(Object.isFrozen(config.auth.issuers)).toBe(true);
    expect(Object.isFrozen(config.google)).toBe(true);
    expect(Object.isFrozen(config.recompute)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it.each<[string, NodeJS.ProcessEnv, boolean]>([
    ['off when there are no credentials', {}, false],
    ['on when there are credentials', { GOOGLE_APPLICATION_CREDENTIALS: '/etc/sa.json' }, true],
    ['off when RECOMPUTE_ENABLED=false despite credentials', { GOOGLE_APPLICATION_CREDENTIALS: '/etc/sa.json', RECOMPUTE_ENABLED: 'false' }, false],
    ['off when RECOMPUTE_ENABLED=0 despite credentials', { GOOGLE_APPLICATION_CREDENTIALS: '/etc/sa.json', RECOMPUTE_ENABLED: '0' }, false],
    ['on when RECOMPUTE_ENABLED=1 with credentials', { GOOGLE_APPLICATION_CREDENTIALS: '/etc/sa.json', RECOMPUTE_ENABLED: '1' }, true],
    ['off when RECOMPUTE_ENABLED=auto without credentials', { RECOMPUTE_ENABLED: 'auto' }, false],
    ['off when the credentials path is blank', { GOOGLE_APPLICATION_CREDENTIALS: '  ' }, false],
  ])('turns the recompute %s', (_, env, enabled) => {
    expect(loadServiceConfig(env).recompute.enabled).toBe(enabled);
  });

  it.each(['127.0.0.1', '::1', 'localhost', '127.0.0.2'])('accepts the development key when HOST is %s', (host) => {
    expect(loadServiceConfig({ HOST: host, SHEETS_SFA_DEV_AUTH_KEY: DEV_KEY }).auth.devKey).toBe(DEV_KEY);
  });

  it('keeps the development key off when it is blank', () => {
    expect(loadServiceConfig({ HOST: '0.0.0.0', SHEETS_SFA_DEV_AUTH_KEY: '   ' }).auth.devKey).toBeNull();
  });

  it.each<[string, NodeJS.ProcessEnv, string]>([
    ['PORT is above 65535', { PORT: '65536' }, 'PORT:'],
    ['PORT is negative', { PORT: '-1' }, 'PORT:'],
    ['PORT is not a number', { PORT: 'http' }, 'PORT:'],
    ['PORT is fractional', { PORT: '80.5' }, 'PORT:'],
    ['LOG_LEVEL is unknown', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL:'],
    ['the development key is shorter than 32 characters', { SHEETS_SFA_DEV_AUTH_KEY: 'k'.repeat(31) }, 'SHEETS_SFA_DEV_AUTH_KEY: must be at least 32 characters'],
    [
      'the development key comes with HOST=0.0.0.0',
      { HOST: '0.0.0.0', SHEETS_SFA_DEV_AUTH_KEY: DEV_KEY },
      'SHEETS_SFA_DEV_AUTH_KEY: development sign-in only binds to loopback, not HOST=0.0.0.0',
    ],
    ['the development key comes with HOST=::', { HOST: '::', SHEETS_SFA_DEV_AUTH_KEY: DEV_KEY }, 'SHEETS_SFA_DEV_AUTH_KEY: development sign-in only binds to loopback, not HOST=::'],
    [
      'RECOMPUTE_ENABLED=true comes without credentials',
      { RECOMPUTE_ENABLED: 'true' },
      'RECOMPUTE_ENABLED: the daily recompute needs GOOGLE_APPLICATION_CREDENTIALS (a service account key)',
    ],
    ['RECOMPUTE_ENABLED is yes', { RECOMPUTE_ENABLED: 'yes' }, 'RECOMPUTE_ENABLED:'],
    ['RECOMPUTE_CRON has four fields', { RECOMPUTE_CRON: '0 6 * *' }, 'RECOMPUTE_CRON: must be a five-field cron expression'],
    ['RECOMPUTE_CRON is a word', { RECOMPUTE_CRON: 'daily' }, 'RECOMPUTE_CRON: must be a five-field cron expression'],
    ['SHEETS_API_ROOT_URL is not a URL', { SHEETS_API_ROOT_URL: 'sheets.local' }, 'SHEETS_API_ROOT_URL: must be a URL'],
    ['GOOGLE_JWKS_URL is not http(s)', { GOOGLE_JWKS_URL: 'ftp://keys.test/certs' }, 'GOOGLE_JWKS_URL:'],
    ['AUTH_CLOCK_SKEW_SECONDS is above 300', { AUTH_CLOCK_SKEW_SECONDS: '301' }, 'AUTH_CLOCK_SKEW_SECONDS:'],
    ['SYNC_BODY_LIMIT_MB is 0', { SYNC_BODY_LIMIT_MB: '0' }, 'SYNC_BODY_LIMIT_MB:'],
    ['SHUTDOWN_TIMEOUT_SECONDS is above 600', { SHUTDOWN_TIMEOUT_SECONDS: '601' }, 'SHUTDOWN_TIMEOUT_SECONDS:'],
  ])('throws a ConfigError when %s', (_, env, problem) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });

  it('names every bad variable when several are wrong', () => {
    const problems = problemsOf({ PORT: '99999', LOG_LEVEL: 'loud', RECOMPUTE_CRON: 'never' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['PORT', 'LOG_LEVEL', 'RECOMPUTE_CRON']);
  });

  it('names both the host and the recompute problem when both are wrong', () => {
    const problems = problemsOf({ HOST: '0.0.0.0', SHEETS_SFA_DEV_AUTH_KEY: DEV_KEY, RECOMPUTE_ENABLED: 'true' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['SHEETS_SFA_DEV_AUTH_KEY', 'RECOMPUTE_ENABLED']);
  });

  it('puts every problem in the ConfigError message', () => {
    expect(() => loadServiceConfig({ PORT: '99999', LOG_LEVEL: 'loud' })).toThrow(/invalid configuration:\n {2}PORT: .*\n {2}LOG_LEVEL: /);
  });
});

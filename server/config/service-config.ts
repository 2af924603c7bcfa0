import { z } from 'zod';
import type { DatabaseTarget } from '../db/database.ts';
import { databaseTargetFromEnv } from './database-target.ts';
import { isLoopbackHost } from './loopback.ts';

export interface ServiceConfig {
  readonly host: string;
  readonly port: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly database: DatabaseTarget;
  readonly auth: {
    readonly audiences: readonly string[];
    readonly jwksUrl: string;
    readonly issuers: readonly string[];
    readonly clockSkewSeconds: number;
    /** Non-null only when development sign-in was asked for explicitly. */
    readonly devKey: string | null;
  };
  readonly google: {
    /** Path of the service account's JSON key; null leaves the Google source and recompute off. */
    readonly credentialsPath: string | null;
    /** Overrides https://sheets.googleapis.com/ (local stand-ins). */
    readonly sheetsRootUrl: string | null;
  };
  readonly recompute: { readonly enabled: boolean; readonly cron: string };
  readonly syncBodyLimitBytes: number;
  readonly shutdownTimeoutMs: number;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const list = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((s) => s.split(',').map((p) => p.trim()).filter((p) => p !== ''));

const flag = z
  .enum(['true', 'false', '1', '0', 'auto', ''])
  .default('auto')
  .transform((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : null));

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? null : s.trim()));

// Five fields, each a number, range, step, list or `*`: what pg-boss's cron accepts.
const CRON = /^(\S+\s+){4}\S+$/;

/** Every variable the service reads, with its default; the README lists the same table. */
export const SERVICE_ENV = z.object({
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GOOGLE_OAUTH_CLIENT_ID: list(''),
  GOOGLE_JWKS_URL: z.url({ protocol: /^https?$/ }).default('https://www.googleapis.com/oauth2/v3/certs'),
  GOOGLE_ID_TOKEN_ISSUERS: list('https://accounts.google.com,accounts.google.com'),
  AUTH_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(60),
  SHEETS_SFA_DEV_AUTH_KEY: optionalText.refine((k) => k === null || k.length >= 32, 'must be at least 32 characters'),
  GOOGLE_APPLICATION_CREDENTIALS: optionalText,
  SHEETS_API_ROOT_URL: optionalText.refine((u) => u === null || URL.canParse(u), 'must be a URL'),
  RECOMPUTE_ENABLED: flag,
  RECOMPUTE_CRON: z.string().trim().regex(CRON, 'must be a five-field cron expression').default('0 6 * * *'),
  SYNC_BODY_LIMIT_MB: z.coerce.number().int().min(1).max(200).default(50),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
});

/** Reads, validates and freezes the service's configuration; throws a ConfigError naming every bad variable. */
export function loadServiceConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  // A variable set but empty (PORT=) means "not set", not 0.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = SERVICE_ENV.safeParse(given);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.SHEETS_SFA_DEV_AUTH_KEY !== null && !isLoopbackHost(e.HOST)) {
    problems.push(`SHEETS_SFA_DEV_AUTH_KEY: development sign-in only binds to loopback, not HOST=${e.HOST}`);
  }
  const recompute = e.RECOMPUTE_ENABLED ?? e.GOOGLE_APPLICATION_CREDENTIALS !== null;
  if (recompute && e.GOOGLE_APPLICATION_CREDENTIALS === null) {
    problems.push('RECOMPUTE_ENABLED: the daily recompute needs GOOGLE_APPLICATION_CREDENTIALS (a service account key)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    database: databaseTargetFromEnv(env),
    auth: Object.freeze({
      audiences: Object.freeze(e.GOOGLE_OAUTH_CLIENT_ID),
      jwksUrl: e.GOOGLE_JWKS_URL,
      issuers: Object.freeze(e.GOOGLE_ID_TOKEN_ISSUERS),
      clockSkewSeconds: e.AUTH_CLOCK_SKEW_SECONDS,
      devKey: e.SHEETS_SFA_DEV_AUTH_KEY,
    }),
    google: Object.freeze({ credentialsPath: e.GOOGLE_APPLICATION_CREDENTIALS, sheetsRootUrl: e.SHEETS_API_ROOT_URL }),
    recompute: Object.freeze({ enabled: recompute, cron: e.RECOMPUTE_CRON }),
    syncBodyLimitBytes: e.SYNC_BODY_LIMIT_MB * 1024 * 1024,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
  });
}

import { z } from 'zod';
import { ConfigError } from '../config/service-config.ts';
import { isLoopbackHost } from '../config/loopback.ts';

/** How mail leaves: STARTTLS on 587 (the default), TLS from the start on 465, or plain (a local relay). */
export type SmtpSecurity = 'starttls' | 'tls' | 'none';

export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  readonly security: SmtpSecurity;
  readonly user: string | null;
  readonly password: string | null;
  /** The envelope and From: sender, e.g. `sheets-sfa <sfa@example.co.jp>`. */
  readonly from: string;
  /** What the service calls itself in EHLO. */
  readonly heloName: string;
}

/** The daily digest's settings. Nothing is sent unless `enabled`. */
export interface DigestConfig {
  readonly enabled: boolean;
  /** Hour of the day (0–23) in each spreadsheet's time zone from which its digest goes out. */
  readonly hour: number;
  /** Entries older than this are never sent (a new manager's first digest catches up this far). */
  readonly lookbackDays: number;
  /** Null: no mail. */
  readonly smtp: SmtpConfig | null;
  /** Webhook URLs a manager may have their digest posted to must start with one of these. */
  readonly chatUrlPrefixes: readonly string[];
  readonly sendTimeoutMs: number;
}

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? null : s.trim()));

/** Google Chat's incoming webhooks: where a digest may be posted unless the deployment says otherwise. */
export const DEFAULT_CHAT_WEBHOOK_PREFIXES: readonly string[] = Object.freeze(['https://chat.googleapis.com/v1/spaces/']);

/** Every variable the digest reads, with its default (proposed for server/config/service-config.ts). */
export const DIGEST_ENV = z.object({
  DIGEST_ENABLED: z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1'),
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  DIGEST_LOOKBACK_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  DIGEST_SMTP_HOST: optionalText,
  DIGEST_SMTP_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  DIGEST_SMTP_SECURITY: z.enum(['starttls', 'tls', 'none']).default('starttls'),
  DIGEST_SMTP_USER: optionalText,
  DIGEST_SMTP_PASSWORD: optionalText,
  DIGEST_EMAIL_FROM: optionalText,
  DIGEST_SMTP_HELO_NAME: z.string().trim().regex(/^[A-Za-z0-9.-]+$/, 'must be a host name').default('sheets-sfa.invalid'),
  DIGEST_CHAT_WEBHOOK_PREFIXES: z
    .string()
    .default(DEFAULT_CHAT_WEBHOOK_PREFIXES.join(','))
    .transform((s) => s.split(',').map((p) => p.trim()).filter((p) => p !== '')),
  DIGEST_SEND_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
});

/**
 * One allowed webhook prefix as matched (by path prefix on the same origin): a path must end with
 * `/`, as `…/hooks` would also allow `…/hooksX`; a bare origin stands for all of it (`https://host/`).
 */
function checkedWebhookPrefix(prefix: string): { prefix: string; problem: null } | { prefix: null; problem: string } {
  if (!URL.canParse(prefix)) return { prefix: null, problem: `${prefix} is not a URL` };
  const url = new URL(prefix);
  if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname)) return { prefix: null, problem: `${prefix} is not https` };
  if (url.pathname === '/' && url.search === '' && url.hash === '') return { prefix: `${url.origin}/`, problem: null };
  if (!prefix.endsWith('/')) return { prefix: null, problem: `${prefix} must end with "/" (else it also allows ${prefix}X…)` };
  return { prefix, problem: null };
}

const DEFAULT_PORTS: Readonly<Record<SmtpSecurity, number>> = { starttls: 587, tls: 465, none: 25 };

/** Reads and checks the digest's variables; throws a ConfigError naming every bad one. */
export function digestConfigFromEnv(env: NodeJS.ProcessEnv): DigestConfig {
  const given = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('DIGEST_') && v !== undefined && v.trim() !== ''));
  const parsed = DIGEST_ENV.safeParse(given);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const e = parsed.data;
  const problems: string[] = [];
  if (e.DIGEST_SMTP_HOST !== null && e.DIGEST_EMAIL_FROM === null) problems.push('DIGEST_EMAIL_FROM: mail needs a sender address');
  if ((e.DIGEST_SMTP_USER === null) !== (e.DIGEST_SMTP_PASSWORD === null)) problems.push('DIGEST_SMTP_USER and DIGEST_SMTP_PASSWORD go together');
  // A password over a plain connection would cross the network readable.
  if (e.DIGEST_SMTP_HOST !== null && e.DIGEST_SMTP_USER !== null && e.DIGEST_SMTP_SECURITY === 'none' && !isLoopbackHost(e.DIGEST_SMTP_HOST)) {
    problems.push('DIGEST_SMTP_SECURITY: sign-in to a mail server other than this machine needs starttls or tls');
  }
  const chatUrlPrefixes: string[] = [];
  for (const prefix of e.DIGEST_CHAT_WEBHOOK_PREFIXES) {
    const checked = checkedWebhookPrefix(prefix);
    if (checked.problem !== null) problems.push(`DIGEST_CHAT_WEBHOOK_PREFIXES: ${checked.problem}`);
    else chatUrlPrefixes.push(checked.prefix);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const smtp: SmtpConfig | null =
    e.DIGEST_SMTP_HOST === null
      ? null
      : Object.freeze({
          host: e.DIGEST_SMTP_HOST,
          port: e.DIGEST_SMTP_PORT ?? DEFAULT_PORTS[e.DIGEST_SMTP_SECURITY],
          security: e.DIGEST_SMTP_SECURITY,
          user: e.DIGEST_SMTP_USER,
          password: e.DIGEST_SMTP_PASSWORD,
          from: e.DIGEST_EMAIL_FROM ?? '',
          heloName: e.DIGEST_SMTP_HELO_NAME,
        });
  return Object.freeze({
    enabled: e.DIGEST_ENABLED,
    hour: e.DIGEST_HOUR,
    lookbackDays: e.DIGEST_LOOKBACK_DAYS,
    smtp,
    chatUrlPrefixes: Object.freeze(chatUrlPrefixes),
    sendTimeoutMs: e.DIGEST_SEND_TIMEOUT_SECONDS * 1000,
  });
}

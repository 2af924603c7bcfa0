import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import packageJson from '../../package.json' with { type: 'json' };
import type { Caller, TokenVerifier } from '../auth/caller.ts';
import { devTokenVerifier } from '../auth/dev-token-verifier.ts';
import { googleIdTokenVerifier } from '../auth/google-id-token-verifier.ts';
import { verifierChain } from '../auth/token-verifier-chain.ts';
import type { ServiceConfig } from '../config/service-config.ts';
import type { Db } from '../db/database.ts';
import { healthRoutes } from '../health/health.routes.ts';
import { errorMiddleware, notFoundMiddleware } from '../http/error-middleware.ts';
import { mountRoutes } from '../http/mount-routes.ts';
import { openApiDocument } from '../http/openapi.ts';
import type { RouteDef } from '../http/route.ts';
import { memberRoutes } from '../members/member.routes.ts';
import { claimSpreadsheet, rolesOrClaimable } from '../members/member.service.ts';
import { ACCESS_TOKEN_HEADER, sheetsAccessProver, type AccessProver } from '../members/sheet-access-proof.ts';
import { ApiError } from '../http/api-error.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings/sync-settings.ts';
import { pushSyncRoutes } from '../push-sync/push-sync.routes.ts';
import { recomputeRoutes } from '../recompute/recompute.routes.ts';
import { requestRoutes } from '../requests/request.routes.ts';
import { visitRoutes } from '../visits/visit.routes.ts';
import { dealRoutes } from '../deals/deal.routes.ts';
import { feedRoutes } from '../feed/feed.routes.ts';
import type { DigestConfig } from '../digest/digest-config.ts';
import { spreadsheetRoutes } from '../spreadsheets/spreadsheet.routes.ts';
import { InFlight } from './in-flight.ts';

export interface AppDeps {
  readonly db: Db;
  readonly logger: Logger;
  /** Wall clock; the business date of a sync is derived from it in each spreadsheet's time zone. */
  readonly clock?: () => Date;
  /** Replaces the verifier built from the configuration (tests that serve their own JWKS use the config). */
  readonly verifier?: TokenVerifier;
  /** Routes of features wired outside the core (the recompute trigger needs the Google source). */
  readonly extraRoutes?: readonly RouteDef[];
  readonly inFlight?: InFlight;
  readonly onSynced?: (spreadsheetId: string, timeZone: string) => Promise<void>;
  /** Replaces the Sheets API check of a first caller's access (built from config.google.sheetsRootUrl). */
  readonly prover?: AccessProver;
  /** The digest's configuration (DIGEST_*): where managers' Chat webhooks may point. Default: Google Chat's. */
  readonly digest?: Pick<DigestConfig, 'chatUrlPrefixes'>;
}

export interface App {
  readonly app: Express;
  readonly inFlight: InFlight;
  readonly routes: readonly RouteDef[];
}

// Small bodies everywhere but the push sync, which sets its own limit.
const DEFAULT_BODY_LIMIT = 100 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function verifierFor(config: ServiceConfig): TokenVerifier {
  const google = googleIdTokenVerifier({
    jwksUrl: config.auth.jwksUrl,
    audiences: config.auth.audiences,
    issuers: config.auth.issuers,
    clockSkewSeconds: config.auth.clockSkewSeconds,
  });
  const dev = config.auth.devKey === null ? null : devTokenVerifier(config.auth.devKey, config.auth.clockSkewSeconds);
  return verifierChain(google, dev);
}

/** The HTTP API over a migrated database; listening, shutdown and the scheduler are the caller's. */
export function createApp(config: ServiceConfig, deps: AppDeps): App {
  const inFlight = deps.inFlight ?? new InFlight();
  const clock = deps.clock ?? (() => new Date());
  const verifier = deps.verifier ?? verifierFor(config);
  let document: unknown = null;
  const routes: RouteDef[] = [
    ...healthRoutes(deps.db, inFlight, () => document),
    ...spreadsheetRoutes(deps.db),
    ...pushSyncRoutes({
      db: deps.db,
      clock,
      bodyLimitBytes: config.syncBodyLimitBytes,
      ...(deps.onSynced === undefined ? {} : { onSynced: deps.onSynced }),
    }),
    ...memberRoutes(deps.db),
    ...visitRoutes({ db: deps.db, clock }),
    ...dealRoutes({ db: deps.db, clock }),
    ...requestRoutes({ db: deps.db, clock }),
    ...feedRoutes({ db: deps.db, clock }, { chatUrlPrefixes: deps.digest?.chatUrlPrefixes }),
    ...(deps.extraRoutes ?? []),
  ];
  // The API is the same whether or not a service account is configured: unconfigured, the
  // recompute route answers 503 saying what is missing.
  if (!routes.some((r) => r.operationId === 'recomputeSpreadsheet')) routes.push(...recomputeRoutes(null));
  document = openApiDocument(routes, packageJson.version);

  const prover = deps.prover ?? sheetsAccessProver(config.google.sheetsRootUrl);
  // A Google caller proves with their own access token that they can open the spreadsheet; a
  // development caller (loopback only) has no Google account to prove it with.
  const provenFacts = async (spreadsheetId: string, caller: Pick<Caller, 'via'>, req: express.Request) => {
    if (caller.via === 'dev') return { title: spreadsheetId, timeZone: DEFAULT_SETTINGS.timeZone };
    const token = req.headers[ACCESS_TOKEN_HEADER];
    if (typeof token !== 'string' || token.trim() === '') {
      throw new ApiError(403, 'forbidden', `the first sync of a spreadsheet registers it: send ${ACCESS_TOKEN_HEADER}: <ScriptApp.getOAuthToken()> to show you can open it`);
    }
    return prover.prove(spreadsheetId, token.trim());
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(helmet());
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // The request line and status are what an operator needs; headers would repeat on every line.
      serializers: {
        req: (req: { id: unknown; method: unknown; url: unknown; remoteAddress: unknown }) => ({ id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress }),
        res: (res: { statusCode: unknown }) => ({ statusCode: res.statusCode }),
      },
      // Health probes every few seconds would drown the log.
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      customLogLevel: (_req, res, error) => (error !== undefined || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  );
  // Every request is counted from its start, so a shutdown lets the ones already accepted finish
  // (a 50 MB push still uploading included) and turns away only those that arrive after it began.
  app.use((_req, res, next) => {
    if (inFlight.draining) {
      res.setHeader('Connection', 'close');
      next(new ApiError(503, 'unavailable', 'the service is shutting down: retry in a moment'));
      return;
    }
    res.on('close', inFlight.enter());
    next();
  });
  app.use(
    mountRoutes(routes, {
      verifier,
      rolesFor: (spreadsheetId, caller, access) => rolesOrClaimable(deps.db, spreadsheetId, caller.email, access),
      claim: async (spreadsheetId, caller, req) => {
        const facts = await provenFacts(spreadsheetId, caller, req);
        return claimSpreadsheet(deps.db, spreadsheetId, caller.email, facts);
      },
      defaultBodyLimitBytes: DEFAULT_BODY_LIMIT,
    }),
  );
  app.use(notFoundMiddleware);
  app.use(errorMiddleware);
  return { app, inFlight, routes };
}

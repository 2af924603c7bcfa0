import { Router, type Request, type Response } from 'express';
import type { Role } from '../../shared/access/role.ts';
import { authenticate } from '../auth/authenticate.ts';
import type { Caller, TokenVerifier } from '../auth/caller.ts';
import { ApiError } from './api-error.ts';
import { SpreadsheetParams } from './common-schemas.ts';
import { readJsonBody } from './read-json-body.ts';
import { expressPath, type RouteAccess, type RouteDef } from './route.ts';
import { validate } from './validate.ts';

export interface RouteDeps {
  readonly verifier: TokenVerifier;
  /** The caller's roles on a spreadsheet, 'claimable' when they may register it, or a 403 (see member.service). */
  readonly rolesFor: (spreadsheetId: string, caller: Caller, access: Extract<RouteAccess, { kind: 'spreadsheet' }>) => Promise<Role[] | 'claimable'>;
  /** Registers a claimable spreadsheet to the caller once they prove they can open it. */
  readonly claim: (spreadsheetId: string, caller: Caller, req: Request) => Promise<Role[]>;
  readonly defaultBodyLimitBytes: number;
}

/**
 * Runs one request through a route in a fixed order: who is calling, which spreadsheet and what
 * they may do on it, and only then the body, so unauthorised callers cost nothing.
 */
async function serve(route: RouteDef, deps: RouteDeps, req: Request, res: Response): Promise<void> {
  const caller = route.access.kind === 'public' ? null : await authenticate(req, deps.verifier);
  let roles: readonly Role[] | 'claimable' = [];
  let spreadsheetId = '';
  if (route.access.kind === 'spreadsheet') {
    if (caller === null) throw new ApiError(401, 'unauthenticated', 'sign in first');
    // Only the spreadsheet id is checked before the roles: someone without a role learns nothing
    // from how the rest of the path is judged.
    ({ spreadsheetId } = validate(SpreadsheetParams, { spreadsheetId: req.params.spreadsheetId }, 'path'));
    roles = await deps.rolesFor(spreadsheetId, caller, route.access);
  }
  const params = route.params === undefined ? {} : validate(route.params, req.params, 'path');
  const query = route.query === undefined ? {} : validate(route.query, req.query, 'query');
  let body: unknown = undefined;
  if (route.body !== undefined) {
    const raw = await readJsonBody(req, res, route.body.limitBytes ?? deps.defaultBodyLimitBytes);
    body = route.body.parse !== undefined ? route.body.parse(raw) : validate(route.body.schema, raw, 'body');
  }
  // Registration comes last: a malformed first request registers nothing.
  if (roles === 'claimable' && caller !== null) roles = await deps.claim(spreadsheetId, caller, req);
  const result = await route.handle({ req, res, log: req.log, params, query, body, caller, roles: roles === 'claimable' ? [] : roles });
  res.status(result.status ?? 200).json(result.body);
}

/** An Express router serving the routes; Express 5 passes rejected promises to the error middleware. */
export function mountRoutes(routes: readonly RouteDef[], deps: RouteDeps): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](expressPath(route.path), (req, res) => serve(route, deps, req, res));
  }
  return router;
}

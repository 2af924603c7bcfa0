import type { z } from 'zod';
import type { Role } from '../../shared/access/role.ts';
import { isRequestState, type RequestState } from '../../shared/requests/request-state.ts';
import type { WorkflowActor } from '../../shared/requests/request-workflow.ts';
import type { Caller } from '../auth/caller.ts';
import { requestLocale } from '../feed/request-locale.ts';
import { ApiError } from '../http/api-error.ts';
import { SpreadsheetParams } from '../http/common-schemas.ts';
import type { FeatureRouteDeps } from '../http/feature-route-deps.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { requestSettingsRoutes } from './request-settings.routes.ts';
import { ActionBody, FileRequestBody, ListQuery, RequestDetailSchema, RequestEventsSchema, RequestListSchema, RequestParams } from './request.schemas.ts';
import { actOnRequest, fileRequest } from './request.service.ts';
import { requestEvents, requestList, requestView } from './request-view.service.ts';

const DEFAULT_PAGE = 50;

type SheetParams = z.infer<typeof SpreadsheetParams>;
type NoQuery = Record<string, never>;

function actorOf(caller: Caller | null, roles: readonly Role[]): WorkflowActor {
  if (caller === null) throw new ApiError(401, 'unauthenticated', 'sign in first');
  return { email: caller.email, roles };
}

function statesOf(text: string | undefined): RequestState[] | null {
  if (text === undefined) return null;
  const states = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (states.length === 0) return null;
  const bad = states.filter((s) => !isRequestState(s));
  if (bad.length > 0) throw new ApiError(400, 'invalid_request', `query.state: unknown state ${bad.join(', ')}`);
  return states as RequestState[];
}

/** Routes for special requests, their cost and their decisions. */
export function requestRoutes(deps: FeatureRouteDeps): RouteDef[] {
  const { db, clock } = deps;
  const base = '/v1/spreadsheets/{spreadsheetId}/requests';
  return [
    defineRoute<SheetParams, NoQuery, z.infer<typeof FileRequestBody>>({
      method: 'post',
      path: base,
      operationId: 'fileRequest',
      summary: 'File a special request: kept as a draft, or submitted at once',
      tags: ['requests'],
      access: { kind: 'spreadsheet', role: null },
      params: SpreadsheetParams,
      body: { schema: FileRequestBody },
      responses: {
        201: { description: 'The request with its cost lines, route and flags', schema: RequestDetailSchema },
        400: { description: 'A field is missing or wrong (a thin background, an unknown deal or account, a cost the rates cannot price); the message names each' },
      },
      handle: async ({ req, res, params, body, caller, roles }) => {
        const actor = actorOf(caller, roles);
        const locale = requestLocale(req, res);
        const now = clock();
        const parsed = body;
        const id = await fileRequest(db, {
          spreadsheetId: params.spreadsheetId,
          actor,
          clock,
          locale,
          input: {
            type: parsed.type,
            background: parsed.background,
            description: parsed.description,
            alternative: parsed.alternative ?? null,
            cost: parsed.cost,
            account: parsed.account ?? null,
            dealId: parsed.dealId ?? null,
            dealTitle: parsed.dealTitle ?? null,
            submit: parsed.submit === true,
          },
        });
        res.setHeader('Location', `/v1/spreadsheets/${params.spreadsheetId}/requests/${id}`);
        return { status: 201, body: await requestView(db, { spreadsheetId: params.spreadsheetId, requestId: id, actor, now, locale }) };
      },
    }),
    defineRoute<SheetParams, z.infer<typeof ListQuery>>({
      method: 'get',
      path: base,
      operationId: 'listRequests',
      summary: 'Special requests, newest first: by state, account, deal, mine, or awaiting my decision',
      tags: ['requests'],
      access: { kind: 'spreadsheet', role: null },
      params: SpreadsheetParams,
      query: ListQuery,
      responses: { 200: { description: 'One page of requests', schema: RequestListSchema } },
      handle: async ({ req, res, params, query, caller, roles }) => {
        const actor = actorOf(caller, roles);
        const q = query;
        return {
          body: await requestList(db, {
            spreadsheetId: params.spreadsheetId,
            filter: {
              states: statesOf(q.state),
              account: q.account ?? null,
              dealId: q.dealId ?? null,
              requesterEmail: q.mine === true ? actor.email : null,
              awaiting: q.awaitingMe === true ? actor : null,
              includeRemoved: q.includeRemoved === true,
            },
            limit: q.limit ?? DEFAULT_PAGE,
            cursor: q.cursor ?? null,
            locale: requestLocale(req, res),
          }),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: `${base}/{requestId}`,
      operationId: 'getRequest',
      summary: 'The approver\'s view: the request, its cost lines, the alternative, the deal, the account\'s last 12 months and the flags',
      tags: ['requests'],
      access: { kind: 'spreadsheet', role: null },
      params: RequestParams,
      responses: {
        200: { description: 'The request and everything needed to decide it', schema: RequestDetailSchema },
        404: { description: 'No such request' },
      },
      handle: async ({ req, res, params, caller, roles }) => {
        const actor = actorOf(caller, roles);
        return { body: await requestView(db, { spreadsheetId: params.spreadsheetId, requestId: params.requestId, actor, now: clock(), locale: requestLocale(req, res) }) };
      },
    }),
    defineRoute<z.infer<typeof RequestParams>, NoQuery, z.infer<typeof ActionBody>>({
      method: 'post',
      path: `${base}/{requestId}/actions`,
      operationId: 'actOnRequest',
      summary: 'Submit, resubmit, approve, reject, return (差戻し), recall or revise a request',
      tags: ['requests'],
      access: { kind: 'spreadsheet', role: null },
      params: RequestParams,
      body: { schema: ActionBody },
      responses: {
        200: { description: 'The request after the action', schema: RequestDetailSchema },
        400: { description: 'A comment is missing (reject, return), the background is too thin, or the changes are wrong' },
        403: { description: 'Not the requester, not holding the step\'s role, or deciding one\'s own request' },
        404: { description: 'No such request' },
        409: { description: 'The request changed meanwhile (another decision won), or the action does not apply to its state' },
      },
      handle: async ({ req, res, params, body, caller, roles }) => {
        const actor = actorOf(caller, roles);
        const locale = requestLocale(req, res);
        const now = clock();
        const parsed = body;
        await actOnRequest(db, {
          spreadsheetId: params.spreadsheetId,
          requestId: params.requestId,
          actor,
          clock,
          locale,
          input: {
            action: parsed.action,
            comment: parsed.comment ?? null,
            expectedVersion: parsed.expectedVersion ?? null,
            changes: parsed.changes === undefined ? null : stripUndefined(parsed.changes),
          },
        });
        return { body: await requestView(db, { spreadsheetId: params.spreadsheetId, requestId: params.requestId, actor, now, locale }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: `${base}/{requestId}/events`,
      operationId: 'listRequestEvents',
      summary: 'The request\'s audit trail, oldest first: every transition with actor, time, states, comment and cost',
      tags: ['requests'],
      access: { kind: 'spreadsheet', role: null },
      params: RequestParams,
      responses: {
        200: { description: 'The events', schema: RequestEventsSchema },
        404: { description: 'No such request' },
      },
      handle: async ({ params }) => ({ body: { events: await requestEvents(db, params.spreadsheetId, params.requestId) } }),
    }),
    ...requestSettingsRoutes(deps),
  ];
}

// exactOptionalPropertyTypes-safe: a key given as undefined is a key not given.
function stripUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

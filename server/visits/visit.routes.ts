import { z } from 'zod';
import type { FeatureRouteDeps } from '../http/feature-route-deps.ts';
import { ApiError } from '../http/api-error.ts';
import { SpreadsheetParams } from '../http/common-schemas.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { planWire } from '../push-sync/plan-wire.ts';
import { decodeCursor, encodeCursor } from './visit-cursor.ts';
import { listVisits, type StoredVisit } from './visit.repository.ts';
import { LoggedVisit, VisitBody, VisitListQuery, VisitPage, VoiceEntry, VoicePage, VoiceParams, VoiceQuery, type VisitSchema } from './visit.schemas.ts';
import { logVisit } from './visit.service.ts';

function visitView(v: StoredVisit): z.infer<typeof VisitSchema> {
  return {
    id: v.id,
    visitedOn: v.visit.visitedOn,
    account: v.visit.account,
    dealId: v.dealId,
    dealTitle: v.visit.dealTitle,
    owner: v.visit.owner,
    met: v.visit.met,
    attendees: v.visit.attendees,
    discussed: v.visit.discussed,
    customerAsked: v.visit.customerAsked,
    nextAction: v.visit.nextAction,
    nextActionOn: v.visit.nextActionOn,
    ballAfter: v.visit.ballAfter,
    loggedBy: v.loggedBy,
    loggedAt: v.loggedAt.toISOString(),
    onSheet: v.onSheet,
  };
}

/** One page of newest-first rows: the extra row fetched says whether there is a next page. */
function page<T>(rows: readonly StoredVisit[], limit: number, view: (v: StoredVisit) => T): { items: T[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { items: shown.map(view), nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last.cursor) : null };
}

/** Routes for visits logged from the sidebar, and the voice of the customer per account. */
export function visitRoutes(deps: FeatureRouteDeps): RouteDef[] {
  return [
    defineRoute<z.infer<typeof SpreadsheetParams>, Record<string, never>, VisitBody>({
      method: 'post',
      path: '/v1/spreadsheets/{spreadsheetId}/visits',
      operationId: 'logVisit',
      summary: 'Log a visit: stored at once, its deal\'s flags recomputed; apply `plan` to add its row to the visits tab and update the deal row',
      tags: ['visits'],
      access: { kind: 'spreadsheet', role: null },
      params: SpreadsheetParams,
      body: { schema: VisitBody },
      responses: {
        201: { description: 'The visit, its deal\'s new flags and the plan for the sheet', schema: LoggedVisit },
        400: { description: 'A field is missing or malformed, the visit is in the future, or the next action is before it' },
        422: { description: 'The deal or account is not known on this spreadsheet (the closest names are suggested)' },
      },
      handle: async ({ params, body, caller }) => {
        const result = await logVisit(deps.db, { spreadsheetId: params.spreadsheetId, caller: caller?.email ?? '', body, at: deps.clock() });
        return {
          status: 201,
          body: { visit: visitView(result.visit), deal: result.deal, plan: planWire(result.plan) },
        };
      },
    }),
    defineRoute<z.infer<typeof SpreadsheetParams>, z.infer<typeof VisitListQuery>>({
      method: 'get',
      path: '/v1/spreadsheets/{spreadsheetId}/visits',
      operationId: 'listVisits',
      summary: 'Visits of one deal (dealId) or one account (account), newest first, paginated',
      tags: ['visits'],
      access: { kind: 'spreadsheet', role: null },
      params: SpreadsheetParams,
      query: VisitListQuery,
      responses: { 200: { description: 'One page of visits', schema: VisitPage } },
      handle: async ({ params, query }) => {
        if ((query.dealId === undefined) === (query.account === undefined)) {
          throw new ApiError(400, 'invalid_request', 'query: give exactly one of dealId and account');
        }
        const before = query.before === undefined ? null : decodeCursor(query.before);
        const filter = query.dealId !== undefined ? { dealId: query.dealId } : { account: query.account ?? '' };
        const rows = await listVisits(deps.db, params.spreadsheetId, filter, query.limit, before);
        const { items, nextCursor } = page(rows, query.limit, visitView);
        return { body: { visits: items, nextCursor } };
      },
    }),
    defineRoute<z.infer<typeof VoiceParams>, z.infer<typeof VoiceQuery>>({
      method: 'get',
      path: '/v1/spreadsheets/{spreadsheetId}/accounts/{account}/voice',
      operationId: 'accountVoice',
      summary: 'The voice of the customer: what the account asked for on visits, newest first, searchable (q)',
      tags: ['visits'],
      access: { kind: 'spreadsheet', role: null },
      params: VoiceParams,
      query: VoiceQuery,
      responses: { 200: { description: 'One page of what the customer asked for', schema: VoicePage } },
      handle: async ({ params, query }) => {
        const before = query.before === undefined ? null : decodeCursor(query.before);
        const filter = { account: params.account, askedOnly: true, ...(query.q === undefined || query.q === '' ? {} : { asked: query.q }) };
        const rows = await listVisits(deps.db, params.spreadsheetId, filter, query.limit, before);
        const { items, nextCursor } = page(rows, query.limit, (v): z.infer<typeof VoiceEntry> => ({
          visitId: v.id,
          visitedOn: v.visit.visitedOn,
          account: v.visit.account,
          dealId: v.dealId,
          dealTitle: v.visit.dealTitle,
          owner: v.visit.owner,
          met: v.visit.met,
          customerAsked: v.visit.customerAsked ?? '',
        }));
        return { body: { account: params.account, entries: items, nextCursor } };
      },
    }),
  ];
}

import type { z } from 'zod';
import { ApiError } from '../http/api-error.ts';
import { SpreadsheetParams } from '../http/common-schemas.ts';
import type { FeatureRouteDeps } from '../http/feature-route-deps.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { RequestSettingsBody, RequestSettingsSchema } from './request.schemas.ts';
import { replaceRequestSettings, requestSettingsOf, type RequestSettingsView } from './request-settings.service.ts';

function settingsJson(view: RequestSettingsView) {
  return { policy: view.policy, overrides: view.overrides, updatedAt: view.updatedAt?.toISOString() ?? null, updatedBy: view.updatedBy };
}

/** Reading the request policy (rates, routing, flag ratios, type labels) and, for admins, changing it. */
export function requestSettingsRoutes(deps: FeatureRouteDeps): RouteDef[] {
  const { db, clock } = deps;
  const path = '/v1/spreadsheets/{spreadsheetId}/request-settings';
  return [
    defineRoute({
      method: 'get',
      path,
      operationId: 'getRequestSettings',
      summary: 'The request policy in effect and the overrides saved for this spreadsheet',
      tags: ['requests'],
      access: { kind: 'spreadsheet', role: null },
      params: SpreadsheetParams,
      responses: { 200: { description: 'The policy', schema: RequestSettingsSchema } },
      handle: async ({ params }) => ({ body: settingsJson(await requestSettingsOf(db, params.spreadsheetId)) }),
    }),
    defineRoute<z.infer<typeof SpreadsheetParams>, Record<string, never>, z.infer<typeof RequestSettingsBody>>({
      method: 'put',
      path,
      operationId: 'putRequestSettings',
      summary: 'Replace the request policy overrides (admin); every bad field is listed',
      tags: ['requests'],
      access: { kind: 'spreadsheet', role: 'admin' },
      params: SpreadsheetParams,
      body: { schema: RequestSettingsBody },
      responses: {
        200: { description: 'The policy now in effect', schema: RequestSettingsSchema },
        400: { description: 'A field is unknown or out of range; the message lists them all' },
      },
      handle: async ({ params, body, caller }) => {
        if (caller === null) throw new ApiError(401, 'unauthenticated', 'sign in first');
        return { body: settingsJson(await replaceRequestSettings(db, params.spreadsheetId, body, caller.email, clock())) };
      },
    }),
  ];
}

import type { z } from 'zod';
import { ApiError } from '../http/api-error.ts';
import type { FeatureRouteDeps } from '../http/feature-route-deps.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { requestLocale } from '../feed/request-locale.ts';
import { DealCardSchema, DealParams } from './deal.schemas.ts';
import { dealView } from './deal-view.service.ts';

/** The sidebar's deal card. */
export function dealRoutes({ db, clock }: FeatureRouteDeps): RouteDef[] {
  return [
    defineRoute<z.infer<typeof DealParams>>({
      method: 'get',
      path: '/v1/spreadsheets/{spreadsheetId}/deals/{dealId}',
      operationId: 'getDeal',
      summary: 'One deal\'s card: stage, days in stage, the ball and for how long, next action, and each flag with its reason, as of today in the spreadsheet\'s time zone (labels in the Accept-Language: ja or en; ja by default)',
      tags: ['deals'],
      access: { kind: 'spreadsheet', role: null },
      params: DealParams,
      responses: {
        200: { description: 'The deal', schema: DealCardSchema },
        404: { description: 'No such deal on this spreadsheet' },
      },
      handle: async ({ req, res, params }) => {
        const view = await dealView(db, { spreadsheetId: params.spreadsheetId, dealId: params.dealId, locale: requestLocale(req, res), now: clock() });
        if (view === null) throw new ApiError(404, 'not_found', `no deal ${params.dealId} on this spreadsheet`);
        return { body: view };
      },
    }),
  ];
}

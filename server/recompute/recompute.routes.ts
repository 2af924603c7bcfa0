import type { z } from 'zod';
import { ApiError } from '../http/api-error.ts';
import { SpreadsheetParams } from '../http/common-schemas.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { PushSyncResponse, responseOf } from '../push-sync/sync-response.ts';
import type { SyncReport } from '../sync/sync-report.ts';

export type RunNow = (spreadsheetId: string, requestedBy: string | null) => Promise<SyncReport>;

/**
 * An admin's "recompute now": the daily recompute of one spreadsheet, on demand. Without a
 * service account (runNow null) the route still exists and says what is missing.
 */
export function recomputeRoutes(runNow: RunNow | null): RouteDef[] {
  return [
    defineRoute<z.infer<typeof SpreadsheetParams>>({
      method: 'post',
      path: '/v1/spreadsheets/{spreadsheetId}/recompute',
      operationId: 'recomputeSpreadsheet',
      summary: 'Re-sync the spreadsheet now through the Google Sheets API as the service account, refreshing its flags in the sheet',
      tags: ['sync'],
      access: { kind: 'spreadsheet', role: 'admin' },
      params: SpreadsheetParams,
      responses: {
        200: { description: 'The recompute ran and its cells are written in the sheet', schema: PushSyncResponse },
        409: { description: 'A recompute of this spreadsheet is already running' },
        422: { description: 'The sheet could not be synced (no deals tab found, an invalid mapping)' },
        502: { description: 'The service account cannot open or write the sheet (not shared with it), or Google failed' },
        503: { description: 'The service is shutting down, or has no Google service account configured' },
      },
      handle: async ({ params, caller }) => {
        if (runNow === null) {
          throw new ApiError(503, 'unavailable', 'this service has no Google service account: set GOOGLE_APPLICATION_CREDENTIALS to recompute through the Google Sheets API');
        }
        return { body: responseOf(await runNow(params.spreadsheetId, caller?.email ?? '')) };
      },
    }),
  ];
}

import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { SpreadsheetParams } from '../http/common-schemas.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { parsePushPayload } from './parse-push-payload.ts';
import { PushPayloadSchema, type PushPayload } from './push-payload.ts';
import { pushSync } from './push-sync.service.ts';
import { PushSyncResponse, responseOf } from './sync-response.ts';

export interface PushSyncDeps {
  readonly db: Db;
  readonly clock: () => Date;
  readonly bodyLimitBytes: number;
  /** Told after every stored push sync (the recompute schedules the sheet's time zone). */
  readonly onSynced?: (spreadsheetId: string, timeZone: string) => Promise<void>;
}

/** The add-on's sync: the mapped tabs' rows in, the write plan out. */
export function pushSyncRoutes(deps: PushSyncDeps): RouteDef[] {
  return [
    defineRoute<z.infer<typeof SpreadsheetParams>, Record<string, never>, PushPayload>({
      method: 'post',
      path: '/v1/spreadsheets/{spreadsheetId}/sync',
      operationId: 'pushSync',
      summary:
        'Sync the rows the add-on read (JSON, optionally Content-Encoding: gzip), with the set-up\'s mapping when given (stored for later pushes); the first caller of a new spreadsheet, proving access with X-Sheets-Access-Token, becomes its admin',
      tags: ['sync'],
      access: { kind: 'spreadsheet', role: null, claimUnclaimed: true },
      params: SpreadsheetParams,
      body: { schema: PushPayloadSchema, limitBytes: deps.bodyLimitBytes, parse: parsePushPayload },
      responses: {
        200: { description: 'The sync ran; apply `plan` to the sheet', schema: PushSyncResponse },
        400: { description: 'The body is malformed, or its mapping names a tab, header row or column the sheet lacks; the message names each by its path' },
        422: { description: 'The sheet could not be synced (no deals tab found)' },
      },
      handle: async ({ params, body, caller, log }) => {
        const report = await pushSync(deps.db, { spreadsheetId: params.spreadsheetId, payload: body, requestedBy: caller?.email ?? '', now: deps.clock(), clock: deps.clock });
        if (!report.dryRun && deps.onSynced !== undefined) {
          // The add-on is waiting for its plan; a scheduling hiccup is logged, not its problem.
          await deps.onSynced(params.spreadsheetId, body.timeZone).catch((error: unknown) => log.warn({ err: error }, 'after-sync hook failed'));
        }
        return { body: responseOf(report) };
      },
    }),
  ];
}

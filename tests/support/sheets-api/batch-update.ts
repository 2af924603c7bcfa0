// spreadsheets.batchUpdate: every subrequest is applied to a draft in order, and the draft
// replaces the spreadsheet only when all of them succeeded.

import type { sheets_v4 } from 'googleapis';
import { KNOWN_REQUEST_KINDS, REQUEST_HANDLERS } from './batch-update-requests.ts';
import type { RequestKind } from './batch-update-requests.ts';
import { invalidArgument, RequestRejection } from './google-error.ts';
import type { RequestContext, RequestReply } from './request-context.ts';
import { beginDraft } from './spreadsheet-draft.ts';
import { takenIds } from './spreadsheet-model.ts';
import type { SpreadsheetModel } from './spreadsheet-model.ts';
import { spreadsheetView } from './spreadsheet-view.ts';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(request: unknown, index: number): RequestKind {
  if (!isObject(request)) throw invalidArgument(`Invalid requests[${index}]: expected an object.`);
  const keys = Object.keys(request).filter((key) => request[key] !== undefined && request[key] !== null);
  const unknown = keys.find((key) => !KNOWN_REQUEST_KINDS.has(key));
  if (unknown !== undefined) {
    throw invalidArgument(`Invalid JSON payload received. Unknown name "${unknown}" at 'requests[${index}]': Cannot find field.`);
  }
  const [kind, second] = keys;
  if (kind === undefined) throw invalidArgument(`Invalid requests[${index}]: No request set.`);
  if (second !== undefined) {
    throw invalidArgument(`Invalid JSON payload received. Oneof field 'kind' is already set. Cannot set '${second}' at 'requests[${index}]'.`);
  }
  return kind as RequestKind;
}

function run(kind: RequestKind, request: unknown, context: RequestContext): RequestReply {
  const handler = REQUEST_HANDLERS[kind] as ((request: unknown, context: RequestContext) => RequestReply) | undefined;
  if (handler === undefined) throw new RequestRejection(`the Sheets stand-in does not implement ${kind}.`);
  return handler(isObject(request) ? request : {}, context);
}

export interface BatchUpdateResult {
  doc: SpreadsheetModel;
  response: sheets_v4.Schema$BatchUpdateSpreadsheetResponse;
}

export function batchUpdate(original: SpreadsheetModel, body: unknown): BatchUpdateResult {
  const input = isObject(body) ? (body as sheets_v4.Schema$BatchUpdateSpreadsheetRequest) : {};
  const requests: unknown[] = Array.isArray(input.requests) ? input.requests : [];
  if (requests.length === 0) throw invalidArgument('Must specify at least one request.');
  const draft = beginDraft(original);
  const context: RequestContext = { draft, doc: draft.doc, takenIds: takenIds(original) };
  const replies: sheets_v4.Schema$Response[] = [];
  requests.forEach((request, index) => {
    const kind = kindOf(request, index);
    try {
      replies.push(run(kind, (request as Record<string, unknown>)[kind], context) ?? {});
    } catch (error) {
      if (error instanceof RequestRejection) throw invalidArgument(`Invalid requests[${index}].${kind}: ${error.message}`);
      throw error;
    }
  });
  const response: sheets_v4.Schema$BatchUpdateSpreadsheetResponse = { spreadsheetId: original.spreadsheetId, replies };
  if (input.includeSpreadsheetInResponse === true) {
    response.updatedSpreadsheet = spreadsheetView(draft.doc, {
      ranges: input.responseRanges ?? [],
      includeGridData: input.responseIncludeGridData === true,
      mask: null,
    });
  }
  return { doc: draft.doc, response };
}

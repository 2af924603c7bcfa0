// One request through the stand-in: fault injection, authentication, quota, routing, sharing,
// then the method itself; every request is recorded, refused ones included, with the status the
// caller saw.

import type { sheets_v4 } from 'googleapis';
import { AccessControl, canOpen, insufficientScopes } from './access.ts';
import type { Caller } from './access.ts';
import { batchUpdate } from './batch-update.ts';
import { metadataView, searchDeveloperMetadata } from './developer-metadata.ts';
import type { FaultQueue, FaultStatus } from './faults.ts';
import { parseFieldMask, pruneByMask } from './field-mask.ts';
import type { FieldMask } from './field-mask.ts';
import { GoogleApiError, invalidArgument, notFound, permissionDenied, serverFault } from './google-error.ts';
import type { HttpExchange, HttpReply } from './http-server.ts';
import { quotaExceeded } from './quota.ts';
import type { QuotaLimiter, RequestKind } from './quota.ts';
import { isReadEndpoint, matchRoute } from './routes.ts';
import type { Route } from './routes.ts';
import type { RecordedRequest } from './sheets-stand-in.ts';
import type { SpreadsheetModel } from './spreadsheet-model.ts';
import { spreadsheetView } from './spreadsheet-view.ts';
import {
  valuesAppend,
  valuesBatchClear,
  valuesBatchGet,
  valuesBatchUpdate,
  valuesClear,
  valuesGet,
  valuesUpdate,
} from './values-endpoints.ts';

export interface StandInState {
  store: Map<string, SpreadsheetModel>;
  access: AccessControl;
  quota: QuotaLimiter;
  faults: FaultQueue;
  log: RecordedRequest[];
}

function parseBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw invalidArgument('Invalid JSON payload received. Unexpected token.');
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function serve(state: StandInState, route: Route, doc: SpreadsheetModel, query: URLSearchParams, body: unknown, mask: FieldMask | null): unknown {
  const range = route.range ?? '';
  switch (route.endpoint) {
    case 'spreadsheets.get':
      return spreadsheetView(doc, {
        ranges: query.getAll('ranges'),
        includeGridData: query.get('includeGridData') === 'true',
        mask,
      });
    case 'spreadsheets.batchUpdate': {
      const result = batchUpdate(doc, body);
      state.store.set(doc.spreadsheetId, result.doc);
      return result.response;
    }
    case 'values.get':
      return valuesGet(doc, range, query);
    case 'values.batchGet':
      return valuesBatchGet(doc, query);
    case 'values.update':
      return valuesUpdate(doc, range, query, body);
    case 'values.batchUpdate':
      return valuesBatchUpdate(doc, body);
    case 'values.append':
      return valuesAppend(doc, range, query, body);
    case 'values.clear':
      return valuesClear(doc, range);
    case 'values.batchClear':
      return valuesBatchClear(doc, body);
    case 'developerMetadata.search':
      return searchDeveloperMetadata(doc, body as sheets_v4.Schema$SearchDeveloperMetadataRequest);
    case 'developerMetadata.get': {
      const id = Number(route.metadataId);
      const entry = doc.metadata.find((m) => m.metadataId === id);
      if (entry === undefined) throw notFound();
      return metadataView(entry);
    }
  }
}

export async function handleExchange(state: StandInState, exchange: HttpExchange): Promise<HttpReply> {
  const url = new URL(exchange.url, 'http://stand-in.invalid');
  const method = exchange.method.toUpperCase();
  const route = matchRoute(method, url.pathname);
  const kind: RequestKind = route === null ? (method === 'GET' ? 'read' : 'write') : isReadEndpoint(route.endpoint) ? 'read' : 'write';
  const authentication = await state.access.authenticate(exchange.authorization);
  const known: Caller | null = authentication instanceof GoogleApiError ? null : authentication;
  const path = safeDecode(url.pathname);

  const fault = state.faults.take(method, `${path}${safeDecode(url.search)}`);
  const faultError = (status: FaultStatus): GoogleApiError => (status === 429 ? quotaExceeded(kind, known?.projectNumber ?? '0', null) : serverFault(status));
  const served = ((): HttpReply => {
    try {
      // Injected faults come first: they stand for failures in front of Google's auth layer.
      if (fault !== null && !fault.applied) throw faultError(fault.status);
      if (authentication instanceof GoogleApiError) throw authentication;
      const caller = authentication;
      if (caller.access === 'none' || (kind === 'write' && caller.access === 'read')) throw insufficientScopes();
      state.quota.take(caller.email, kind, caller.projectNumber);
      if (route === null) throw notFound('Method not found.');
      const doc = state.store.get(route.spreadsheetId);
      if (doc === undefined) throw notFound();
      if (!canOpen(doc, caller)) throw permissionDenied();
      const fields = url.searchParams.get('fields');
      const mask = fields === null || fields === '' ? null : parseFieldMask(fields);
      const body = method === 'GET' ? {} : parseBody(exchange.body);
      const result = serve(state, route, doc, url.searchParams, body, mask);
      return { status: 200, body: mask === null ? result : pruneByMask(result, mask) };
    } catch (error) {
      if (error instanceof GoogleApiError) return { status: error.code, body: error.body() };
      // A bug in the stand-in: answer 500 (recorded like any other) with the cause for debugging.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      return { status: 500, body: { error: { code: 500, message: `Sheets stand-in failure: ${message}`, status: 'INTERNAL' } } };
    }
  })();
  // An applied fault: the request above was served and its changes kept, but the answer is lost.
  const reply = fault?.applied === true ? { status: fault.status, body: faultError(fault.status).body() } : served;

  state.log.push({
    method,
    path,
    status: reply.status,
    requestBytes: exchange.body.length,
    caller: known?.email ?? null,
    kind,
  });
  return reply;
}

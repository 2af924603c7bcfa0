// A local Google Sheets API v4 for tests and benchmarks: a node:http server on 127.0.0.1 that
// speaks the real wire protocol, so code under test drives it through the real `googleapis`
// client (`google.sheets({ version: 'v4', rootUrl: standIn.rootUrl, auth })`).

import type { sheets_v4 } from 'googleapis';
import { AccessControl } from './access.ts';
import { interpretInput, writeInput } from './cell-values.ts';
import type { ValueInputOption } from './cell-values.ts';
import { FaultQueue } from './faults.ts';
import type { FaultMatch, FaultOptions } from './faults.ts';
import { startHttpServer } from './http-server.ts';
import { newObjectId, newSpreadsheetId } from './ids.ts';
import { QuotaLimiter } from './quota.ts';
import { handleExchange } from './request-pipeline.ts';
import type { StandInState } from './request-pipeline.ts';
import { emptySheet, findSheetByTitle } from './spreadsheet-model.ts';
import type { SheetModel, SpreadsheetModel } from './spreadsheet-model.ts';
import { spreadsheetView } from './spreadsheet-view.ts';
import { renderBounds } from './values-read.ts';

export type StandInCell = string | number | boolean | null;

/** The JSON a GOOGLE_APPLICATION_CREDENTIALS file holds. */
export interface ServiceAccountKey {
  type: 'service_account';
  client_email: string;
  private_key: string;
  private_key_id: string;
  client_id: string;
  token_uri: string;
  project_id: string;
}

export interface StandInSheetInput {
  title: string;
  /**
   * Cells as a person typed them: strings are parsed like USER_ENTERED ("2026/11/20" becomes a
   * date serial with a date format, "1,200" the number 1200, "=A1*2" a formula, "'0012" the
   * text 0012); numbers and booleans are stored as they are; null leaves the cell empty.
   */
  rows?: StandInCell[][];
  /** Defaults to max(1000, rows.length). */
  rowCount?: number;
  /** Defaults to max(26, widest row). */
  columnCount?: number;
  frozenRowCount?: number;
  /** Extension: 'RAW' stores strings verbatim instead of parsing them as typed. */
  valueInputOption?: ValueInputOption;
}

export interface RecordedRequest {
  method: string;
  /** Decoded path without the query, e.g. /v4/spreadsheets/<id>/values:batchGet */
  path: string;
  status: number;
  requestBytes: number;
  caller: string | null;
  kind: 'read' | 'write';
}

export interface SheetsStandIn {
  /** e.g. 'http://127.0.0.1:40123/' (trailing slash); pass as googleapis rootUrl. */
  readonly rootUrl: string;
  /** A fresh RSA key pair registered as a service account; its self-signed JWTs are accepted. */
  createServiceAccount(email: string): Promise<ServiceAccountKey>;
  /** An opaque OAuth access token for a human user (OAuth2Client.setCredentials({ access_token })). */
  userToken(email: string): string;
  createSpreadsheet(input: {
    title: string;
    timeZone?: string;
    locale?: string;
    sheets: StandInSheetInput[];
    sharedWith?: string[];
    spreadsheetId?: string;
  }): string;
  share(spreadsheetId: string, email: string): void;
  unshare(spreadsheetId: string, email: string): void;
  /** Effective values of a tab as UNFORMATTED_VALUE would return them, trailing empties trimmed. */
  values(spreadsheetId: string, sheetTitle: string): StandInCell[][];
  /** Read-only snapshot of a spreadsheet, as spreadsheets.get with includeGridData=true returns it. */
  inspect(spreadsheetId: string): sheets_v4.Schema$Spreadsheet;
  readonly requests: readonly RecordedRequest[];
  resetRequests(): void;
  /**
   * The next `count` matching requests answer with an error in Google's JSON shape instead of being
   * served. `after`: the first k matching requests are served first. `applied`: each failed request
   * is served and its changes kept, only its answer replaced by the error (a lost response).
   */
  failNext(match: { method?: string; pathIncludes?: string }, status: 429 | 500 | 503, count?: number, options?: FaultOptions): void;
  close(): Promise<void>;
}

function seedSheet(sheet: SheetModel, rows: StandInCell[][], option: ValueInputOption, locale: string): void {
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== undefined) writeInput(sheet, r, c, interpretInput(value, option, undefined, locale));
    }),
  );
}

function buildSpreadsheet(input: Parameters<SheetsStandIn['createSpreadsheet']>[0], spreadsheetId: string): SpreadsheetModel {
  const doc: SpreadsheetModel = {
    spreadsheetId,
    title: input.title,
    locale: input.locale ?? 'en_US',
    timeZone: input.timeZone ?? 'Etc/GMT',
    sheets: [],
    metadata: [],
    sharedWith: new Set((input.sharedWith ?? []).map((email) => email.toLowerCase())),
  };
  const sheetInputs = input.sheets.length > 0 ? input.sheets : [{ title: 'Sheet1' }];
  const ids = new Set<number>();
  sheetInputs.forEach((sheetInput, i) => {
    const rows = sheetInput.rows ?? [];
    const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
    const rowCount = sheetInput.rowCount ?? Math.max(1000, rows.length);
    const columnCount = sheetInput.columnCount ?? Math.max(26, width);
    if (rows.length > rowCount || width > columnCount) {
      throw new Error(`Sheet "${sheetInput.title}": ${rows.length}x${width} cells do not fit a ${rowCount}x${columnCount} grid`);
    }
    if (doc.sheets.some((s) => s.title.toLowerCase() === sheetInput.title.toLowerCase())) {
      throw new Error(`Duplicate sheet title "${sheetInput.title}"`);
    }
    // Like Google: the first sheet is 0, later ones random positive int32s.
    const sheetId = i === 0 ? 0 : newObjectId(ids);
    ids.add(sheetId);
    const sheet = emptySheet(sheetId, sheetInput.title, rowCount, columnCount);
    sheet.frozenRowCount = sheetInput.frozenRowCount ?? 0;
    seedSheet(sheet, rows, sheetInput.valueInputOption ?? 'USER_ENTERED', doc.locale);
    doc.sheets.push(sheet);
  });
  return doc;
}

export async function startSheetsStandIn(options: { quotaPerMinutePerUser?: number | null; clock?: () => number } = {}): Promise<SheetsStandIn> {
  let rootUrl = '';
  const state: StandInState = {
    store: new Map(),
    access: new AccessControl(() => rootUrl),
    quota: new QuotaLimiter(options.quotaPerMinutePerUser === undefined ? 60 : options.quotaPerMinutePerUser, options.clock ?? Date.now),
    faults: new FaultQueue(),
    log: [],
  };
  const server = await startHttpServer((exchange) => handleExchange(state, exchange));
  rootUrl = server.url;

  const spreadsheet = (id: string): SpreadsheetModel => {
    const doc = state.store.get(id);
    if (doc === undefined) throw new Error(`No spreadsheet with id ${id} in the stand-in`);
    return doc;
  };

  return {
    rootUrl,
    createServiceAccount: (email) => state.access.serviceAccounts.create(email),
    userToken: (email) => state.access.userToken(email),
    createSpreadsheet(input) {
      const id = input.spreadsheetId ?? newSpreadsheetId();
      if (state.store.has(id)) throw new Error(`A spreadsheet with id ${id} already exists`);
      state.store.set(id, buildSpreadsheet(input, id));
      return id;
    },
    share(id, email) {
      spreadsheet(id).sharedWith.add(email.toLowerCase());
    },
    unshare(id, email) {
      spreadsheet(id).sharedWith.delete(email.toLowerCase());
    },
    values(id, sheetTitle) {
      const doc = spreadsheet(id);
      const sheet = findSheetByTitle(doc, sheetTitle);
      if (sheet === undefined) throw new Error(`No sheet "${sheetTitle}" in spreadsheet ${id}`);
      const bounds = { startRow: 0, endRow: sheet.rowCount, startColumn: 0, endColumn: sheet.columnCount };
      return renderBounds(doc, sheet, bounds, { value: 'UNFORMATTED_VALUE', dateTime: 'SERIAL_NUMBER' });
    },
    inspect: (id) => spreadsheetView(spreadsheet(id), { includeGridData: true, mask: null }),
    get requests() {
      return state.log;
    },
    resetRequests() {
      state.log.length = 0;
    },
    failNext(match: FaultMatch, status, count = 1, faultOptions = {}) {
      state.faults.add(match, status, count, faultOptions);
    },
    close: () => server.close(),
  };
}

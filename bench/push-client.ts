// The add-on's side of one push sync, timed: serialise the tab (Apps Script does this, so it is
// kept apart), send it with fetch, parse the answer. The request time runs from sending the body
// to holding the parsed JSON; the headers' arrival splits it into the service's work (upload,
// parse, validate, sync, serialise) and the download plus the client's parse.
import type { CellValue } from '../shared/cells/cell-value.ts';
import type { WritePlanWire } from '../server/push-sync/plan-wire.ts';

export interface PushAnswer {
  readonly plan: WritePlanWire;
  readonly summary: {
    readonly tabs: readonly { readonly kind: string; readonly inserted: number; readonly updated: number; readonly removed: number; readonly unchanged: number }[];
    readonly cellsWritten: number;
    readonly issueCount: number;
  };
}

export interface PushTiming {
  /** JSON.stringify of the body: the add-on's cost, not the service's. */
  readonly serializeMs: number;
  /** From sending the request to holding the parsed answer. */
  readonly ms: number;
  /** From sending to the response headers: everything the service does, upload included. */
  readonly headersMs: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
}

export interface PushTab {
  readonly name: string;
  readonly values: readonly (readonly CellValue[])[];
}

export async function pushSheet(url: string, token: string, spreadsheetId: string, title: string, tabs: readonly PushTab[]): Promise<{ timing: PushTiming; answer: PushAnswer }> {
  const serializeStart = performance.now();
  const json = JSON.stringify({ title, timeZone: 'Asia/Tokyo', tabs });
  const serializeMs = performance.now() - serializeStart;
  // UTF-8 bytes are what Apps Script's 50 MB request limit counts.
  const body = Buffer.from(json, 'utf8');

  const start = performance.now();
  const response = await fetch(`${url}/v1/spreadsheets/${encodeURIComponent(spreadsheetId)}/sync`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
  const headersMs = performance.now() - start;
  const text = await response.text();
  if (!response.ok) throw new Error(`push sync answered ${response.status}: ${text.slice(0, 500)}`);
  const answer = JSON.parse(text) as PushAnswer;
  const ms = performance.now() - start;
  return { timing: { serializeMs, ms, headersMs, requestBytes: body.length, responseBytes: Buffer.byteLength(text, 'utf8') }, answer };
}

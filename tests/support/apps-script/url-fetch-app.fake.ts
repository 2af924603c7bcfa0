// UrlFetchApp: synchronous HTTP through an injected transport, with Apps Script's rules — the
// manifest's urlFetchWhitelist, form encoding of object payloads, forbidden headers, the 50 MB
// limits, exceptions for status >= 400 unless muteHttpExceptions, and "Address unavailable" /
// "DNS error" when no answer comes.
import type { AppsScriptState } from './apps-script-state.ts';
import { FakeBlob, fromSignedBytes, signedBytes } from './blob.fake.ts';
import { scriptException, signatureMismatch } from './realm.ts';
import { guard, SCOPES } from './service-guard.ts';
import type { SyncTransport, TransportRequest } from './sync-transport.ts';

export const FETCH_LIMIT_BYTES = 50 * 1024 * 1024;
const FORBIDDEN_HEADERS = ['host', 'content-length'];
const USER_AGENT = 'Mozilla/5.0 (compatible; Google-Apps-Script)';

// Apps Script hands back header names in their usual capitalisation.
function canonical(name: string): string {
  return name
    .split('-')
    .map((part) => (part === '' ? part : part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()))
    .join('-');
}

export class FakeHttpResponse {
  readonly #state: AppsScriptState;
  readonly #status: number;
  readonly #headers: readonly (readonly [string, string])[];
  readonly #body: Uint8Array;

  constructor(state: AppsScriptState, status: number, headers: readonly (readonly [string, string])[], body: Uint8Array) {
    this.#state = state;
    this.#status = status;
    this.#headers = headers;
    this.#body = body;
  }

  getResponseCode(): number {
    return this.#status;
  }

  getContentText(charset?: string): string {
    return new TextDecoder(charset ?? 'utf-8').decode(this.#body);
  }

  getContent(): number[] {
    return signedBytes(this.#state.realm, this.#body);
  }

  getBlob(): FakeBlob {
    const type = this.#headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null;
    return new FakeBlob(this.#state.realm, this.#body, type);
  }

  getHeaders(): Record<string, string> {
    const out = new this.#state.realm.Object() as Record<string, string>;
    for (const [name, value] of this.#headers) out[canonical(name)] = value;
    return out;
  }

  getAllHeaders(): Record<string, string | string[]> {
    const out = new this.#state.realm.Object() as Record<string, string | string[]>;
    for (const [name, value] of this.#headers) {
      const key = canonical(name);
      const seen = out[key];
      out[key] = seen === undefined ? value : this.#state.realm.Array.from([...(Array.isArray(seen) ? seen : [seen]), value]);
    }
    return out;
  }
}

interface FetchParams {
  method?: unknown;
  contentType?: unknown;
  payload?: unknown;
  headers?: unknown;
  muteHttpExceptions?: unknown;
  followRedirects?: unknown;
  validateHttpsCertificates?: unknown;
  escaping?: unknown;
}

function formEncode(payload: Record<string, unknown>): string {
  return Object.entries(payload)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
}

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

export function createUrlFetchApp(state: AppsScriptState, transport: SyncTransport) {
  const realm = state.realm;
  const fail = (message: string): Error => scriptException(realm, message);

  function prepare(url: unknown, params: FetchParams): { request: TransportRequest; mute: boolean; recordHeaders: Record<string, string> } {
    if (typeof url !== 'string') throw signatureMismatch(realm, 'UrlFetchApp.fetch', [url, params]);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw fail(`Invalid argument: ${url}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw fail(`Invalid argument: ${url}`);
    // A manifest with a whitelist lets only URLs under one of its prefixes through, whatever the code asks.
    const whitelist = state.urlFetchWhitelist;
    if (whitelist !== null && !whitelist.some((prefix) => url.startsWith(prefix))) {
      throw fail(`Request to ${url} failed because the URL has not been whitelisted in the script manifest.`);
    }
    const method = (typeof params.method === 'string' ? params.method : 'get').toUpperCase();
    if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].includes(method)) throw fail(`Invalid argument: method`);
    const headers: Record<string, string> = {};
    if (params.headers !== undefined && params.headers !== null) {
      if (typeof params.headers !== 'object') throw signatureMismatch(realm, 'UrlFetchApp.fetch', [url, params]);
      for (const [name, value] of Object.entries(params.headers as Record<string, unknown>)) {
        if (FORBIDDEN_HEADERS.includes(name.toLowerCase())) throw fail(`Attribute provided with invalid value: Header:${name}`);
        headers[name] = String(value);
      }
    }
    let body: Uint8Array | null = null;
    let contentType = typeof params.contentType === 'string' ? params.contentType : null;
    const payload = params.payload;
    if (payload !== undefined && payload !== null) {
      if (typeof payload === 'string') body = new TextEncoder().encode(payload);
      else if (payload instanceof FakeBlob) {
        body = payload.raw;
        contentType ??= payload.getContentType();
      } else if (Array.isArray(payload)) {
        body = fromSignedBytes(payload);
        if (body === null) throw fail('Invalid argument: payload');
      } else if (typeof payload === 'object') {
        if (Object.values(payload).some((value) => value instanceof FakeBlob)) throw fail('Multipart payloads are not supported by the fake.');
        body = new TextEncoder().encode(formEncode(payload as Record<string, unknown>));
      } else body = new TextEncoder().encode(String(payload));
      contentType ??= 'application/x-www-form-urlencoded';
    }
    if (body !== null && body.byteLength > FETCH_LIMIT_BYTES) throw fail('Limit Exceeded: URLFetch POST Size.');
    const sent: Record<string, string> = { ...headers };
    if (contentType !== null && !Object.keys(sent).some((name) => name.toLowerCase() === 'content-type')) sent['Content-Type'] = contentType;
    if (!Object.keys(sent).some((name) => name.toLowerCase() === 'user-agent')) sent['User-Agent'] = USER_AGENT;
    const recordHeaders: Record<string, string> = { ...headers };
    if (contentType !== null && sent['Content-Type'] !== undefined) recordHeaders['Content-Type'] = contentType;
    return {
      request: { url, method, headers: sent, body, followRedirects: params.followRedirects !== false },
      mute: params.muteHttpExceptions === true,
      recordHeaders,
    };
  }

  function fetch(url: unknown, params?: unknown): FakeHttpResponse {
    guard(state, 'UrlFetchApp.fetch', 'full', SCOPES.external);
    if (params !== undefined && (typeof params !== 'object' || params === null)) throw signatureMismatch(realm, 'UrlFetchApp.fetch', [url, params]);
    const { request, mute, recordHeaders } = prepare(url, (params ?? {}) as FetchParams);
    const record = { url: request.url, method: request.method, headers: recordHeaders, payloadBytes: request.body?.byteLength ?? 0 };
    const result = transport(request);
    if (result.kind === 'failure') {
      const message = result.reason === 'dns' ? `DNS error: ${request.url}` : result.reason === 'timeout' ? `Timeout: ${request.url}` : `Address unavailable: ${request.url}`;
      state.fetches.push({ ...record, status: null, error: message });
      throw fail(message);
    }
    if (result.body.byteLength > FETCH_LIMIT_BYTES) {
      state.fetches.push({ ...record, status: result.status, error: 'Limit Exceeded: URLFetch response size.' });
      throw fail('Limit Exceeded: URLFetch response size.');
    }
    const response = new FakeHttpResponse(state, result.status, result.headers, result.body);
    if (result.status >= 400 && !mute) {
      const text = response.getContentText();
      const message = `Request failed for ${origin(request.url)} returned code ${result.status}. Truncated server response: ${text.slice(0, 100)}${text.length > 100 ? '...' : ''} (use muteHttpExceptions option to examine full response)`;
      state.fetches.push({ ...record, status: result.status, error: message });
      throw fail(message);
    }
    state.fetches.push({ ...record, status: result.status, error: null });
    guard(state, 'UrlFetchApp.fetch', 'anytime');
    return response;
  }

  return {
    fetch,
    getRequest(url: unknown, params?: unknown): Record<string, unknown> {
      const { request } = prepare(url, (params ?? {}) as FetchParams);
      return { url: request.url, method: request.method.toLowerCase(), headers: request.headers, payload: request.body === null ? '' : new TextDecoder().decode(request.body) };
    },
  };
}

// The add-on's one way to the service: UrlFetchApp with the user's Google ID token, and always
// the user's own access token so that a spreadsheet's first sync can prove access to it.
// Failures come back as data with a localised message; nothing here throws.
import type { RpcError, RpcErrorCode } from '../rpc/sidebar-rpc.ts';
import { addonLocale } from '../i18n/addon-locale.ts';
import { encodeBody } from './request-body.ts';
import { rpcError } from './rpc-errors.ts';
import { serviceUrl } from './service-url.ts';

export interface ServiceRequest {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly body?: unknown;
}

export type ServiceResult<T> =
  | { readonly ok: true; readonly status: number; readonly body: T }
  | { readonly ok: false; readonly status: number | null; readonly error: RpcError };

/** The service path of the active spreadsheet, e.g. /v1/spreadsheets/1Abc…/sync. */
export function spreadsheetPath(suffix?: string): string {
  return `/v1/spreadsheets/${encodeURIComponent(SpreadsheetApp.getActive().getId())}${suffix ?? ''}`;
}

export function queryString(query: ServiceRequest['query']): string {
  if (query === undefined) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** The RpcErrorCode for an HTTP status the service answered with (not 2xx). */
export function errorCodeOfStatus(status: number): RpcErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 400 || status === 422) return 'invalid';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too_large';
  if (status === 502 || status === 503 || status === 504) return 'unreachable';
  return 'internal';
}

/** The message of the service's `{"error":{"code","message"}}`, or null. */
export function serviceErrorMessage(text: string): string | null {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } } | null;
    const message = parsed?.error?.message;
    return typeof message === 'string' && message.trim() !== '' ? message : null;
  } catch {
    return null;
  }
}

function fetchOptions(request: ServiceRequest): GoogleAppsScript.URL_Fetch.URLFetchRequestOptions | RpcError {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${ScriptApp.getIdentityToken()}`,
    'X-Sheets-Access-Token': ScriptApp.getOAuthToken(),
    'Accept-Language': addonLocale(),
    Accept: 'application/json',
  };
  const options: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = { method: request.method, headers, muteHttpExceptions: true };
  if (request.body === undefined) return options;
  const body = encodeBody(JSON.stringify(request.body));
  if (body.kind === 'too_large') return rpcError('too_large');
  if (body.kind === 'gzip') headers['Content-Encoding'] = 'gzip';
  return { ...options, contentType: 'application/json', payload: body.payload };
}

/** Calls the service; every failure (unreachable, refused, malformed answer) is a ServiceResult error. */
export function callService<T>(request: ServiceRequest): ServiceResult<T> {
  const options = fetchOptions(request);
  if ('code' in options) return { ok: false, status: null, error: options };
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(`${serviceUrl()}${request.path}${queryString(request.query)}`, options);
  } catch (error) {
    console.warn(`sheets-sfa: ${request.method.toUpperCase()} ${request.path} failed: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, status: null, error: rpcError('unreachable') };
  }
  const status = response.getResponseCode();
  const text = response.getContentText();
  if (status >= 200 && status < 300) {
    if (text.trim() === '') return { ok: true, status, body: null as T };
    try {
      return { ok: true, status, body: JSON.parse(text) as T };
    } catch {
      return { ok: false, status, error: rpcError('internal') };
    }
  }
  const code = errorCodeOfStatus(status);
  return { ok: false, status, error: rpcError(code, failureMessage(code, serviceErrorMessage(text))) };
}

// The service's own words say what was wrong with the input. A refusal reads best as the generic
// sentence plus the service's reason (自分の申請は承認できません), which says what to do; a conflict's
// or a 404's details (versions, ids) mean nothing to the user.
function failureMessage(code: RpcErrorCode, serviceMessage: string | null): string | null {
  if (code === 'invalid') return serviceMessage;
  if (serviceMessage === null || code !== 'forbidden') return null;
  const generic = rpcError(code).message;
  return serviceMessage === generic ? generic : `${generic} (${serviceMessage})`;
}

import type { RpcError, RpcErrorCode, RpcResult } from '../rpc/sidebar-rpc.ts';
import { rpcError } from '../service/rpc-errors.ts';

export function ok<T>(value: T): RpcResult<T> {
  return { ok: true, value };
}

/** A refusal; without a message, the code's own in the user's language. */
export function fail<T>(code: RpcErrorCode, message?: string | null, fields?: Readonly<Record<string, string>>): RpcResult<T> {
  const error = rpcError(code, message);
  return { ok: false, error: fields === undefined ? error : { ...error, fields } };
}

export function failWith<T>(error: RpcError): RpcResult<T> {
  return { ok: false, error };
}

/**
 * The fields a service refusal names, e.g. `body.background: too short; body.cost.hours[0].role:
 * unknown role` → { background: 'too short', cost: 'hours[0].role: unknown role' }. The form field
 * is the first segment of the path; what follows it stays in the message.
 */
export function serviceFieldErrors(message: string, prefix = 'body'): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of message.split('; ')) {
    const match = new RegExp(`^${prefix}\\.([A-Za-z]+)((?:\\.|\\[)[^:]*)?: (.+)$`, 's').exec(part.trim());
    if (match === null) continue;
    const [, field = '', rest = '', text = ''] = match;
    const rendered = rest === '' ? text : `${rest.replace(/^\./, '')}: ${text}`;
    fields[field] = fields[field] === undefined ? rendered : `${fields[field]}; ${rendered}`;
  }
  return fields;
}

/** An `invalid` refusal from the service with the fields its message names attached. */
export function withServiceFields(error: RpcError): RpcError {
  if (error.code !== 'invalid' || error.fields !== undefined) return error;
  const fields = serviceFieldErrors(error.message);
  return Object.keys(fields).length === 0 ? error : { ...error, fields };
}

/** A thrown value's message, whichever realm threw it (Apps Script exceptions are plain Errors). */
export function errorMessage(e: unknown): string {
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
  return String(e);
}

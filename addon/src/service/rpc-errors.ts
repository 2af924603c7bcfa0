import type { RpcError, RpcErrorCode, RpcResult } from '../rpc/sidebar-rpc.ts';
import { t, type AddonMessageKey } from '../i18n/addon-messages.ts';

/** An RpcError in the user's language; `message` replaces the generic one (a service's own words). */
export function rpcError(code: RpcErrorCode, message?: string | null): RpcError {
  const text = message !== undefined && message !== null && message.trim() !== '' ? message : t(`error.${code}` as AddonMessageKey);
  return { code, message: text };
}

export function failure<T>(code: RpcErrorCode, message?: string | null): RpcResult<T> {
  return { ok: false, error: rpcError(code, message) };
}

export function success<T>(value: T): RpcResult<T> {
  return { ok: true, value };
}

import type { RpcError, RpcErrorCode } from '../rpc/sidebar-rpc.ts';
import { t, type AddonMessageKey } from '../i18n/addon-messages.ts';

/** An RpcError in the user's language; `message` replaces the generic one (a service's own words). */
export function rpcError(code: RpcErrorCode, message?: string | null): RpcError {
  const text = message !== undefined && message !== null && message.trim() !== '' ? message : t(`error.${code}` as AddonMessageKey);
  return { code, message: text };
}

// Typed promises over google.script.run. The add-on answers every call with an RpcResult; a
// failure handler only fires when Apps Script itself failed (an exception, a killed execution,
// the network), which becomes an `internal` error the sidebar shows like any other.
import type { Locale } from '../../shared/i18n/locale.ts';
import { SIDEBAR_RPC_NAMES, type RpcError, type RpcResult, type SidebarRpc, type SidebarRpcName } from '../src/rpc/sidebar-rpc.ts';
import { tr } from './messages.ts';

/** The part of google.script.run the client uses; each `with…Handler` returns a configured runner. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

// Distributes over the union: the success member gives T, the failure member never.
type ValueOf<R> = R extends { readonly ok: true; readonly value: infer T } ? T : never;

/** One promise-returning method per sidebar call; a refusal rejects with an RpcFailure. */
export type SidebarClient = {
  readonly [K in SidebarRpcName]: (...args: Parameters<SidebarRpc[K]>) => Promise<ValueOf<ReturnType<SidebarRpc[K]>>>;
};

/** A call the add-on refused, or that Apps Script could not complete. */
export class RpcFailure extends Error {
  readonly error: RpcError;

  constructor(error: RpcError) {
    super(error.message);
    this.name = 'RpcFailure';
    this.error = error;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function isRpcResult(value: unknown): value is RpcResult<unknown> {
  if (!isRecord(value)) return false;
  if (value['ok'] === true) return 'value' in value;
  return value['ok'] === false && isRecord(value['error']) && typeof value['error']['code'] === 'string' && typeof value['error']['message'] === 'string';
}

/** Any failure as the RpcError the views show. */
export function rpcErrorOf(error: unknown, locale: Locale): RpcError {
  if (error instanceof RpcFailure) return error.error;
  const detail = error instanceof Error ? error.message : isRecord(error) && typeof error['message'] === 'string' ? error['message'] : String(error);
  return { code: 'internal', message: tr(locale, 'internalError', { detail }) };
}

function call(runner: ScriptRunner, name: SidebarRpcName, args: readonly unknown[], locale: () => Locale): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const configured = runner
      .withSuccessHandler((result) => {
        if (!isRpcResult(result)) reject(new RpcFailure(rpcErrorOf(new Error(`${name} answered ${JSON.stringify(result) ?? 'nothing'}`), locale())));
        else if (result.ok) resolve(result.value);
        else reject(new RpcFailure(result.error));
      })
      .withFailureHandler((error) => reject(new RpcFailure(rpcErrorOf(error, locale()))));
    const fn: unknown = (configured as unknown as Record<string, unknown>)[name];
    if (typeof fn !== 'function') {
      reject(new RpcFailure(rpcErrorOf(new Error(`${name} is not an add-on function`), locale())));
      return;
    }
    fn.apply(configured, args);
  });
}

/** A client whose methods call the add-on's functions of the same names. */
export function createRpcClient(runner: () => ScriptRunner, locale: () => Locale): SidebarClient {
  const client: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of SIDEBAR_RPC_NAMES) client[name] = (...args: unknown[]) => call(runner(), name, args, locale);
  // Every name of SidebarRpc is filled above (SIDEBAR_RPC_NAMES lists them all).
  return client as unknown as SidebarClient;
}

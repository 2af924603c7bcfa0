import type { RpcError } from '../../src/rpc/sidebar-rpc.ts';
import { currentLocale, t } from '../messages.ts';
import { rpcErrorOf } from '../rpc-client.ts';
import { fill } from './h.ts';
import { loadingBlock } from './spinner.ts';

export type Load = <T>(task: () => Promise<T>, render: (value: T) => void, fail: (error: RpcError) => void) => Promise<void>;

/**
 * Loads into `target`: its loading state while the call runs, then the content or the error.
 * Only the latest load renders, so a slow answer never replaces a newer one.
 */
export function createLoader(target: HTMLElement): Load {
  let latest = 0;
  return async (task, render, fail) => {
    latest += 1;
    const mine = latest;
    fill(target, [loadingBlock(t('loading'))]);
    target.setAttribute('aria-busy', 'true');
    try {
      const value = await task();
      if (mine === latest) render(value);
    } catch (error) {
      if (mine === latest) fail(rpcErrorOf(error, currentLocale()));
    } finally {
      if (mine === latest) target.removeAttribute('aria-busy');
    }
  };
}

import type { RpcError } from '../../src/rpc/sidebar-rpc.ts';
import { emptyState, errorNotice } from '../dom/notice.ts';
import { t } from '../messages.ts';
import type { AppContext } from './app-context.ts';

/** What a view shows when its load failed: set-up first when the sheet has no mapping yet. */
export function loadFailure(ctx: AppContext, error: RpcError, retry: () => void): HTMLElement {
  if (error.code === 'not_set_up') {
    return emptyState(t('notSetUpTitle'), t('notSetUpBody'), [{ label: t('startSetup'), onClick: () => ctx.go('setup', true), primary: true }]);
  }
  return errorNotice(error, [{ label: t('retry'), onClick: retry }]);
}

import { approvalQueue } from '../approvals/approval-queue.service.ts';
import { decideRequest } from '../approvals/decide.service.ts';
import { bootstrapSidebar } from '../bootstrap/bootstrap.service.ts';
import { errorMessage, fail } from '../bootstrap/rpc-results.ts';
import { activeDealCard } from '../deal-card/deal-card.service.ts';
import { showFlaggedDeals } from '../flagged/show-flagged.service.ts';
import { t } from '../i18n/addon-messages.ts';
import { fileRequest, requestPrefill } from '../requests/file-request.service.ts';
import { saveSettings, readSettings } from '../settings/settings.service.ts';
import { setupProposal, saveSetup } from '../setup/setup.service.ts';
import { runSync } from '../sync/run-sync.ts';
import { logVisit, visitPrefill } from '../visits/log-visit.service.ts';
import type { RpcResult, SidebarRpc } from './sidebar-rpc.ts';

// An Apps Script exception (a sheet deleted meanwhile, a property over its size limit) becomes an
// `internal` result the sidebar can show, rather than a bare failure of google.script.run.
function guarded<A extends unknown[], T>(name: string, handler: (...args: A) => RpcResult<T>): (...args: A) => RpcResult<T> {
  return (...args: A) => {
    try {
      return handler(...args);
    } catch (error) {
      console.error(`sheets-sfa: ${name} failed: ${errorMessage(error)}`);
      return fail('internal', `${t('error.internal')} (${errorMessage(error)})`);
    }
  };
}

/** The sidebar's calls, each implemented by its feature module; main.ts delegates to these. */
export const sidebarHandlers: SidebarRpc = {
  sidebarBootstrap: guarded('sidebarBootstrap', bootstrapSidebar),
  sidebarDealCard: guarded('sidebarDealCard', activeDealCard),
  sidebarVisitPrefill: guarded('sidebarVisitPrefill', visitPrefill),
  sidebarLogVisit: guarded('sidebarLogVisit', logVisit),
  sidebarRequestPrefill: guarded('sidebarRequestPrefill', requestPrefill),
  sidebarFileRequest: guarded('sidebarFileRequest', fileRequest),
  sidebarApprovalQueue: guarded('sidebarApprovalQueue', approvalQueue),
  sidebarDecide: guarded('sidebarDecide', decideRequest),
  sidebarSyncNow: guarded('sidebarSyncNow', () => runSync('sidebar')),
  sidebarShowFlagged: guarded('sidebarShowFlagged', showFlaggedDeals),
  sidebarSetupProposal: guarded('sidebarSetupProposal', setupProposal),
  sidebarSetupSave: guarded('sidebarSetupSave', saveSetup),
  sidebarSettings: guarded('sidebarSettings', readSettings),
  sidebarSaveSettings: guarded('sidebarSaveSettings', saveSettings),
};

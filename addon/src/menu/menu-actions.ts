// What the menu items do beyond opening the sidebar: report in a toast, fail in an alert.
import type { RpcError, SyncOutcome } from '../rpc/sidebar-rpc.ts';
import { sidebarHandlers } from '../rpc/sidebar-handlers.ts';
import { t } from '../i18n/addon-messages.ts';
import { runSync } from '../sync/run-sync.ts';

const TOAST_SECONDS = 8;

function toast(message: string): void {
  SpreadsheetApp.getActive().toast(message, t('toast.title'), TOAST_SECONDS);
}

function alertError(error: RpcError): void {
  SpreadsheetApp.getUi().alert(t('alert.failed', { message: error.message }));
}

export function syncSummary(outcome: SyncOutcome): string {
  const parts = [
    t('sync.done', {
      rows: outcome.rowsRead,
      cells: outcome.cellsWritten,
      inserted: outcome.inserted,
      updated: outcome.updated,
      removed: outcome.removed,
      flagged: outcome.flaggedDeals,
    }),
  ];
  if (outcome.deferred > 0) parts.push(t('sync.deferred', { deferred: outcome.deferred }));
  if (outcome.issueCount > outcome.issues.length) parts.push(t('sync.issuesTruncated', { count: outcome.issueCount, shown: outcome.issues.length }));
  else if (outcome.issueCount > 0) parts.push(t('sync.issues', { count: outcome.issueCount }));
  return parts.join(' ');
}

export function syncNowFromMenu(): void {
  toast(t('sync.started'));
  const result = runSync('menu');
  if (result.ok) toast(syncSummary(result.value));
  else alertError(result.error);
}

export function showFlaggedFromMenu(): void {
  const result = sidebarHandlers.sidebarShowFlagged();
  if (result.ok) toast(t('flagged.shown', { sheet: result.value.sheet, rows: result.value.flaggedRows }));
  else alertError(result.error);
}

// The Apps Script entry points: the only names Apps Script, the menu and google.script.run can
// call. Each is a top-level function declaration (the build keeps them so) and delegates in one
// line; the logic lives in modules that tests import.
import type {
  AddonSettings,
  ApprovalItem,
  DealCard,
  DecisionDone,
  DecisionForm,
  FlaggedShown,
  RequestFiled,
  RequestForm,
  RequestPrefill,
  RpcResult,
  SetupChoice,
  SetupProposal,
  SetupSaved,
  SidebarBootstrap,
  SyncOutcome,
  VisitForm,
  VisitPrefill,
  VisitSaved,
} from './rpc/sidebar-rpc.ts';
import { handleInstall, handleOpen } from './menu/addon-menu.ts';
import { showFlaggedFromMenu, syncNowFromMenu } from './menu/menu-actions.ts';
import { openSidebar } from './menu/open-sidebar.ts';
import { sidebarHandlers } from './rpc/sidebar-handlers.ts';
import { handleHourlySync, handleSheetChange } from './sync/triggers.ts';

/** Simple trigger: builds the add-on menu when the spreadsheet opens (also in AuthMode.NONE). */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  handleOpen(e);
}

/** Runs when the add-on is installed from the Marketplace: builds the menu in the open document. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  handleInstall(e);
}

/** Installable time-driven trigger (hourly): syncs the spreadsheet. */
export function onHourlySync(e?: GoogleAppsScript.Events.TimeDriven): void {
  handleHourlySync(e);
}

/** Installable change trigger: folds a burst of edits into one sync. */
export function onSheetChange(e?: GoogleAppsScript.Events.SheetsOnChange): void {
  handleSheetChange(e);
}

/** Menu: opens the sidebar on the active row's deal card. */
export function menuOpenSidebar(): void {
  openSidebar('deal');
}

/** Menu: syncs now and reports in a toast. */
export function menuSyncNow(): void {
  syncNowFromMenu();
}

/** Menu: opens the sidebar on the set-up. */
export function menuSetUp(): void {
  openSidebar('setup');
}

/** Menu: filters the deals tab to its flagged rows. */
export function menuShowFlagged(): void {
  showFlaggedFromMenu();
}

/** Menu: opens the sidebar on the settings. */
export function menuSettings(): void {
  openSidebar('settings');
}

/** google.script.run: what the sidebar needs to start. */
export function sidebarBootstrap(): RpcResult<SidebarBootstrap> {
  return sidebarHandlers.sidebarBootstrap();
}

/** google.script.run: the deal card of the active row. */
export function sidebarDealCard(): RpcResult<DealCard> {
  return sidebarHandlers.sidebarDealCard();
}

/** google.script.run: the visit form's prefill from the active row. */
export function sidebarVisitPrefill(): RpcResult<VisitPrefill> {
  return sidebarHandlers.sidebarVisitPrefill();
}

/** google.script.run: logs a visit through the service and writes the rows it changes. */
export function sidebarLogVisit(form: VisitForm): RpcResult<VisitSaved> {
  return sidebarHandlers.sidebarLogVisit(form);
}

/** google.script.run: the request form's prefill from the active row. */
export function sidebarRequestPrefill(): RpcResult<RequestPrefill> {
  return sidebarHandlers.sidebarRequestPrefill();
}

/** google.script.run: files a special request. */
export function sidebarFileRequest(form: RequestForm): RpcResult<RequestFiled> {
  return sidebarHandlers.sidebarFileRequest(form);
}

/** google.script.run: the approver's queue. */
export function sidebarApprovalQueue(): RpcResult<readonly ApprovalItem[]> {
  return sidebarHandlers.sidebarApprovalQueue();
}

/** google.script.run: approves, rejects or returns a request. */
export function sidebarDecide(form: DecisionForm): RpcResult<DecisionDone> {
  return sidebarHandlers.sidebarDecide(form);
}

/** google.script.run: syncs now. */
export function sidebarSyncNow(): RpcResult<SyncOutcome> {
  return sidebarHandlers.sidebarSyncNow();
}

/** google.script.run: filters the deals tab to its flagged rows. */
export function sidebarShowFlagged(): RpcResult<FlaggedShown> {
  return sidebarHandlers.sidebarShowFlagged();
}

/** google.script.run: the proposed mapping for set-up. */
export function sidebarSetupProposal(): RpcResult<SetupProposal> {
  return sidebarHandlers.sidebarSetupProposal();
}

/** google.script.run: stores the confirmed mapping and runs the first sync. */
export function sidebarSetupSave(choice: SetupChoice): RpcResult<SetupSaved> {
  return sidebarHandlers.sidebarSetupSave(choice);
}

/** google.script.run: the add-on's settings. */
export function sidebarSettings(): RpcResult<AddonSettings> {
  return sidebarHandlers.sidebarSettings();
}

/** google.script.run: saves the settings (and installs or removes the triggers). */
export function sidebarSaveSettings(settings: AddonSettings): RpcResult<AddonSettings> {
  return sidebarHandlers.sidebarSaveSettings(settings);
}

import type { Role } from '../../../shared/access/role.ts';
import type { SidebarBootstrap, SidebarView } from '../../src/rpc/sidebar-rpc.ts';
import type { MessageKey } from '../messages.ts';

/** The header's tabs. Set-up shares the settings tab: both are about configuring the sheet. */
export type TabId = Exclude<SidebarView, 'setup'>;

export const TAB_LABEL: Readonly<Record<TabId, MessageKey>> = Object.freeze({
  deal: 'tabDeal',
  visit: 'tabVisit',
  request: 'tabRequest',
  approvals: 'tabApprovals',
  settings: 'tabSettings',
});

const DECIDING_ROLES: readonly Role[] = ['approver', 'manager', 'director', 'admin'];

/** Whether the person decides requests on this spreadsheet. */
export function canDecide(roles: readonly Role[]): boolean {
  return roles.some((role) => DECIDING_ROLES.includes(role));
}

/** The tabs the person sees, in order: the approval queue only for those who decide. */
export function visibleTabs(boot: Pick<SidebarBootstrap, 'roles'>): readonly TabId[] {
  return canDecide(boot.roles) ? ['deal', 'visit', 'request', 'approvals', 'settings'] : ['deal', 'visit', 'request', 'settings'];
}

export function tabOfView(view: SidebarView): TabId {
  return view === 'setup' ? 'settings' : view;
}

/** The view to open first: the one asked for, unless the person may not see it. */
export function initialViewOf(boot: Pick<SidebarBootstrap, 'initialView' | 'roles'>): SidebarView {
  return boot.initialView === 'approvals' && !canDecide(boot.roles) ? 'deal' : boot.initialView;
}

/**
 * Whether to tell an admin their automatic sync is off on a set-up sheet: triggers are per user,
 * so nobody else's toggles show it. Only admins are told: one member's triggers sync the whole
 * sheet, and every member turning them on would only multiply the syncs.
 */
export function autoSyncOff(boot: Pick<SidebarBootstrap, 'setUp' | 'autoSync' | 'roles'>): boolean {
  return boot.setUp && boot.roles.includes('admin') && boot.autoSync !== null && !boot.autoSync.hourlySync && !boot.autoSync.syncOnChange;
}

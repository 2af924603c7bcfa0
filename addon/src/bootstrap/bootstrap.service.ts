import { isRole, type Role } from '../../../shared/access/role.ts';
import { requestPolicyOf, type RequestPolicy } from '../../../shared/cost/request-policy.ts';
import { addonLocale } from '../i18n/addon-locale.ts';
import { todayInSpreadsheet } from '../platform/clock.ts';
import { takeSidebarView } from '../platform/document-store.ts';
import type { AutoSyncState, RpcResult, SidebarBootstrap } from '../rpc/sidebar-rpc.ts';
import { callService, spreadsheetPath } from '../service/service-client.ts';
import { userAutoSync } from '../sync/triggers.ts';
import { ok } from './rpc-results.ts';
import { isSetUp } from './stored-tabs.ts';

interface ServiceFacts {
  readonly roles: readonly Role[];
  readonly requestPolicy: RequestPolicy | null;
  readonly serviceReachable: boolean;
}

// Before its first sync the service does not know the spreadsheet and answers 403, exactly as it
// would to a stranger: that is "no roles yet", not an error.
function serviceFacts(): ServiceFacts {
  const sheet = callService<{ roles: unknown[] }>({ method: 'get', path: spreadsheetPath() });
  if (!sheet.ok) {
    const reachable = sheet.error.code !== 'unreachable';
    return { roles: [], requestPolicy: null, serviceReachable: reachable };
  }
  const roles = sheet.body.roles.filter(isRole);
  const settings = callService<{ overrides: unknown }>({ method: 'get', path: spreadsheetPath('/request-settings') });
  return { roles, requestPolicy: settings.ok ? requestPolicyOf(settings.body.overrides).policy : null, serviceReachable: true };
}

// The sidebar must open even when the triggers cannot be listed; it then says nothing about them.
function autoSyncOrNull(): AutoSyncState | null {
  try {
    return userAutoSync();
  } catch (e) {
    console.warn(`sheets-sfa: triggers unreadable: ${String(e)}`);
    return null;
  }
}

function userEmail(): string {
  const active = Session.getActiveUser().getEmail();
  return active !== '' ? active : Session.getEffectiveUser().getEmail();
}

/** What the sidebar starts from: who, where, today, which view, and what the service says of the caller. */
export function bootstrapSidebar(): RpcResult<SidebarBootstrap> {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const facts = serviceFacts();
  return ok({
    locale: addonLocale(),
    userEmail: userEmail(),
    spreadsheetId: ss.getId(),
    spreadsheetName: ss.getName(),
    timeZone: ss.getSpreadsheetTimeZone(),
    today: todayInSpreadsheet(),
    initialView: takeSidebarView(),
    roles: facts.roles,
    setUp: isSetUp(),
    requestPolicy: facts.requestPolicy,
    serviceReachable: facts.serviceReachable,
    autoSync: autoSyncOrNull(),
  });
}

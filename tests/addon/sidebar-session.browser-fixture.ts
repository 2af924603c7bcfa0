// One spreadsheet, its add-on running on the Apps Script fakes against a real service, and the
// sidebar opened in Chromium the way a person opens it: from the add-on menu, as themselves.
// Shared by the browser tests and the screenshot script (so it must not import vitest).
import type { Browser } from 'playwright-core';
import type { Role } from '../../shared/access/role.ts';
import { bundleForService } from '../support/apps-script/bundle-for-service.ts';
import { startAddonRuntime, type AddonRuntime } from '../support/apps-script/addon-runtime.ts';
import { openSidebarPage, type SidebarPage } from '../support/browser/sidebar-page.ts';
import type { GoogleIdentity } from '../support/service/google-identity.ts';
import type { SheetsStandIn } from '../support/sheets-api/sheets-stand-in.ts';
import {
  fakeUserOf,
  LEAD,
  PEOPLE,
  SCENARIO_NOW,
  scenarioSpreadsheet,
  SPREADSHEET_ID,
  SPREADSHEET_NAME,
  standInSheets,
  TIME_ZONE,
  type ScenarioPerson,
} from './sidebar-scenario.browser-fixture.ts';

/** The running service the add-on reaches, with the Google stand-ins it trusts. */
export interface ScenarioBackend {
  readonly url: string;
  readonly identity: Pick<GoogleIdentity, 'token'>;
  readonly standIn: SheetsStandIn;
}

/** The add-on menu items that open the sidebar, each on its own view. */
export type SidebarMenuItem = 'menuOpenSidebar' | 'menuSetUp' | 'menuSettings';

export interface SidebarSession {
  readonly runtime: AddonRuntime;
  readonly bundleDir: string;
  /** The person at the keyboard from now on (their own ID and access tokens). */
  actAs(person: ScenarioPerson): Promise<void>;
  /** Runs the menu item as the current person and opens the sidebar it showed in a new page. */
  openSidebar(browser: Browser, item: SidebarMenuItem, options?: { deviceScaleFactor?: number; height?: number }): Promise<SidebarPage>;
  /** An admin's grant through the service's API (there is no sidebar for roles). */
  grantRole(person: ScenarioPerson, role: Role, by?: ScenarioPerson): Promise<void>;
  close(): Promise<void>;
}

export async function startSidebarSession(backend: ScenarioBackend, builtDir: string): Promise<SidebarSession> {
  const bundleDir = bundleForService(builtDir, backend.url);
  const spreadsheet = scenarioSpreadsheet();
  // Google knows the same file, shared with the team: what the first sync proves access against.
  backend.standIn.createSpreadsheet({
    spreadsheetId: SPREADSHEET_ID,
    title: SPREADSHEET_NAME,
    timeZone: TIME_ZONE,
    locale: 'ja_JP',
    sheets: standInSheets(spreadsheet),
    sharedWith: PEOPLE.map((p) => p.email),
  });
  const runtime = await startAddonRuntime({
    bundleDir,
    spreadsheet,
    user: await fakeUserOf(LEAD, backend.identity, backend.standIn),
    scriptProperties: { SERVICE_URL: backend.url },
    now: SCENARIO_NOW,
  });
  // The lead has just installed the add-on from the Marketplace, in this spreadsheet.
  await runtime.runOnInstall();

  return {
    runtime,
    bundleDir,
    async actAs(person) {
      await runtime.setUser(await fakeUserOf(person, backend.identity, backend.standIn));
    },
    async openSidebar(browser, item, options = {}) {
      const before = (await runtime.ui()).sidebars.length;
      await runtime.call(item);
      const sidebars = (await runtime.ui()).sidebars;
      const shown = sidebars.at(-1);
      if (sidebars.length === before || shown === undefined) throw new Error(`${item} showed no sidebar`);
      return openSidebarPage(browser, { bundleDir, backend: runtime, html: shown.html, now: SCENARIO_NOW, ...options });
    },
    async grantRole(person, role, by = LEAD) {
      const path = `/v1/spreadsheets/${encodeURIComponent(SPREADSHEET_ID)}/members/${encodeURIComponent(person.email)}/roles/${role}`;
      const res = await fetch(`${backend.url}${path}`, { method: 'PUT', headers: { authorization: `Bearer ${await backend.identity.token(by.email)}` } });
      if (!res.ok) throw new Error(`granting ${role} to ${person.email} failed: ${res.status} ${await res.text()}`);
    },
    close: () => runtime.close(),
  };
}

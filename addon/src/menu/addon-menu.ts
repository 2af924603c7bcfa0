// The add-on's menu (Extensions > sheets-sfa), in the user's language.
import type { Locale } from '../../../shared/i18n/locale.ts';
import { addonLocale, googleAccountLocale } from '../i18n/addon-locale.ts';
import { messageIn, type AddonMessageKey } from '../i18n/addon-messages.ts';
import type { MENU_FUNCTIONS } from '../rpc/sidebar-rpc.ts';

type MenuFunction = (typeof MENU_FUNCTIONS)[number];

/** The menu's items in order; null is a separator. Each names a top-level function of main.ts. */
const MENU_ITEMS: readonly ({ readonly label: AddonMessageKey; readonly run: MenuFunction } | null)[] = [
  { label: 'menu.openSidebar', run: 'menuOpenSidebar' },
  { label: 'menu.syncNow', run: 'menuSyncNow' },
  null,
  { label: 'menu.setUp', run: 'menuSetUp' },
  { label: 'menu.showFlagged', run: 'menuShowFlagged' },
  null,
  { label: 'menu.settings', run: 'menuSettings' },
];

function buildAddonMenu(locale: Locale): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item === null) menu.addSeparator();
    else menu.addItem(messageIn(locale, item.label), item.run);
  }
  menu.addToUi();
}

function isNoAuth(e: GoogleAppsScript.Events.SheetsOnOpen | GoogleAppsScript.Events.AddonOnInstall | undefined): boolean {
  return e?.authMode === ScriptApp.AuthMode.NONE;
}

/**
 * onOpen. Before the user has authorized the add-on in this document (AuthMode.NONE) nothing but
 * the menu may be built, and no property can be read: the language comes from the user's locale.
 */
export function handleOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu(isNoAuth(e) ? googleAccountLocale() : addonLocale());
}

/** onInstall: the document is open already, so its onOpen will not run; build the menu now. */
export function handleInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  handleOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

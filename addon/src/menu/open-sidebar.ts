import type { SidebarView } from '../rpc/sidebar-rpc.ts';
import { t } from '../i18n/addon-messages.ts';
import { requestSidebarView } from '../platform/document-store.ts';

/** Shows the sidebar (the bundle's Sidebar.html) and tells it which view to open with. */
export function openSidebar(view: SidebarView): void {
  requestSidebarView(view);
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t('sidebar.title'));
  SpreadsheetApp.getUi().showSidebar(html);
}

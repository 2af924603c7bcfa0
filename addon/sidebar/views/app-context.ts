import type { AutoSyncState, SidebarBootstrap, SidebarView } from '../../src/rpc/sidebar-rpc.ts';
import type { SidebarClient } from '../rpc-client.ts';

/** What every view may use: the add-on, the session, and the app's navigation. */
export interface AppContext {
  readonly rpc: SidebarClient;
  /** The latest bootstrap (roles and set-up change after the first sync). */
  boot(): SidebarBootstrap;
  /** Opens a view; `focus` moves the keyboard focus to its tab. */
  go(view: SidebarView, focus?: boolean): void;
  /** The sheet changed (a sync, a visit, a decision): views showing sheet data reload when next shown. */
  sheetChanged(): void;
  /**
   * Asks the add-on again for the bootstrap, then redraws what depends on it (tabs, language).
   * Never rejects: false when the add-on could not answer (the old bootstrap stays).
   */
  refreshBoot(): Promise<boolean>;
  /** The person's own automatic syncs changed (settings saved): the header's note follows. */
  autoSyncChanged(autoSync: AutoSyncState): void;
}

/** One view of the sidebar, mounted once; `show` runs every time it is opened. */
export interface View {
  readonly el: HTMLElement;
  show(): void;
}

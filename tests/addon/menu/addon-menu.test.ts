// The add-on menu of the built bundle on the Apps Script fakes: built in the user's language in
// every auth mode, and each item opening the sidebar on its view or reporting in a toast or alert.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAddonSandbox, type AddonSandbox } from '../../support/apps-script/addon-sandbox.ts';
import { offlineTransport } from '../../support/apps-script/sync-transport.ts';
import { addonBundleDir } from '../../support/addon-bundle.ts';
import { MENU_FUNCTIONS } from '../../../addon/src/rpc/sidebar-rpc.ts';

const USER = { email: 'alice@example.co.jp', idToken: 'id', oauthToken: 'oauth' };
const JA_ITEMS = ['サイドバーを開く', '今すぐ同期', 'このシートを設定', 'フラグ付きの行を表示', '設定'];

function sandboxFor(locale = 'ja'): AddonSandbox {
  return createAddonSandbox({
    bundleDir: addonBundleDir(),
    spreadsheet: { id: 'sheet-1', name: '営業', timeZone: 'Asia/Tokyo', sheets: [{ name: '案件一覧', rows: [['案件名', '顧客名', 'ステージ']] }] },
    user: { ...USER, locale },
    now: new Date('2026-11-20T00:00:00Z'),
    transport: offlineTransport,
  });
}

function menuItems(sandbox: AddonSandbox): { caption: string; functionName: string }[] {
  const menus = sandbox.ui().menus;
  expect(menus).toHaveLength(1);
  expect(menus[0]?.addon).toBe(true);
  return (menus[0]?.items ?? []).flatMap((i) => (i.kind === 'item' ? [{ caption: i.caption, functionName: i.functionName }] : []));
}

describe('the add-on menu', () => {
  let sandbox: AddonSandbox;

  beforeEach(() => {
    sandbox = sandboxFor();
  });

  it('is built in Japanese before the add-on is authorized in the document, calling the menu functions', () => {
    sandbox.runOnOpen('NONE');
    const items = menuItems(sandbox);
    expect(items.map((i) => i.caption)).toEqual(JA_ITEMS);
    expect(items.map((i) => i.functionName)).toEqual([...MENU_FUNCTIONS]);
  });

  it('is built in English for an English user, and on install', () => {
    sandbox = sandboxFor('en_US');
    sandbox.runOnInstall();
    expect(menuItems(sandbox).map((i) => i.caption)).toEqual(['Open sidebar', 'Sync now', 'Set up this sheet', 'Show flagged rows', 'Settings']);
  });

  it('follows the language chosen for the spreadsheet once authorized', () => {
    sandbox.state.properties.document.set('sheets-sfa.prefs', JSON.stringify({ locale: 'en', hourlySync: true, syncOnChange: true }));
    sandbox.runOnOpen('LIMITED');
    expect(menuItems(sandbox)[0]?.caption).toBe('Open sidebar');
  });

  it.each([
    ['menuOpenSidebar', 'deal'],
    ['menuSetUp', 'setup'],
    ['menuSettings', 'settings'],
  ] as const)('%s shows the bundled sidebar and asks it for the %s view', (fn, view) => {
    sandbox.call(fn);
    const sidebars = sandbox.ui().sidebars;
    expect(sidebars).toHaveLength(1);
    expect(sidebars[0]?.title).toBe('sheets-sfa 営業支援');
    expect(sidebars[0]?.html).toBe(readFileSync(join(addonBundleDir(), 'Sidebar.html'), 'utf8'));
    expect(sandbox.properties('user')['sheets-sfa.sidebar-view']).toBe(view);
  });

  it('menuSyncNow says in an alert why it could not sync', () => {
    sandbox.call('menuSyncNow');
    expect(sandbox.ui().toasts.map((t) => t.message)).toEqual(['同期しています…']);
    expect(sandbox.ui().alerts.map((a) => a.prompt)).toEqual([expect.stringMatching(/^sheets-sfa: サービスに接続できません/)]);
  });

  it('menuShowFlagged reports in an alert when the sheet is not set up', () => {
    sandbox.call('menuShowFlagged');
    expect(sandbox.ui().alerts).toHaveLength(1);
    expect(sandbox.writes()).toEqual([]);
  });
});

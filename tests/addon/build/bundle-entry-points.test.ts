// The built bundle as Apps Script sees it: one classic script in a fresh V8 context, whose
// entry points (triggers, menu items, sidebar calls) must be top-level function declarations.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { declaresTopLevelFunction, importExportLines } from '../../../addon/build/script-exports.ts';
import { externalResources } from '../../../addon/build/inline-sidebar.ts';
import { MENU_FUNCTIONS, SIDEBAR_RPC_NAMES, TRIGGER_FUNCTIONS } from '../../../addon/src/rpc/sidebar-rpc.ts';
import { addonBundleDir } from '../../support/addon-bundle.ts';

const ENTRY_POINTS = [...TRIGGER_FUNCTIONS, ...MENU_FUNCTIONS, ...SIDEBAR_RPC_NAMES];

interface MenuRecord {
  kind: 'addon' | 'custom';
  items: ({ caption: string; functionName: string } | 'separator')[];
  added: boolean;
}

/** Just enough Apps Script for onOpen: a Ui that records menus, and nothing a NONE-mode onOpen may not touch. */
function stubGlobals(options: { userLocale: string; prefs?: string; userPrefs?: string }) {
  const menus: MenuRecord[] = [];
  const touched: string[] = [];
  const menu = (kind: MenuRecord['kind']) => {
    const record: MenuRecord = { kind, items: [], added: false };
    menus.push(record);
    const api = {
      addItem(caption: string, functionName: string) {
        record.items.push({ caption, functionName });
        return api;
      },
      addSeparator() {
        record.items.push('separator');
        return api;
      },
      addSubMenu() {
        return api;
      },
      addToUi() {
        record.added = true;
      },
    };
    return api;
  };
  const globals = {
    SpreadsheetApp: { getUi: () => ({ createAddonMenu: () => menu('addon'), createMenu: () => menu('custom') }), getActive: () => ({ getId: () => 'sheet-1' }) },
    ScriptApp: { AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL' } },
    Session: { getActiveUserLocale: () => options.userLocale },
    PropertiesService: {
      getDocumentProperties: () => {
        touched.push('PropertiesService');
        return { getProperty: (key: string) => (key === 'sheets-sfa.prefs' ? (options.prefs ?? null) : null) };
      },
      getUserProperties: () => {
        touched.push('PropertiesService');
        return { getProperty: (key: string) => (key === 'sheets-sfa.prefs.sheet-1' ? (options.userPrefs ?? null) : null), setProperty: () => undefined };
      },
    },
  };
  return { globals, menus, touched };
}

describe('the built Code.js', () => {
  let code: string;
  let script: vm.Script;

  beforeAll(async () => {
    code = await readFile(join(addonBundleDir(), 'Code.js'), 'utf8');
    script = new vm.Script(code, { filename: 'Code.js' });
  });

  it('declares every trigger, menu function and sidebar call as a top-level function', () => {
    const context = vm.createContext({});
    script.runInContext(context);
    const missing = ENTRY_POINTS.filter((name) => typeof (context as Record<string, unknown>)[name] !== 'function' || !declaresTopLevelFunction(code, name));
    expect(missing).toEqual([]);
  });

  it('is a classic script with no import or export left', () => {
    expect(importExportLines(code)).toEqual([]);
    // vm.Script compiles classic scripts only: an import or export would not have compiled above.
    expect(script).toBeInstanceOf(vm.Script);
  });

  it('builds an add-on menu whose every item calls a declared menu function when opened before authorization', () => {
    const { globals, menus, touched } = stubGlobals({ userLocale: 'ja' });
    const context = vm.createContext({ ...globals });
    script.runInContext(context);
    (context as Record<string, (e: unknown) => void>).onOpen?.({ authMode: 'NONE', source: {}, user: {} });
    expect(menus).toHaveLength(1);
    const [menu] = menus as [MenuRecord];
    expect(menu).toMatchObject({ kind: 'addon', added: true });
    const items = menu.items.filter((i) => i !== 'separator');
    expect(items.map((i) => i.functionName).sort()).toEqual([...MENU_FUNCTIONS].sort());
    for (const { functionName } of items) {
      expect(typeof (context as Record<string, unknown>)[functionName]).toBe('function');
      expect(declaresTopLevelFunction(code, functionName)).toBe(true);
    }
    expect(items[0]?.caption).toBe('サイドバーを開く');
    // In AuthMode.NONE nothing but the menu: not even the stored language preference.
    expect(touched).toEqual([]);
  });

  it('builds the menu in English for an English user, one who chose English for the spreadsheet, or by an earlier version\'s document preference', () => {
    const english = JSON.stringify({ locale: 'en', hourlySync: true, syncOnChange: true });
    for (const setup of [{ userLocale: 'en_US' }, { userLocale: 'ja', userPrefs: english }, { userLocale: 'ja', prefs: english }]) {
      const { globals, menus } = stubGlobals(setup);
      const context = vm.createContext({ ...globals });
      script.runInContext(context);
      (context as Record<string, (e: unknown) => void>).onOpen?.({ authMode: 'FULL', source: {}, user: {} });
      const items = (menus[0]?.items ?? []).filter((i) => i !== 'separator');
      expect(items.map((i) => i.caption)).toEqual(['Open sidebar', 'Sync now', 'Set up this sheet', 'Show flagged rows', 'Settings']);
    }
  });
});

describe('the built Sidebar.html', () => {
  it('is self-contained: its script and styles inline, nothing loaded from elsewhere', async () => {
    const html = await readFile(join(addonBundleDir(), 'Sidebar.html'), 'utf8');
    expect(externalResources(html)).toEqual([]);
    expect(html).not.toMatch(/<!-- inline:(css|js) -->/);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html).toMatch(/<script>[\s\S]+<\/script>/);
    // Every <script opens one element that one </script closes: nothing inside ends it early.
    expect((html.match(/<script/gi) ?? []).length).toBe((html.match(/<\/script/gi) ?? []).length);
  });
});

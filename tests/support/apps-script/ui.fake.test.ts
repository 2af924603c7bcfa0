import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeAppsScript } from './fake-apps-script.ts';

function bundleDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-bundle-'));
  writeFileSync(join(dir, 'Sidebar.html'), '<!DOCTYPE html><p>案件カード</p>');
  return dir;
}

describe('Ui', () => {
  it('records the add-on menu, replacing it when onOpen runs again', () => {
    const { g, state } = fakeAppsScript();
    const sub = g.SpreadsheetApp.getUi().createMenu('設定').addItem('しきい値', 'menuSettings');
    g.SpreadsheetApp.getUi().createAddonMenu().addItem('サイドバー', 'menuOpenSidebar').addSeparator().addSubMenu(sub).addToUi();
    g.SpreadsheetApp.getUi().createAddonMenu().addItem('今すぐ同期', 'menuSyncNow').addToUi();
    expect(state.ui.menus).toEqual([{ caption: null, addon: true, items: [{ kind: 'item', caption: '今すぐ同期', functionName: 'menuSyncNow' }] }]);
  });

  it('shows a sidebar from the bundle’s HTML file with its title and width', () => {
    const { g, state } = fakeAppsScript({ bundleDir: bundleDir() });
    const html = g.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('営業支援').setWidth(300);
    g.SpreadsheetApp.getUi().showSidebar(html);
    expect(state.ui.sidebars).toEqual([{ title: '営業支援', html: '<!DOCTYPE html><p>案件カード</p>', width: 300 }]);
    expect(() => g.HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });

  it('answers alerts at once and records toasts', () => {
    const { g, state } = fakeAppsScript();
    const ui = g.SpreadsheetApp.getUi();
    expect(ui.alert('同期できませんでした')).toBe(ui.Button.OK);
    expect(ui.alert('確認', '削除しますか?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    g.SpreadsheetApp.getActive().toast('同期しました', 'sheets-sfa', 5);
    expect(state.ui.alerts).toEqual([
      { title: null, prompt: '同期できませんでした', buttons: 'OK' },
      { title: '確認', prompt: '削除しますか?', buttons: 'YES_NO' },
    ]);
    expect(state.ui.toasts).toEqual([{ message: '同期しました', title: 'sheets-sfa', seconds: 5 }]);
  });

  it('is out of reach inside installable triggers', () => {
    const { g, state } = fakeAppsScript();
    state.execution = { id: 1, user: state.user, authMode: 'FULL', kind: 'installable-trigger', startedAt: state.clock.now(), limitMs: 360_000 };
    expect(() => g.SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

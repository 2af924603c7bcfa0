import { describe, expect, it } from 'vitest';
import { fakeAppsScript, MANAGER, REP } from './fake-apps-script.ts';

describe('ScriptApp triggers', () => {
  it('allows one trigger of each event type per user per document, as editor add-ons do', () => {
    const { g } = fakeAppsScript();
    const ss = g.SpreadsheetApp.getActive();
    g.ScriptApp.newTrigger('onHourlySync').timeBased().everyHours(1).create();
    g.ScriptApp.newTrigger('onSheetChange').forSpreadsheet(ss).onChange().create();
    expect(() => g.ScriptApp.newTrigger('onHourlySync').timeBased().everyHours(2).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    expect(() => g.ScriptApp.newTrigger('other').forSpreadsheet(ss.getId()).onChange().create()).toThrow('too many change triggers');
    expect(g.ScriptApp.getUserTriggers(ss).map((t) => [t.getHandlerFunction(), String(t.getEventType())])).toEqual([
      ['onHourlySync', 'CLOCK'],
      ['onSheetChange', 'ON_CHANGE'],
    ]);
  });

  it('counts the limit per user: another user may install their own', () => {
    const { g, state } = fakeAppsScript();
    g.ScriptApp.newTrigger('onHourlySync').timeBased().everyHours(1).create();
    state.user = MANAGER;
    expect(g.ScriptApp.getProjectTriggers()).toEqual([]);
    g.ScriptApp.newTrigger('onHourlySync').timeBased().everyHours(1).create();
    expect(state.triggers.map((t) => t.owner.email)).toEqual([REP.email, MANAGER.email]);
  });

  it('lets a user delete only their own triggers', () => {
    const { g, state } = fakeAppsScript();
    const ss = g.SpreadsheetApp.getActive();
    const mine = g.ScriptApp.newTrigger('onSheetChange').forSpreadsheet(ss).onChange().create();
    g.ScriptApp.deleteTrigger(mine);
    expect(g.ScriptApp.getUserTriggers(ss)).toEqual([]);
    g.ScriptApp.newTrigger('onSheetChange').forSpreadsheet(ss).onChange().create();
    const [repTrigger] = g.ScriptApp.getUserTriggers(ss);
    state.user = MANAGER;
    g.ScriptApp.deleteTrigger(repTrigger!);
    expect(state.triggers).toHaveLength(1);
  });

  it('refuses triggers more frequent than hourly and triggers on another document', () => {
    const { g } = fakeAppsScript();
    expect(() => g.ScriptApp.newTrigger('x').timeBased().everyMinutes(30)).toThrow('more frequently than once per hour');
    expect(() => g.ScriptApp.newTrigger('x').forSpreadsheet('another-sheet')).toThrow('document they are used in');
  });

  it('refuses trigger calls when the manifest lacks the script.scriptapp scope', () => {
    const { g } = fakeAppsScript({ scopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'openid'] });
    expect(() => g.ScriptApp.newTrigger('onHourlySync')).toThrow(
      'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
  });
});

describe('ScriptApp tokens', () => {
  it('gives the effective user’s tokens, and no identity token without the openid scope', () => {
    const granted = fakeAppsScript();
    expect([granted.g.ScriptApp.getIdentityToken(), granted.g.ScriptApp.getOAuthToken()]).toEqual([REP.idToken, REP.oauthToken]);
    granted.state.user = MANAGER;
    expect(granted.g.ScriptApp.getIdentityToken()).toBe(MANAGER.idToken);
    const narrow = fakeAppsScript({ scopes: ['https://www.googleapis.com/auth/script.external_request'] });
    expect(narrow.g.ScriptApp.getIdentityToken()).toBeNull();
    expect(narrow.g.Session.getActiveUser().getEmail()).toBe('');
  });
});

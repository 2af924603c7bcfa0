import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAddonSandbox, type AddonSandbox } from './addon-sandbox.ts';
import { createAppsScriptGlobals } from './apps-script-globals.ts';
import { MANAGER, REP } from './fake-apps-script.ts';

const BUNDLE = fileURLToPath(new URL('../../fixtures/addon/apps-script-probe/', import.meta.url));

function sandbox(now = new Date('2026-04-01T00:00:00Z')): AddonSandbox {
  return createAddonSandbox({
    bundleDir: BUNDLE,
    spreadsheet: {
      id: 'sheet-0001',
      name: '営業管理',
      timeZone: 'Asia/Tokyo',
      sheets: [{ name: '案件', rows: [['会社名', '金額', '期日'], ['A社', '1,200,000', '2026/11/20']] }],
    },
    user: REP,
    now,
  });
}

describe('createAddonSandbox', () => {
  it('runs every call in a fresh context, so global variables do not survive between calls', () => {
    const sb = sandbox();
    expect([sb.call('probeCalls'), sb.call('probeCalls')]).toEqual([1, 1]);
  });

  it('hands the add-on Dates and Errors of its own realm and a Date that reads the runtime clock', () => {
    const sb = sandbox();
    expect(sb.call('probeValues', '案件')).toEqual([
      ['会社名', '金額', '期日'],
      ['A社', 1_200_000, { date: '2026-11-19T15:00:00.000Z' }],
    ]);
    expect(sb.call('probeClock')).toEqual({ now: '2026-04-01T00:00:00.000Z', dateNow: Date.parse('2026-04-01T00:00:00Z'), isDate: true, loadedAt: Date.parse('2026-04-01T00:00:00Z') });
    expect(sb.call('probeBadRange')).toEqual({ message: 'The starting row of the range is too small.', isError: true });
    sb.setNow(new Date('2026-05-01T00:00:00Z'));
    expect(sb.call<{ now: string }>('probeClock').now).toBe('2026-05-01T00:00:00.000Z');
  });

  it('passes arguments and results as google.script.run does: plain data only', () => {
    const sb = sandbox();
    expect(sb.call('probeEcho', [1, undefined, 'あ'])).toEqual({ value: [1, null, 'あ'], isArray: true, arrayInstance: true });
    expect(() => sb.call('probeDateArg', new Date())).toThrow('argument 1 is a Date');
    expect(() => sb.call('probeReturnsDate')).toThrow('the result of probeReturnsDate.at is a Date');
    expect(() => sb.call('probePrivate_')).toThrow('Script function not found: probePrivate_');
    expect(() => sb.call('noSuchFunction')).toThrow('Script function not found: noSuchFunction');
  });

  it('rethrows what the add-on threw with its message', () => {
    expect(() => sandbox().call('probeThrow')).toThrow('何かがおかしい');
  });

  it('throws UrlFetchApp’s exception inside the add-on when no transport is given', () => {
    expect(sandbox().call('probeFetchError', 'http://127.0.0.1:9/api/ping')).toEqual({
      name: 'Exception',
      message: 'Address unavailable: http://127.0.0.1:9/api/ping',
      isError: true,
      text: 'Exception: Address unavailable: http://127.0.0.1:9/api/ping',
    });
  });

  it('gives tokens and email of whoever is at the keyboard', () => {
    const sb = sandbox();
    expect(sb.call('probeTokens')).toEqual({ id: REP.idToken, oauth: REP.oauthToken, email: REP.email });
    sb.setUser(MANAGER);
    expect(sb.call('probeTokens')).toEqual({ id: MANAGER.idToken, oauth: MANAGER.oauthToken, email: MANAGER.email });
  });

  it('runs onOpen with the event’s auth mode; NONE keeps it from properties', () => {
    const sb = sandbox();
    sb.runOnOpen('NONE');
    expect(sb.ui().menus[0]?.items).toEqual([{ kind: 'item', caption: 'Open', functionName: 'probeSidebar' }]);
    expect(sb.properties('document')).toEqual({});
    sb.runOnOpen();
    expect(sb.ui().menus).toHaveLength(1);
    expect(sb.ui().menus[0]?.items).toHaveLength(3);
    expect(sb.properties('document')).toEqual({ opened: 'LIMITED' });
  });

  it('shows the sidebar from the bundle’s HTML', () => {
    const sb = sandbox();
    sb.call('probeSidebar');
    expect(sb.ui().sidebars).toEqual([{ title: 'プローブ', html: expect.stringContaining('<p>プローブ</p>') as unknown as string, width: 300 }]);
  });

  it('fires installed change triggers on a person’s edit, as the trigger’s owner, and not on script writes', () => {
    const sb = sandbox();
    expect(sb.call('probeInstallTriggers')).toEqual(['onHourly:CLOCK', 'onSheetChange:ON_CHANGE']);
    sb.call('probeWrite', '案件', 3, 1, [['B社', 5]]);
    expect(sb.properties('document').changes).toBeUndefined();
    sb.setUser(MANAGER);
    sb.editCells('案件', 3, 1, [['C社', '3,000']]);
    expect(sb.properties('document')).toMatchObject({ changes: '1', lastChangeType: 'EDIT', lastChangeUser: REP.email, uiInTrigger: 'Cannot call SpreadsheetApp.getUi() from this context.' });
    sb.insertRows('案件', 1, 2);
    expect(sb.properties('document')).toMatchObject({ changes: '2', lastChangeType: 'INSERT_ROW' });
    expect(sb.triggers().find((t) => t.eventType === 'ON_CHANGE')).toMatchObject({ runs: 2, failures: [] });
    expect(sb.runTimeDrivenTriggers()).toBe(1);
    expect(sb.properties('document').hourly).toMatch(/^\d+:FULL$/);
  });

  it('refuses a person’s edit that strict validation rejects', () => {
    const sb = sandbox();
    const { SpreadsheetApp } = createAppsScriptGlobals(sb.state, { bundleDir: BUNDLE });
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(['us', 'customer']).setAllowInvalid(false).build();
    SpreadsheetApp.getActiveSheet().getRange('D2').setDataValidation(rule);
    expect(() => sb.editCells('案件', 2, 4, [['someone']])).toThrow('Edit refused at R2C4');
    sb.editCells('案件', 2, 4, [['us']]);
    expect(sb.snapshot().sheets[0]?.values[1]?.[3]).toBe('us');
  });

  it('releases the document lock when the execution that took it ends, and reports a lock held elsewhere', () => {
    const sb = sandbox();
    expect(sb.call('probeLock', 1000)).toEqual({ got: true, has: true });
    expect(sb.call('probeLock', 1000)).toEqual({ got: true, has: true });
    sb.holdLock('document', true);
    expect(sb.call('probeLock', 1000)).toEqual({ got: false, has: false });
    expect(() => sb.call('probeWaitLock', 1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    sb.holdLock('document', false);
    expect(sb.call('probeWaitLock', 1000)).toBe(true);
  });

  it('sorts the data rows as a person would, carrying whole rows and leaving blanks last', () => {
    const sb = sandbox();
    sb.editCells('案件', 3, 1, [['C社', '300'], ['B社', '']]);
    sb.sortRows('案件', 2, 2, true);
    expect(sb.snapshot().sheets[0]?.values.map((row) => row[0])).toEqual(['会社名', 'C社', 'A社', 'B社']);
    sb.sortRows('案件', 2, 2, false);
    expect(sb.snapshot().sheets[0]?.values.map((row) => row[0])).toEqual(['会社名', 'A社', 'C社', 'B社']);
  });
});

import { describe, expect, it } from 'vitest';
import { fakeAppsScript, MANAGER, REP } from './fake-apps-script.ts';

describe('PropertiesService', () => {
  it('keeps user properties per user and document properties shared', () => {
    const { g, state } = fakeAppsScript();
    g.PropertiesService.getUserProperties().setProperty('sheets-sfa.sidebar-view', 'deal');
    g.PropertiesService.getDocumentProperties().setProperty('sheets-sfa.prefs', '{"hourlySync":true}');
    state.user = MANAGER;
    expect(g.PropertiesService.getUserProperties().getProperty('sheets-sfa.sidebar-view')).toBeNull();
    expect(g.PropertiesService.getDocumentProperties().getProperty('sheets-sfa.prefs')).toBe('{"hourlySync":true}');
    state.user = REP;
    expect(g.PropertiesService.getUserProperties().getKeys()).toEqual(['sheets-sfa.sidebar-view']);
  });

  it('stores strings, and hands out a copy rather than a live view', () => {
    const { g } = fakeAppsScript({ scriptProperties: { SERVICE_URL: 'http://127.0.0.1:1' } });
    const script = g.PropertiesService.getScriptProperties();
    script.setProperty('count', 3);
    const all = script.getProperties();
    all.count = 'changed';
    expect(script.getProperty('count')).toBe('3');
    expect(all.SERVICE_URL).toBe('http://127.0.0.1:1');
  });

  it('throws when one value exceeds 9 kB', () => {
    const props = fakeAppsScript().g.PropertiesService.getDocumentProperties();
    expect(() => props.setProperty('mapping', 'a'.repeat(9 * 1024))).not.toThrow();
    expect(() => props.setProperty('mapping', 'あ'.repeat(3073))).toThrow('Argument too large: value');
    expect(props.getProperty('mapping')).toHaveLength(9 * 1024);
  });

  it('throws when the store would exceed 500 kB, keeping what it had', () => {
    const props = fakeAppsScript().g.PropertiesService.getDocumentProperties();
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, 'x'.repeat(9000));
    expect(() => props.setProperty('k56', 'x'.repeat(9000))).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(props.getKeys()).toHaveLength(56);
    expect(() => props.setProperties({ a: 'b' }, true)).not.toThrow();
    expect(props.getKeys()).toEqual(['a']);
  });

  it('refuses access under AuthMode.NONE', () => {
    const { g, state } = fakeAppsScript();
    state.execution = { id: 9, user: REP, authMode: 'NONE', kind: 'simple-trigger', startedAt: state.clock.now(), limitMs: 30_000 };
    expect(() => g.PropertiesService.getDocumentProperties()).toThrow('You do not have permission to call PropertiesService.getDocumentProperties.');
  });
});

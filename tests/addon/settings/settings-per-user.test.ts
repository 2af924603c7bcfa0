// Two people on one spreadsheet, through the built add-on on the Apps Script fakes: installable
// triggers belong to whoever made them, so each person's automatic-sync toggles and language are
// their own (user properties keyed by the spreadsheet), the settings and the bootstrap show the
// caller's own triggers, and saving touches only theirs. The thresholds stay shared.
import { beforeEach, describe, expect, it } from 'vitest';
import type { AddonSettings, RpcResult, SetupProposal, SetupSaved, SidebarBootstrap } from '../../../addon/src/rpc/sidebar-rpc.ts';
import { addonBundleDir } from '../../support/addon-bundle.ts';
import { createAddonSandbox, type AddonSandbox, type FakeUser } from '../../support/apps-script/addon-sandbox.ts';
import { offlineTransport } from '../../support/apps-script/sync-transport.ts';
import { acceptProposal, okValue } from '../bootstrap/setup-choices.ts';

const SHEET_ID = '1PerUserAbcdefghijklmnopqrstuvwxyz0123456789';
const PREFS_KEY = `sheets-sfa.prefs.${SHEET_ID}`;
const YAMADA: FakeUser = { email: 'yamada@example.co.jp', idToken: 'id-y', oauthToken: 'oauth-y' };
const SATO: FakeUser = { email: 'sato@example.co.jp', idToken: 'id-s', oauthToken: 'oauth-s' };
const MAPPING = { tabs: { deals: { sheet: '案件', headerRow: 1, columns: { title: '案件名', stage: 'ステージ' } } } };

describe('automatic sync per user on one spreadsheet', () => {
  let s: AddonSandbox;

  const as = (user: FakeUser): AddonSandbox => {
    s.setUser(user);
    return s;
  };
  const settingsOf = (user: FakeUser): AddonSettings => okValue(as(user).call<RpcResult<AddonSettings>>('sidebarSettings'));
  const save = (user: FakeUser, change: Partial<AddonSettings>): AddonSettings =>
    okValue(as(user).call<RpcResult<AddonSettings>>('sidebarSaveSettings', { ...settingsOf(user), ...change }));
  const triggersOf = (user: FakeUser): string[] =>
    s
      .triggers()
      .filter((t) => t.owner === user.email)
      .map((t) => t.handlerFunction)
      .sort();
  const ownPrefs = (user: FakeUser): unknown => JSON.parse(s.state.properties.users.get(user.email)?.get(PREFS_KEY) ?? 'null');

  beforeEach(() => {
    s = createAddonSandbox({
      bundleDir: addonBundleDir(),
      spreadsheet: { id: SHEET_ID, name: '営業管理表', timeZone: 'Asia/Tokyo', sheets: [{ name: '案件', rows: [['案件名', 'ステージ']] }] },
      user: YAMADA,
      now: new Date('2026-11-20T01:00:00Z'),
      transport: offlineTransport,
    });
    s.state.properties.document.set('sheets-sfa.mapping', JSON.stringify(MAPPING));
  });

  it('gives each person their own triggers and toggles, saving one person\'s leaving the other\'s alone', () => {
    expect(save(YAMADA, { hourlySync: true, syncOnChange: true })).toMatchObject({ hourlySync: true, syncOnChange: true });
    // Sato sees his own state (no triggers), not Yamada's toggles.
    expect(settingsOf(SATO)).toMatchObject({ hourlySync: false, syncOnChange: false });

    expect(save(SATO, { hourlySync: true, syncOnChange: false })).toMatchObject({ hourlySync: true, syncOnChange: false });
    expect(triggersOf(SATO)).toEqual(['onHourlySync']);
    expect(triggersOf(YAMADA)).toEqual(['onHourlySync', 'onSheetChange']);

    expect(save(YAMADA, { hourlySync: false, syncOnChange: false })).toMatchObject({ hourlySync: false, syncOnChange: false });
    expect(triggersOf(YAMADA)).toEqual([]);
    expect(triggersOf(SATO)).toEqual(['onHourlySync']);
    expect(settingsOf(SATO)).toMatchObject({ hourlySync: true, syncOnChange: false });

    expect(ownPrefs(YAMADA)).toEqual({ hourlySync: false, syncOnChange: false, locale: 'ja' });
    expect(ownPrefs(SATO)).toEqual({ hourlySync: true, syncOnChange: false, locale: 'ja' });
    expect(s.properties('document')['sheets-sfa.prefs']).toBeUndefined();
  });

  it('keeps each person\'s language, and shares the thresholds', () => {
    const lead = settingsOf(YAMADA);
    save(YAMADA, { locale: 'en', ballFollowUpDays: 5, stages: lead.stages.map((st) => (st.code === 'quote' ? { ...st, staleAfterDays: 10 } : st)) });
    const sato = settingsOf(SATO);
    expect(sato).toMatchObject({ locale: 'ja', ballFollowUpDays: 5 });
    expect(sato.stages.find((st) => st.code === 'quote')?.staleAfterDays).toBe(10);
    expect(settingsOf(YAMADA).locale).toBe('en');
  });

  it('shows the caller\'s own triggers in the bootstrap', () => {
    save(YAMADA, { hourlySync: false, syncOnChange: true });
    expect(okValue(as(YAMADA).call<RpcResult<SidebarBootstrap>>('sidebarBootstrap')).autoSync).toEqual({ hourlySync: false, syncOnChange: true });
    expect(okValue(as(SATO).call<RpcResult<SidebarBootstrap>>('sidebarBootstrap')).autoSync).toEqual({ hourlySync: false, syncOnChange: false });
  });

  it('takes the preferences an earlier version kept on the document as each person\'s default, once', () => {
    s.state.properties.document.set('sheets-sfa.prefs', JSON.stringify({ locale: 'en', hourlySync: false, syncOnChange: true }));
    expect(settingsOf(SATO).locale).toBe('en');
    expect(ownPrefs(SATO)).toEqual({ locale: 'en', hourlySync: false, syncOnChange: true });
    // Copied once: what the document says later is no longer his.
    s.state.properties.document.set('sheets-sfa.prefs', JSON.stringify({ locale: 'ja', hourlySync: true, syncOnChange: true }));
    expect(settingsOf(SATO).locale).toBe('en');
    // Someone who already chose keeps their choice.
    save(YAMADA, { locale: 'ja' });
    expect(settingsOf(YAMADA).locale).toBe('ja');
  });

  it('installs the triggers of whoever runs set-up, as their own preferences say', () => {
    s.state.properties.users.set(SATO.email, new Map([[PREFS_KEY, JSON.stringify({ hourlySync: false, syncOnChange: true })]]));
    s.state.properties.document.delete('sheets-sfa.mapping');
    const proposal = okValue(as(SATO).call<RpcResult<SetupProposal>>('sidebarSetupProposal'));
    // Offline, set-up is kept without its first sync.
    expect(okValue(s.call<RpcResult<SetupSaved>>('sidebarSetupSave', acceptProposal(proposal, { createMissingTabs: false })))).toEqual({ createdTabs: [], sync: null });
    expect(triggersOf(SATO)).toEqual(['onSheetChange']);
    expect(triggersOf(YAMADA)).toEqual([]);
  });
});

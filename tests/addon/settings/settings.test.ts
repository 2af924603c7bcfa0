// Settings through the built add-on on the Apps Script fakes: preferences install or remove the
// triggers at once (one of each kind at most), thresholds are stored in the mapping's settings,
// and a wrong field is named without saving anything.
import { beforeEach, describe, expect, it } from 'vitest';
import type { AddonSettings, RpcResult } from '../../../addon/src/rpc/sidebar-rpc.ts';
import { addonBundleDir } from '../../support/addon-bundle.ts';
import { createAddonSandbox, type AddonSandbox } from '../../support/apps-script/addon-sandbox.ts';
import { errorOf, okValue } from '../bootstrap/setup-choices.ts';

const withDays = (settings: AddonSettings, code: string, days: number | null): AddonSettings => ({
  ...settings,
  stages: settings.stages.map((s) => (s.code === code ? { ...s, staleAfterDays: days } : s)),
});

describe('sidebarSettings and sidebarSaveSettings', () => {
  let s: AddonSandbox;

  beforeEach(() => {
    s = createAddonSandbox({
      bundleDir: addonBundleDir(),
      spreadsheet: { id: '1SettingsAbcdefghijklmnopqrstuvwxyz0123456789', name: '営業管理表', timeZone: 'Asia/Tokyo', sheets: [{ name: '案件', rows: [['案件名', 'ステージ']] }] },
      user: { email: 'yamada@example.co.jp', idToken: 'id', oauthToken: 'oauth' },
      now: new Date('2026-11-20T01:00:00Z'),
    });
    s.state.properties.document.set('sheets-sfa.mapping', JSON.stringify({ tabs: { deals: { sheet: '案件', headerRow: 1, columns: { title: '案件名', stage: 'ステージ' } } }, settings: { stages: { quote: { label: '見積' } } } }));
  });

  it('reads the defaults with the stored stage labels when nothing was saved, and no automatic sync without triggers', () => {
    const settings = okValue(s.call<RpcResult<AddonSettings>>('sidebarSettings'));
    expect(settings).toMatchObject({ locale: 'ja', hourlySync: false, syncOnChange: false, ballFollowUpDays: 7, warningRatio: 0.8 });
    expect(settings.stages.find((st) => st.code === 'quote')).toEqual({ code: 'quote', label: '見積', staleAfterDays: 14 });
  });

  it('installs one hourly and one on-change trigger, however often it is saved', () => {
    const settings = { ...okValue(s.call<RpcResult<AddonSettings>>('sidebarSettings')), hourlySync: true, syncOnChange: true };
    expect(okValue(s.call<RpcResult<AddonSettings>>('sidebarSaveSettings', settings))).toMatchObject({ hourlySync: true, syncOnChange: true });
    okValue(s.call<RpcResult<AddonSettings>>('sidebarSaveSettings', settings));
    expect(s.triggers().map((t) => [t.eventType, t.handlerFunction]).sort()).toEqual([['CLOCK', 'onHourlySync'], ['ON_CHANGE', 'onSheetChange']]);
    expect(okValue(s.call<RpcResult<AddonSettings>>('sidebarSaveSettings', { ...settings, hourlySync: false }))).toMatchObject({ hourlySync: false, syncOnChange: true });
    expect(s.triggers().map((t) => t.handlerFunction)).toEqual(['onSheetChange']);
  });

  it('stores changed thresholds in the mapping\'s settings, keeps the mapping, and answers in the chosen language', () => {
    const settings = okValue(s.call<RpcResult<AddonSettings>>('sidebarSettings'));
    const saved = okValue(s.call<RpcResult<AddonSettings>>('sidebarSaveSettings', { ...withDays(settings, 'lead', 10), ballFollowUpDays: 5, locale: 'en' }));
    expect(saved).toMatchObject({ locale: 'en', ballFollowUpDays: 5 });
    expect(saved.stages.find((st) => st.code === 'lead')).toEqual({ code: 'lead', label: 'Lead', staleAfterDays: 10 });
    const mapping = JSON.parse(s.properties('document')['sheets-sfa.mapping'] ?? '{}') as Record<string, unknown>;
    expect(mapping.tabs).toEqual({ deals: { sheet: '案件', headerRow: 1, columns: { title: '案件名', stage: 'ステージ' } } });
    expect(mapping.settings).toMatchObject({ ballFollowUpDays: 5, stages: { quote: { label: '見積' }, lead: { staleAfterDays: 10 } } });
    // The preferences are the user's own, kept per spreadsheet; the document holds none.
    expect(JSON.parse(s.properties('user')['sheets-sfa.prefs.1SettingsAbcdefghijklmnopqrstuvwxyz0123456789'] ?? '{}')).toEqual({ locale: 'en', hourlySync: false, syncOnChange: false });
    expect(s.properties('document')['sheets-sfa.prefs']).toBeUndefined();
  });

  it('names each wrong field and saves nothing', () => {
    const settings = okValue(s.call<RpcResult<AddonSettings>>('sidebarSettings'));
    const stored = { ...s.properties('document') };
    const own = { ...s.properties('user') };
    const error = errorOf(s.call<RpcResult<AddonSettings>>('sidebarSaveSettings', { ...withDays(settings, 'quote', 0), warningRatio: 80 }));
    expect(error.code).toBe('invalid');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['stages.quote', 'warningRatio']);
    expect(s.properties('document')).toEqual(stored);
    expect(s.properties('user')).toEqual(own);
    expect(s.triggers()).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { AddonSettings } from '../../../../addon/src/rpc/sidebar-rpc.ts';
import { settingsDraftOf, settingsOf } from '../../../../addon/sidebar/model/settings.model.ts';

const settings: AddonSettings = {
  locale: 'ja',
  hourlySync: true,
  syncOnChange: false,
  stages: [
    { code: 'quote', label: '見積提出', staleAfterDays: 14 },
    { code: 'nurturing', label: '育成', staleAfterDays: null },
    { code: 'won', label: '受注', staleAfterDays: null },
  ],
  ballFollowUpDays: 7,
  warningRatio: 0.7,
};

describe('settingsDraftOf', () => {
  it('shows the warning ratio as a percentage without float noise', () => {
    expect(settingsDraftOf(settings)).toEqual({
      locale: 'ja',
      hourlySync: true,
      syncOnChange: false,
      staleAfterDays: { quote: '14', nurturing: '' },
      ballFollowUpDays: '7',
      warningPercent: '70',
    });
  });
});

describe('settingsOf', () => {
  it('gives back the same settings when nothing was changed', () => {
    expect(settingsOf(settings, settingsDraftOf(settings), 'ja')).toEqual({ ok: true, settings });
  });

  it('reads the changed values', () => {
    const draft = { ...settingsDraftOf(settings), locale: 'en' as const, syncOnChange: true, staleAfterDays: { quote: '', nurturing: '30' }, ballFollowUpDays: '０', warningPercent: '75.5' };
    expect(settingsOf(settings, draft, 'ja')).toEqual({
      ok: true,
      settings: {
        ...settings,
        locale: 'en',
        syncOnChange: true,
        stages: [
          { code: 'quote', label: '見積提出', staleAfterDays: null },
          { code: 'nurturing', label: '育成', staleAfterDays: 30 },
          { code: 'won', label: '受注', staleAfterDays: null },
        ],
        ballFollowUpDays: 0,
        warningRatio: 0.755,
      },
    });
  });

  it('names each refused value', () => {
    const draft = { ...settingsDraftOf(settings), staleAfterDays: { quote: '0', nurturing: '' }, ballFollowUpDays: '-1', warningPercent: '120' };
    expect(settingsOf(settings, draft, 'en')).toEqual({
      ok: false,
      errors: {
        'stages.quote': 'A whole number from 1 to 3650 (blank: never)',
        ballFollowUpDays: 'A whole number from 0 to 3650',
        warningRatio: 'A number from 1 to 100',
      },
    });
  });
});

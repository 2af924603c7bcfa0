import { describe, expect, it } from 'vitest';
import type { AddonSettings } from '../../../addon/src/rpc/sidebar-rpc.ts';
import { settingsPatchOf } from '../../../addon/src/settings/settings-form.ts';
import { stageThresholds } from '../../../addon/src/setup/setup-proposal.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings/sync-settings.ts';

const form: AddonSettings = {
  locale: 'ja',
  hourlySync: true,
  syncOnChange: false,
  stages: stageThresholds(DEFAULT_SETTINGS, 'ja'),
  ballFollowUpDays: 7,
  warningRatio: 0.8,
};

const withStage = (code: string, days: number | null) => form.stages.map((s) => (s.code === code ? { ...s, staleAfterDays: days } : s));

describe('settingsPatchOf', () => {
  it('patches only what changed against the settings in force', () => {
    const { patch, problems } = settingsPatchOf({ ...form, stages: withStage('quote', 10), ballFollowUpDays: 5 }, DEFAULT_SETTINGS, 'ja');
    expect(problems).toEqual({});
    expect(patch).toEqual({ stages: { quote: { staleAfterDays: 10 } }, ballFollowUpDays: 5 });
  });

  it('patches nothing when nothing changed', () => {
    expect(settingsPatchOf(form, DEFAULT_SETTINGS, 'ja')).toEqual({ patch: {}, problems: {} });
  });

  it.each([
    [{ stages: withStage('lead', 0) }, 'stages.lead', '日数は 1〜3650 の整数で入力してください(終了ステージは空欄)。'],
    [{ stages: withStage('lead', 1.5) }, 'stages.lead', '日数は 1〜3650 の整数で入力してください(終了ステージは空欄)。'],
    [{ ballFollowUpDays: -1 }, 'ballFollowUpDays', '日数は 0〜3650 の整数で入力してください。'],
    [{ warningRatio: 1.5 }, 'warningRatio', '0 より大きく 1 以下の数で入力してください(例: 0.8 で基準の8割)。'],
    [{ locale: 'fr' as never }, 'locale', '日本語か English を選んでください。'],
    [{ hourlySync: 'yes' as never }, 'hourlySync', 'オンかオフを選んでください。'],
  ])('refuses %j at %s', (change, field, message) => {
    expect(settingsPatchOf({ ...form, ...change }, DEFAULT_SETTINGS, 'ja').problems[field]).toBe(message);
  });
});

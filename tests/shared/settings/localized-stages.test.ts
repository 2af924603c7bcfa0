import { describe, expect, it } from 'vitest';
import { withLocalizedStageLabels } from '../../../shared/settings/localized-stages.ts';
import { applySettingsOverrides } from '../../../shared/settings/settings-overrides.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings/sync-settings.ts';

describe('withLocalizedStageLabels', () => {
  it('gives an English sheet English default labels and keeps a team’s own', () => {
    const { settings } = applySettingsOverrides(DEFAULT_SETTINGS, { stages: { quote: { label: 'Estimate sent' } } });
    const labels = withLocalizedStageLabels(settings, 'en').stages.map((s) => s.label);
    expect(labels).toEqual(['Lead', 'Nurturing', 'Proposal', 'Estimate sent', 'Closing', 'Won', 'Upsell/Cross-sell', 'Lost']);
  });

  it('leaves a Japanese sheet’s settings as they are', () => {
    expect(withLocalizedStageLabels(DEFAULT_SETTINGS, 'ja')).toBe(DEFAULT_SETTINGS);
  });
});

describe('applySettingsOverrides', () => {
  it('reports a bad value by its path and ignores it, keeping the good ones', () => {
    const { settings, problems } = applySettingsOverrides(DEFAULT_SETTINGS, {
      dayCounting: 'business',
      ballFollowUpDays: -3,
      stages: { quote: { staleAfterDays: 10 }, pipeline: {} },
      colour: 'red',
    });
    expect(settings.dayCounting).toBe('business');
    expect(settings.ballFollowUpDays).toBe(DEFAULT_SETTINGS.ballFollowUpDays);
    expect(settings.stages.find((s) => s.code === 'quote')?.staleAfterDays).toBe(10);
    expect(problems).toEqual([
      'settings.ballFollowUpDays: a whole number of days',
      'settings.stages.pipeline: unknown stage code',
      'settings.colour: unknown setting',
    ]);
  });
});

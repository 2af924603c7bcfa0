import type { Locale } from '../i18n/locale.ts';
import { DEFAULT_STAGES, type StageCode } from '../stages/stage.ts';
import type { SyncSettings } from './sync-settings.ts';

const ENGLISH_LABELS: Readonly<Record<StageCode, string>> = {
  lead: 'Lead',
  nurturing: 'Nurturing',
  proposal: 'Proposal',
  quote: 'Quote',
  closing: 'Closing',
  won: 'Won',
  expansion: 'Upsell/Cross-sell',
  lost: 'Lost',
};

/**
 * Settings whose default stage labels speak the sheet's language: an English sheet reads
 * "15d in Quote", not "15d in 見積提出". Labels a team configured are kept as they are.
 */
export function withLocalizedStageLabels(settings: SyncSettings, locale: Locale): SyncSettings {
  if (locale === 'ja') return settings;
  const stages = settings.stages.map((stage) => {
    const defaultLabel = DEFAULT_STAGES.find((d) => d.code === stage.code)?.label;
    return stage.label === defaultLabel ? { ...stage, label: ENGLISH_LABELS[stage.code] } : stage;
  });
  return Object.freeze({ ...settings, stages });
}

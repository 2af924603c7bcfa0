import type { Locale } from '../i18n/locale.ts';
import { withLocalizedStageLabels } from '../settings/localized-stages.ts';
import { DEFAULT_SETTINGS } from '../settings/sync-settings.ts';
import { DEFAULT_STAGES, type StageCode } from '../stages/stage.ts';

const DEFAULT_LABELS: Readonly<Record<Locale, ReadonlyMap<StageCode, string>>> = {
  ja: new Map(DEFAULT_STAGES.map((s) => [s.code, s.label])),
  en: new Map(withLocalizedStageLabels(DEFAULT_SETTINGS, 'en').stages.map((s) => [s.code, s.label])),
};

/**
 * A stage as a reader should see it: the team's own label, except that a default Japanese label
 * reads in English for an English reader; the default label when the team's is unknown.
 */
export function stageName(code: StageCode | null, label: string | null, locale: Locale): string | null {
  const fallback = code === null ? null : (DEFAULT_LABELS[locale].get(code) ?? code);
  if (label === null) return fallback;
  if (locale !== 'ja' && code !== null && label === DEFAULT_LABELS.ja.get(code)) return fallback;
  return label;
}

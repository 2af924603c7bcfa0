import type { Locale } from '../../../shared/i18n/locale.ts';
import type { StageCode } from '../../../shared/stages/stage.ts';
import type { AddonSettings } from '../../src/rpc/sidebar-rpc.ts';
import { tr } from '../messages.ts';
import type { FieldErrors } from './field-errors.ts';
import { parseNumberText, wholeNumberIn } from './number-text.ts';
import { isTerminal, staleDaysOf, staleText, staleTexts } from './setup.model.ts';

/** The settings form as typed. */
export interface SettingsDraft {
  readonly locale: Locale;
  readonly hourlySync: boolean;
  readonly syncOnChange: boolean;
  readonly staleAfterDays: Readonly<Partial<Record<StageCode, string>>>;
  readonly ballFollowUpDays: string;
  /** warningRatio as a percentage: people think of 0.8 as 80%. */
  readonly warningPercent: string;
}

const MAX_FOLLOW_UP_DAYS = 3650;

// Control names are the add-on's field paths for AddonSettings, so its refusals land next to them too.
export const settingsStaleControl = (code: StageCode): string => `stages.${code}`;

export function settingsDraftOf(settings: AddonSettings): SettingsDraft {
  return {
    locale: settings.locale,
    hourlySync: settings.hourlySync,
    syncOnChange: settings.syncOnChange,
    staleAfterDays: staleTexts(settings.stages, staleText),
    ballFollowUpDays: String(settings.ballFollowUpDays),
    // Rounded so 0.7 shows as 70, not 70.00000000000001.
    warningPercent: String(Math.round(settings.warningRatio * 10_000) / 100),
  };
}

/**
 * The settings to save, or a message per control: thresholds are whole days from 1 (blank: never
 * stale), the follow-up is whole days from 0, the warning share a percentage above 0 up to 100.
 */
export function settingsOf(
  base: AddonSettings,
  draft: SettingsDraft,
  locale: Locale,
): { readonly ok: true; readonly settings: AddonSettings } | { readonly ok: false; readonly errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const stages = base.stages.map((stage) => {
    if (isTerminal(stage.code)) return stage;
    const days = staleDaysOf(draft.staleAfterDays[stage.code] ?? '');
    if (days === undefined) {
      errors[settingsStaleControl(stage.code)] = tr(locale, 'errStaleDays');
      return stage;
    }
    return { ...stage, staleAfterDays: days };
  });
  const ballFollowUpDays = wholeNumberIn(draft.ballFollowUpDays, 0, MAX_FOLLOW_UP_DAYS);
  if (ballFollowUpDays === null) errors['ballFollowUpDays'] = tr(locale, 'errWholeDays');
  const percent = parseNumberText(draft.warningPercent);
  const warningOk = percent.kind === 'number' && percent.value > 0 && percent.value <= 100;
  if (!warningOk) errors['warningRatio'] = tr(locale, 'errPercent');
  if (Object.keys(errors).length > 0 || ballFollowUpDays === null || percent.kind !== 'number') return { ok: false, errors };
  return {
    ok: true,
    settings: {
      locale: draft.locale,
      hourlySync: draft.hourlySync,
      syncOnChange: draft.syncOnChange,
      stages,
      ballFollowUpDays,
      warningRatio: Math.round(percent.value * 100) / 10_000,
    },
  };
}

import { format, LOCALES, type Locale } from '../../../shared/i18n/locale.ts';
import { applySettingsOverrides } from '../../../shared/settings/settings-overrides.ts';
import type { SyncSettings } from '../../../shared/settings/sync-settings.ts';
import type { StageCode } from '../../../shared/stages/stage.ts';
import type { AddonSettings } from '../rpc/sidebar-rpc.ts';
import { SETTINGS_MESSAGES } from './settings-messages.ts';

export interface SettingsPatch {
  readonly stages?: Partial<Record<StageCode, { readonly staleAfterDays: number | null }>>;
  readonly ballFollowUpDays?: number;
  readonly warningRatio?: number;
}

/**
 * The overrides the form changes against the settings in force (unchanged values are not stored,
 * so later default changes still reach them), and what is wrong by form field: the shared
 * settings rules judge, as they will when the sync applies them.
 */
export function settingsPatchOf(form: AddonSettings, current: SyncSettings, locale: Locale): { patch: SettingsPatch; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const say = (key: keyof typeof SETTINGS_MESSAGES) => format(SETTINGS_MESSAGES[key][locale]);
  if (!(LOCALES as readonly unknown[]).includes(form.locale)) problems.locale = say('locale');
  if (typeof form.hourlySync !== 'boolean') problems.hourlySync = say('toggle');
  if (typeof form.syncOnChange !== 'boolean') problems.syncOnChange = say('toggle');

  const stages: Partial<Record<StageCode, { staleAfterDays: number | null }>> = {};
  for (const stage of form.stages ?? []) {
    const now = current.stages.find((s) => s.code === stage.code);
    if (now === undefined || now.staleAfterDays === stage.staleAfterDays) continue;
    stages[stage.code] = { staleAfterDays: stage.staleAfterDays };
  }
  const patch: { -readonly [K in keyof SettingsPatch]: SettingsPatch[K] } = {};
  if (Object.keys(stages).length > 0) patch.stages = stages;
  if (form.ballFollowUpDays !== current.ballFollowUpDays) patch.ballFollowUpDays = form.ballFollowUpDays;
  if (form.warningRatio !== current.warningRatio) patch.warningRatio = form.warningRatio;

  for (const path of applySettingsOverrides(current, patch).problems) {
    const stage = /^settings\.stages\.(\w+)/.exec(path);
    if (stage !== null) problems[`stages.${stage[1]}`] = say('staleAfterDays');
    else if (path.startsWith('settings.ballFollowUpDays')) problems.ballFollowUpDays = say('ballFollowUpDays');
    else if (path.startsWith('settings.warningRatio')) problems.warningRatio = say('warningRatio');
  }
  return { patch, problems };
}

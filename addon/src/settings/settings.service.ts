import { mergeSettingsOverrides } from '../../../shared/settings/settings-overrides.ts';
import { localize } from '../bootstrap/localize.ts';
import { errorMessage, fail, ok } from '../bootstrap/rpc-results.ts';
import { addonLocale } from '../i18n/addon-locale.ts';
import { loadMapping, saveMapping, savePrefs } from '../platform/document-store.ts';
import type { AddonSettings, RpcResult } from '../rpc/sidebar-rpc.ts';
import { effectiveSettings, stageThresholds } from '../setup/setup-proposal.ts';
import { ensureTriggers, userAutoSync } from '../sync/triggers.ts';
import { settingsPatchOf } from './settings-form.ts';
import { SETTINGS_MESSAGES } from './settings-messages.ts';

function currentSettings() {
  const stored = loadMapping();
  return effectiveSettings(stored?.settings ?? null, null);
}

/**
 * The user's language, their automatic syncs as their own triggers stand (another user's toggles
 * and triggers are theirs), and the spreadsheet's thresholds, shared by everyone.
 */
export function readSettings(): RpcResult<AddonSettings> {
  const locale = addonLocale();
  const autoSync = userAutoSync();
  const settings = currentSettings();
  return ok({
    locale,
    hourlySync: autoSync.hourlySync,
    syncOnChange: autoSync.syncOnChange,
    stages: stageThresholds(settings, locale),
    ballFollowUpDays: settings.ballFollowUpDays,
    warningRatio: settings.warningRatio,
  });
}

/**
 * Saves the user's preferences (language, automatic syncs: their triggers follow at once, nobody
 * else's) and the spreadsheet's thresholds (stored in the mapping's settings, which every sync
 * pushes). Nothing is saved when a field is wrong.
 */
export function saveSettings(form: AddonSettings): RpcResult<AddonSettings> {
  const { patch, problems } = settingsPatchOf(form, currentSettings(), addonLocale());
  if (Object.keys(problems).length > 0) return fail('invalid', localize(SETTINGS_MESSAGES.refused), problems);
  if (Object.keys(patch).length > 0) {
    const stored = loadMapping();
    saveMapping({ ...stored, settings: mergeSettingsOverrides(stored?.settings ?? null, patch) });
  }
  const prefs = { locale: form.locale, hourlySync: form.hourlySync, syncOnChange: form.syncOnChange };
  savePrefs(prefs);
  try {
    ensureTriggers(prefs);
  } catch (e) {
    return fail('internal', localize(SETTINGS_MESSAGES.triggersFailed, { message: errorMessage(e) }));
  }
  return readSettings();
}

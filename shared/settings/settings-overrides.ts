import { isIsoDate } from '../calendar/iso-date.ts';
import { LOCALES, type Locale } from '../i18n/locale.ts';
import { isStageCode, type StageCode, type StageDefinition } from '../stages/stage.ts';
import type { Closure, SyncSettings } from './sync-settings.ts';

/**
 * Per-spreadsheet overrides as JSON: any subset of the settings, with stages given per code,
 * e.g. `{ "dayCounting": "business", "stages": { "quote": { "staleAfterDays": 10 } } }`.
 */
export interface SettingsOverrides {
  readonly stages?: Readonly<Partial<Record<StageCode, Partial<Pick<StageDefinition, 'label' | 'staleAfterDays' | 'team'>>>>>;
  readonly stageLabels?: Readonly<Record<string, StageCode>>;
  readonly warningRatio?: number;
  readonly dayCounting?: SyncSettings['dayCounting'];
  readonly companyClosures?: readonly Closure[];
  readonly ballFollowUpDays?: number;
  readonly handoffUnattendedDays?: number;
  readonly probabilityRanks?: Readonly<Record<string, number>>;
  readonly dateOrder?: SyncSettings['dateOrder'];
  readonly timeZone?: string;
  readonly locale?: Locale;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDays = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 3650;

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Applies overrides onto settings. Every value is checked; a bad one is reported (by its JSON
 * path) and ignored, so one typo never blocks a sync.
 */
export function applySettingsOverrides(base: SyncSettings, input: unknown): { settings: SyncSettings; problems: string[] } {
  const problems: string[] = [];
  if (input === undefined || input === null) return { settings: base, problems };
  if (!isRecord(input)) return { settings: base, problems: ['settings: must be an object'] };
  const out: { -readonly [K in keyof SyncSettings]: SyncSettings[K] } = { ...base };
  const bad = (path: string, why: string) => problems.push(`settings.${path}: ${why}`);

  for (const [key, value] of Object.entries(input)) {
    switch (key) {
      case 'warningRatio':
        if (typeof value === 'number' && value > 0 && value <= 1) out.warningRatio = value;
        else bad(key, 'a number above 0 and at most 1');
        break;
      case 'dayCounting':
        if (value === 'calendar' || value === 'business') out.dayCounting = value;
        else bad(key, '"calendar" or "business"');
        break;
      case 'dateOrder':
        if (value === 'mdy' || value === 'dmy') out.dateOrder = value;
        else bad(key, '"mdy" or "dmy"');
        break;
      case 'ballFollowUpDays':
      case 'handoffUnattendedDays':
        if (isDays(value)) out[key] = value;
        else bad(key, 'a whole number of days');
        break;
      case 'timeZone':
        if (typeof value === 'string' && validTimeZone(value)) out.timeZone = value;
        else bad(key, 'an IANA time zone such as Asia/Tokyo');
        break;
      case 'locale':
        if ((LOCALES as readonly unknown[]).includes(value)) out.locale = value as Locale;
        else bad(key, '"ja" or "en"');
        break;
      case 'companyClosures':
        if (Array.isArray(value) && value.every((c) => isRecord(c) && typeof c.from === 'string' && typeof c.to === 'string' && isIsoDate(c.from) && isIsoDate(c.to) && c.from <= c.to)) {
          out.companyClosures = value as Closure[];
        } else bad(key, 'a list of { "from": "YYYY-MM-DD", "to": "YYYY-MM-DD" }');
        break;
      case 'probabilityRanks':
        if (isRecord(value) && Object.values(value).every((p) => typeof p === 'number' && p >= 0 && p <= 100)) {
          out.probabilityRanks = value as Record<string, number>;
        } else bad(key, 'rank → percentage (0–100)');
        break;
      case 'stageLabels':
        if (isRecord(value) && Object.values(value).every((s) => typeof s === 'string' && isStageCode(s))) {
          out.stageLabels = { ...base.stageLabels, ...(value as Record<string, StageCode>) };
        } else bad(key, 'label → one of the stage codes');
        break;
      case 'stages':
        out.stages = overrideStages(base.stages, value, bad);
        break;
      default:
        bad(key, 'unknown setting');
    }
  }
  return { settings: Object.freeze(out), problems };
}

function overrideStages(
  stages: readonly StageDefinition[],
  value: unknown,
  bad: (path: string, why: string) => void,
): readonly StageDefinition[] {
  if (!isRecord(value)) {
    bad('stages', 'an object keyed by stage code');
    return stages;
  }
  for (const code of Object.keys(value)) if (!isStageCode(code)) bad(`stages.${code}`, 'unknown stage code');
  return stages.map((stage) => {
    const patch = value[stage.code];
    if (patch === undefined) return stage;
    if (!isRecord(patch)) {
      bad(`stages.${stage.code}`, 'an object');
      return stage;
    }
    let next = { ...stage };
    if ('label' in patch) {
      if (typeof patch.label === 'string' && patch.label.trim() !== '') next = { ...next, label: patch.label.trim() };
      else bad(`stages.${stage.code}.label`, 'a non-empty text');
    }
    if ('staleAfterDays' in patch) {
      if (patch.staleAfterDays === null || (isDays(patch.staleAfterDays) && patch.staleAfterDays > 0)) next = { ...next, staleAfterDays: patch.staleAfterDays };
      else bad(`stages.${stage.code}.staleAfterDays`, 'a whole number of days, or null');
    }
    if ('team' in patch) {
      if (patch.team === null || patch.team === 'IS' || patch.team === 'FS' || patch.team === 'CS') next = { ...next, team: patch.team };
      else bad(`stages.${stage.code}.team`, '"IS", "FS", "CS" or null');
    }
    return next;
  });
}

const asObject = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

/**
 * Overrides given now, laid over the ones stored for the spreadsheet, as JSON to store again:
 * settings replace settings, while stage labels and per-stage patches merge one level deep.
 */
export function mergeSettingsOverrides(stored: unknown, given: unknown): Record<string, unknown> {
  const base = asObject(stored);
  const next = asObject(given);
  const stages = { ...asObject(base.stages) };
  for (const [code, patch] of Object.entries(asObject(next.stages))) stages[code] = { ...asObject(stages[code]), ...asObject(patch) };
  const merged: Record<string, unknown> = { ...base, ...next, stageLabels: { ...asObject(base.stageLabels), ...asObject(next.stageLabels) } };
  if (Object.keys(stages).length > 0) merged.stages = stages;
  return merged;
}

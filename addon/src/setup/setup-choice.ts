import { format, type Locale, type Message, type MessageParams } from '../../../shared/i18n/locale.ts';
import { columnLetter } from '../../../shared/mapping/column-letter.ts';
import { REQUIRED_FIELDS } from '../../../shared/mapping/field-synonyms.ts';
import { normalizeHeader } from '../../../shared/mapping/normalize-header.ts';
import type { TabSpec } from '../../../shared/mapping/tab-mapping.ts';
import { TAB_KINDS, type TabKind } from '../../../shared/records/tab-kind.ts';
import { applySettingsOverrides, mergeSettingsOverrides } from '../../../shared/settings/settings-overrides.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings/sync-settings.ts';
import { isStageCode, type StageCode } from '../../../shared/stages/stage.ts';
import { serviceColumnOfHeader } from '../../../shared/write-plan/service-columns.ts';
import type { SetupChoice } from '../rpc/sidebar-rpc.ts';
import { fieldLabel, fieldsOf } from './field-labels.ts';
import { SETUP_MESSAGES } from './setup-messages.ts';

/** A tab as the chosen header row shows it: its header texts, and how far its rows go. */
export interface TabHead {
  readonly headers: readonly string[];
  readonly lastRow: number;
}

export interface CheckedChoice {
  /** Form field → what is wrong; empty when the choice can be stored. */
  readonly problems: Readonly<Record<string, string>>;
  /** The tabs as stored: columns by header text, so the team may move columns later. */
  readonly tabs: Readonly<Partial<Record<TabKind, Required<TabSpec>>>>;
  readonly stageLabels: Readonly<Record<string, StageCode>>;
  /** `settings.stages` patches for the thresholds chosen. */
  readonly stages: Readonly<Partial<Record<StageCode, { readonly staleAfterDays: number | null }>>>;
}

type ChoiceTab = SetupChoice['tabs'][number];

/**
 * Checks a set-up choice against the sheet as it is: a deals tab, tabs that exist, header rows
 * inside them, every column a header of its own (the mapping is stored by header text), no column
 * used twice, the required fields, stage labels onto real stages, and sane thresholds.
 * `head(sheet, row)` reads a tab's header row; null when the tab does not exist.
 */
export function checkSetupChoice(choice: SetupChoice, head: (sheet: string, headerRow: number) => TabHead | null, locale: Locale): CheckedChoice {
  const problems: Record<string, string> = {};
  const say = (m: Message, params?: MessageParams) => format(m[locale], params);
  const tabs: Partial<Record<TabKind, Required<TabSpec>>> = {};
  const sheetsTaken = new Map<string, TabKind>();

  for (const tab of choice.tabs) {
    const at = `tabs.${tab.kind}`;
    if (!(TAB_KINDS as readonly string[]).includes(tab.kind)) continue;
    if (tabs[tab.kind] !== undefined || problems[at] !== undefined) {
      problems[at] = say(SETUP_MESSAGES.kindTwice);
      continue;
    }
    const other = sheetsTaken.get(tab.sheet);
    if (other !== undefined) {
      problems[`${at}.sheet`] = say(SETUP_MESSAGES.sheetTwice, { other });
      continue;
    }
    sheetsTaken.set(tab.sheet, tab.kind);
    const checked = checkTab(tab, head, at, problems, say, locale);
    if (checked !== null) tabs[tab.kind] = checked;
  }
  if (!choice.tabs.some((t) => t.kind === 'deals')) problems['tabs.deals'] = say(SETUP_MESSAGES.dealsTabRequired);

  const stageLabels: Record<string, StageCode> = {};
  for (const [label, code] of Object.entries(choice.stageLabels ?? {})) {
    if (label.trim() === '' || typeof code !== 'string' || !isStageCode(code)) problems[`stageLabels.${label}`] = say(SETUP_MESSAGES.stageInvalid, { label });
    else stageLabels[label] = code;
  }

  const stages: Partial<Record<StageCode, { staleAfterDays: number | null }>> = {};
  for (const [code, days] of Object.entries(choice.staleAfterDays ?? {})) {
    const patch = { staleAfterDays: days ?? null };
    const { problems: bad } = applySettingsOverrides(DEFAULT_SETTINGS, { stages: { [code]: patch } });
    if (bad.length > 0 || !isStageCode(code)) problems[`staleAfterDays.${code}`] = say(SETUP_MESSAGES.thresholdInvalid);
    else stages[code] = patch;
  }
  return { problems, tabs, stageLabels, stages };
}

function checkTab(
  tab: ChoiceTab,
  head: (sheet: string, headerRow: number) => TabHead | null,
  at: string,
  problems: Record<string, string>,
  say: (m: Message, params?: MessageParams) => string,
  locale: Locale,
): Required<TabSpec> | null {
  const validRow = Number.isInteger(tab.headerRow) && tab.headerRow >= 1;
  const found = head(tab.sheet, validRow ? tab.headerRow : 1);
  if (found === null) {
    problems[`${at}.sheet`] = say(SETUP_MESSAGES.sheetMissing, { sheet: tab.sheet });
    return null;
  }
  if (!validRow || tab.headerRow > Math.max(1, found.lastRow)) {
    problems[`${at}.headerRow`] = say(SETUP_MESSAGES.headerRowInvalid, { max: Math.max(1, found.lastRow) });
    return null;
  }
  const { headers } = found;
  const known = new Set<string>(fieldsOf(tab.kind));
  const columns: Record<string, string> = {};
  const usedBy = new Map<number, string>();
  let ok = true;
  for (const [field, column] of Object.entries(tab.columns ?? {})) {
    const key = `${at}.columns.${field}`;
    if (!known.has(field)) {
      problems[key] = say(SETUP_MESSAGES.fieldUnknown, { field });
      ok = false;
      continue;
    }
    const letter = Number.isInteger(column) && column >= 1 ? columnLetter(column) : String(column);
    const header = Number.isInteger(column) && column >= 1 ? (headers[column - 1] ?? '').trim() : null;
    const twice = usedBy.get(column);
    let why: string | null = null;
    if (header === null || column > headers.length) why = say(SETUP_MESSAGES.columnOutside, { column: letter });
    else if (header === '') why = say(SETUP_MESSAGES.columnNoHeader, { column: letter });
    else if (serviceColumnOfHeader(header) !== null) why = say(SETUP_MESSAGES.columnService, { column: letter });
    else if (twice !== undefined) why = say(SETUP_MESSAGES.columnTwice, { column: letter, other: fieldLabel(tab.kind, twice, locale) });
    else {
      const same = headers.flatMap((h, i) => (normalizeHeader(h) === normalizeHeader(header) ? [columnLetter(i + 1)] : []));
      if (same.length > 1) why = say(SETUP_MESSAGES.headerRepeated, { header, columns: same.join(', ') });
    }
    if (why !== null) {
      problems[key] = why;
      ok = false;
      continue;
    }
    usedBy.set(column, field);
    columns[field] = header as string;
  }
  const sets = REQUIRED_FIELDS[tab.kind] as readonly (readonly string[])[];
  if (!sets.some((set) => set.every((f) => columns[f] !== undefined))) {
    if (ok) {
      const names = sets.map((set) => set.map((f) => fieldLabel(tab.kind, f, locale)).join(say(SETUP_MESSAGES.and)));
      problems[`${at}.columns`] = say(SETUP_MESSAGES.requiredMissing, { fields: names.join(say(SETUP_MESSAGES.or)) });
    }
    return null;
  }
  return ok ? { sheet: tab.sheet, headerRow: tab.headerRow, columns } : null;
}

/** The mapping as stored in document properties (and pushed with every sync). */
export interface SetupMapping {
  readonly tabs: Readonly<Partial<Record<TabKind, Required<TabSpec>>>>;
  readonly stageLabels: Readonly<Record<string, StageCode>>;
  readonly settings: Record<string, unknown>;
}

/**
 * The mapping to store: the chosen tabs (plus the ones set-up created), the stage labels as chosen
 * now (a label left out reads as the built-in synonyms say, or as unknown), and the stored settings
 * with the thresholds laid over them.
 */
export function setupMappingOf(
  checked: CheckedChoice,
  created: Readonly<Partial<Record<TabKind, Required<TabSpec>>>>,
  storedSettings: unknown,
): SetupMapping {
  return {
    tabs: { ...checked.tabs, ...created },
    stageLabels: checked.stageLabels,
    settings: mergeSettingsOverrides(storedSettings, { stages: checked.stages }),
  };
}

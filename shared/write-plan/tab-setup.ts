import { FLAG_MESSAGES } from '../flags/flag-messages.ts';
import type { FlagCode } from '../flags/flag.ts';
import type { Locale } from '../i18n/locale.ts';
import type { ResolvedTab } from '../mapping/tab-mapping.ts';
import type { SyncSettings } from '../settings/sync-settings.ts';
import type { ServiceColumnKey } from './service-columns.ts';
import type { SetupStep } from './write-plan.ts';

// The saved filters managers asked for: stale deals, balls left with the customer, overdue actions,
// hand-offs nobody picked up, deals whose special requests need a cost review.
const FILTER_VIEW_FLAGS: readonly FlagCode[] = ['stale', 'ball_follow_up', 'next_action_overdue', 'handoff_unattended', 'cost_review'];
// On the requests tab: every cost flag's label contains 要コスト確認, and a hand-typed status.
const REQUEST_FILTER_VIEW_FLAGS: readonly FlagCode[] = ['cost_review', 'status_tampered'];
const REQUEST_VISIBLE_KEYS = ['status', 'approver', 'decidedOn', 'decisionComment', 'cost', 'flags', 'flagReasons'] as const;

const PROTECT_DESCRIPTION: Readonly<Record<Locale, string>> = {
  ja: 'sheets-sfa が更新する列です(手入力は次回同期で上書きされます)',
  en: 'Columns maintained by sheets-sfa (edits are overwritten at the next sync)',
};

// Google parses each dropdown value like text typed into a cell (ConditionValue.userEnteredValue:
// "formulas are supported and must begin with = or +"), and the labels in use are the team's own
// text: one a cell would take as a formula or a signed expression is left out of the list.
const FORMULA_LEAD = /^[=+\-@]/;
// The setup batch is atomic and tried again by every sync until it lands: a list Google refuses
// would keep the service columns from ever being created. Google documents no size limit for a
// ONE_OF_LIST that we could find, so these caps are conservative, far above any real pipeline. A
// label over the length cap is left out rather than cut: a cut label is a choice no row holds.
const MAX_DROPDOWN_VALUES = 500;
const MAX_LABEL_CHARACTERS = 255;

function isListItem(label: string): boolean {
  if (label === '' || [...label].length > MAX_LABEL_CHARACTERS) return false;
  // NFKC too: a full-width ＝ or ＋ is refused in case Google folds it to ASCII.
  return !FORMULA_LEAD.test(label) && !FORMULA_LEAD.test(label.normalize('NFKC'));
}

const listItems = (labels: readonly string[]): string[] => [...new Set(labels.map((l) => l.trim()).filter(isListItem))];

/**
 * The stage dropdown's values: the labels in use first, so the list never rejects the team's own
 * rows, then the configured ones, each once, trimmed, as plain text only. At most 500: the
 * configured labels always fit, the labels in use fill the rest in the order they came.
 */
export function stageDropdownValues(inUse: readonly string[], configured: readonly string[]): string[] {
  const own = listItems(configured);
  const ownSet = new Set(own);
  const room = Math.max(0, MAX_DROPDOWN_VALUES - own.length);
  const others = new Set(listItems(inUse).filter((l) => !ownSet.has(l)).slice(0, room));
  const ordered = listItems([...inUse, ...configured]).filter((l) => ownSet.has(l) || others.has(l));
  return ordered.slice(0, MAX_DROPDOWN_VALUES);
}

/** One-time formatting for the service columns just created on a tab. */
export function tabSetup(
  tab: ResolvedTab,
  settings: SyncSettings,
  locale: Locale,
  columns: Readonly<Partial<Record<ServiceColumnKey, number>>>,
  created: ReadonlySet<ServiceColumnKey>,
  stageLabelsInUse: readonly string[] = [],
): SetupStep[] {
  const steps: SetupStep[] = [];
  const createdColumns = [...created].map((k) => columns[k]).filter((c): c is number => c !== undefined);
  if (created.has('id') && columns.id !== undefined) steps.push({ kind: 'hideColumn', column: columns.id });
  if (created.has('stageEnteredOn') && columns.stageEnteredOn !== undefined) {
    steps.push({ kind: 'dateFormat', column: columns.stageEnteredOn, pattern: 'yyyy/mm/dd' });
  }
  if (created.has('decidedOn') && columns.decidedOn !== undefined) {
    steps.push({ kind: 'dateFormat', column: columns.decidedOn, pattern: 'yyyy/mm/dd' });
  }
  const flagsColumn = columns.flags;
  if (tab.kind === 'requests' && created.has('flags') && flagsColumn !== undefined) {
    steps.push(...requestFlagSetup(columns, flagsColumn, locale));
  } else if (created.has('flags') && flagsColumn !== undefined) {
    const visible = (['stageEnteredOn', 'daysInStage', 'ballDays', 'flags', 'flagReasons'] as const)
      .map((k) => columns[k])
      .filter((c): c is number => c !== undefined);
    const span = [Math.min(...visible), Math.max(...visible)] as const;
    steps.push({ kind: 'highlight', columns: span, flagsColumn, containsText: FLAG_MESSAGES.stale.label[locale], tone: 'stale' });
    steps.push({ kind: 'highlight', columns: span, flagsColumn, containsText: FLAG_MESSAGES.stale_warning.label[locale], tone: 'warning' });
    for (const code of FILTER_VIEW_FLAGS) {
      const label = FLAG_MESSAGES[code].label[locale];
      steps.push({ kind: 'filterView', title: label, flagsColumn, containsText: label });
    }
    const stageColumn = tab.kind === 'deals' ? (tab.fields as Partial<Record<string, number>>).stage : undefined;
    if (stageColumn !== undefined) {
      const values = stageDropdownValues(stageLabelsInUse, [...settings.stages.map((s) => s.label), ...Object.keys(settings.stageLabels)]);
      // An empty list is no dropdown at all.
      if (values.length > 0) steps.push({ kind: 'dropdown', column: stageColumn, values });
    }
  }
  if (createdColumns.length > 0) {
    steps.push({ kind: 'protectColumns', columns: createdColumns, description: PROTECT_DESCRIPTION[locale] });
  }
  return steps;
}

/** The requests tab's highlights and filter views: a tampered status in red, a cost review in amber. */
function requestFlagSetup(columns: Readonly<Partial<Record<ServiceColumnKey, number>>>, flagsColumn: number, locale: Locale): SetupStep[] {
  const visible = REQUEST_VISIBLE_KEYS.map((k) => columns[k]).filter((c): c is number => c !== undefined);
  const span = [Math.min(...visible), Math.max(...visible)] as const;
  const steps: SetupStep[] = [
    { kind: 'highlight', columns: span, flagsColumn, containsText: FLAG_MESSAGES.status_tampered.label[locale], tone: 'stale' },
    { kind: 'highlight', columns: span, flagsColumn, containsText: FLAG_MESSAGES.cost_review.label[locale], tone: 'warning' },
  ];
  for (const code of REQUEST_FILTER_VIEW_FLAGS) {
    const label = FLAG_MESSAGES[code].label[locale];
    steps.push({ kind: 'filterView', title: label, flagsColumn, containsText: label });
  }
  return steps;
}

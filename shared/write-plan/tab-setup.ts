import { FLAG_MESSAGES } from '../flags/flag-messages.ts';
import type { FlagCode } from '../flags/flag.ts';
import type { Locale } from '../i18n/locale.ts';
import type { ResolvedTab } from '../mapping/tab-mapping.ts';
import type { SyncSettings } from '../settings/sync-settings.ts';
import type { ServiceColumnKey } from './service-columns.ts';
import type { SetupStep } from './write-plan.ts';

// The saved filters managers asked for: stale deals, balls left with the customer, overdue actions,
// hand-offs nobody picked up.
const FILTER_VIEW_FLAGS: readonly FlagCode[] = ['stale', 'ball_follow_up', 'next_action_overdue', 'handoff_unattended'];

const PROTECT_DESCRIPTION: Readonly<Record<Locale, string>> = {
  ja: 'sheets-sfa が更新する列です(手入力は次回同期で上書きされます)',
  en: 'Columns maintained by sheets-sfa (edits are overwritten at the next sync)',
};

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
  const flagsColumn = columns.flags;
  if (created.has('flags') && flagsColumn !== undefined) {
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
      // The labels the team already writes come first, so the list never rejects its own rows.
      const labels = [...stageLabelsInUse, ...settings.stages.map((s) => s.label), ...Object.keys(settings.stageLabels)];
      steps.push({ kind: 'dropdown', column: stageColumn, values: [...new Set(labels)] });
    }
  }
  if (createdColumns.length > 0) {
    steps.push({ kind: 'protectColumns', columns: createdColumns, description: PROTECT_DESCRIPTION[locale] });
  }
  return steps;
}

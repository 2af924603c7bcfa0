import { cellText } from '../../../shared/cells/cell-text.ts';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { isBlankMarker } from '../../../shared/cells/normalize-text.ts';
import { parseStage } from '../../../shared/cells/parse-stage.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { columnLetter } from '../../../shared/mapping/column-letter.ts';
import type { ResolvedMapping } from '../../../shared/mapping/resolve-mapping.ts';
import { TAB_KINDS, type TabKind } from '../../../shared/records/tab-kind.ts';
import { withLocalizedStageLabels } from '../../../shared/settings/localized-stages.ts';
import { applySettingsOverrides } from '../../../shared/settings/settings-overrides.ts';
import { stageLabelMap } from '../../../shared/settings/stage-label-map.ts';
import { DEFAULT_SETTINGS, type SyncSettings } from '../../../shared/settings/sync-settings.ts';
import type { StageCode } from '../../../shared/stages/stage.ts';
import { serviceColumnOfHeader } from '../../../shared/write-plan/service-columns.ts';
import type { HeaderCell, StageLabelProposal, StageThreshold, TabProposal } from '../rpc/sidebar-rpc.ts';
import { alwaysRequired, fieldLabel, fieldsOf } from './field-labels.ts';

// A stage column holding free text would list every cell; the sidebar shows the commonest.
const MAX_STAGE_LABELS = 60;

/** The team's header cells of a row (the service's own [SFA] columns left out), with their letters. */
export function headerCells(row: readonly CellValue[]): HeaderCell[] {
  const cells: HeaderCell[] = [];
  row.forEach((value, i) => {
    const text = cellText(value);
    if (text === '' || serviceColumnOfHeader(text) !== null) return;
    cells.push({ column: i + 1, letter: columnLetter(i + 1), text });
  });
  return cells;
}

/**
 * One proposal per kind of tab, from the shared detection (or the stored mapping it resolved):
 * the tab, its header row and headers, and every field with the column proposed for it.
 */
export function tabProposals(resolved: ResolvedMapping, locale: Locale): TabProposal[] {
  return TAB_KINDS.map((kind: TabKind): TabProposal => {
    const tab = resolved.tabs.find((t) => t.kind === kind) ?? null;
    const required = alwaysRequired(kind);
    const chosen = (tab?.fields ?? {}) as Readonly<Record<string, number | undefined>>;
    return {
      kind,
      sheet: tab?.sheet ?? null,
      headerRow: tab?.headerRow ?? null,
      headers: tab === null ? [] : headerCells(tab.headers),
      fields: fieldsOf(kind).map((field) => ({
        field,
        label: fieldLabel(kind, field, locale),
        required: required.has(field),
        column: chosen[field] ?? null,
      })),
    };
  });
}

/** The effective settings: defaults with the stored overrides (bad ones ignored, as the sync does). */
export function effectiveSettings(storedSettings: unknown, storedLabels: Readonly<Record<string, StageCode>> | null): SyncSettings {
  const { settings } = applySettingsOverrides(DEFAULT_SETTINGS, storedSettings ?? null);
  if (storedLabels === null) return settings;
  return applySettingsOverrides(settings, { stageLabels: storedLabels }).settings;
}

/**
 * The distinct labels of a stage column with how often each occurs and the stage it reads as now
 * (the team's stored labels first, then the built-in synonyms), commonest first.
 */
export function stageLabelProposals(cells: readonly CellValue[], settings: SyncSettings): StageLabelProposal[] {
  const counts = new Map<string, number>();
  for (const cell of cells) {
    const label = cellText(cell);
    if (label === '' || isBlankMarker(label)) continue;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const labels = stageLabelMap(settings);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, MAX_STAGE_LABELS)
    .map(([label, count]) => {
      const parsed = parseStage(label, labels);
      return { label, count, stage: parsed.ok ? parsed.value : null };
    });
}

/** Every canonical stage with its label (in the user's language unless the team named it) and threshold. */
export function stageThresholds(settings: SyncSettings, locale: Locale): StageThreshold[] {
  return withLocalizedStageLabels(settings, locale).stages.map((s) => ({ code: s.code, label: s.label, staleAfterDays: s.staleAfterDays }));
}

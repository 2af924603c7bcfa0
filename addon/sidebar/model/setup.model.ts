import type { Locale } from '../../../shared/i18n/locale.ts';
import type { TabKind } from '../../../shared/records/tab-kind.ts';
import { isStageCode, TERMINAL_STAGES, type StageCode } from '../../../shared/stages/stage.ts';
import type { SetupChoice, SetupProposal, TabProposal } from '../../src/rpc/sidebar-rpc.ts';
import { tr } from '../messages.ts';
import type { FieldErrors } from './field-errors.ts';
import { parseNumberText, wholeNumberIn } from './number-text.ts';

/** The set-up form as chosen so far. */
export interface SetupDraft {
  /** Per found tab: field → 1-based column, or null when the field is not used. */
  readonly columns: Readonly<Partial<Record<TabKind, Readonly<Record<string, number | null>>>>>;
  /** Per stage label as the team writes it: the canonical stage, or '' until chosen. */
  readonly stageLabels: Readonly<Record<string, StageCode | ''>>;
  /** Per non-terminal stage: the stale threshold as typed ('' = never stale). */
  readonly staleAfterDays: Readonly<Partial<Record<StageCode, string>>>;
  readonly createMissingTabs: boolean;
}

// Control names are the add-on's field paths for SetupChoice, so its refusals land next to them too.
export const columnControl = (kind: TabKind, field: string): string => `tabs.${kind}.columns.${field}`;
export const stageLabelControl = (label: string): string => `stageLabels.${label}`;
export const staleControl = (code: StageCode): string => `staleAfterDays.${code}`;

const MAX_STALE_DAYS = 3650;

export function isTerminal(code: StageCode): boolean {
  return TERMINAL_STAGES.has(code);
}

/** Per non-terminal stage, its stale threshold as a form holds it ('' = never stale). */
export function staleTexts<S extends { readonly code: StageCode }>(stages: readonly S[], textOf: (stage: S) => string): Partial<Record<StageCode, string>> {
  const texts: Partial<Record<StageCode, string>> = {};
  for (const stage of stages) if (!isTerminal(stage.code)) texts[stage.code] = textOf(stage);
  return texts;
}

export const staleText = (stage: { readonly staleAfterDays: number | null }): string =>
  stage.staleAfterDays === null ? '' : String(stage.staleAfterDays);

/** A typed stale threshold: whole days from 1, null when blank (never stale), undefined when neither. */
export function staleDaysOf(text: string): number | null | undefined {
  if (parseNumberText(text).kind === 'blank') return null;
  return wholeNumberIn(text, 1, MAX_STALE_DAYS) ?? undefined;
}

export function setupDraftOf(proposal: SetupProposal): SetupDraft {
  const columns: Partial<Record<TabKind, Record<string, number | null>>> = {};
  for (const tab of proposal.tabs) {
    if (tab.sheet === null) continue;
    columns[tab.kind] = Object.fromEntries(tab.fields.map((f) => [f.field, f.column]));
  }
  const stageLabels = Object.fromEntries(proposal.stageLabels.map((s) => [s.label, s.stage ?? ''] as const));
  const staleAfterDays = staleTexts(proposal.stages, staleText);
  const missing = proposal.tabs.some((tab) => tab.kind !== 'deals' && tab.sheet === null);
  return { columns, stageLabels, staleAfterDays, createMissingTabs: missing };
}

function tabErrors(tab: TabProposal, chosen: Readonly<Record<string, number | null>>, locale: Locale, errors: Record<string, string>): void {
  const seen = new Map<number, string>();
  for (const field of tab.fields) {
    const column = chosen[field.field] ?? null;
    if (column === null) {
      if (field.required) errors[columnControl(tab.kind, field.field)] = tr(locale, 'errFieldRequired');
      continue;
    }
    const other = seen.get(column);
    if (other !== undefined) errors[columnControl(tab.kind, field.field)] = tr(locale, 'errColumnTwice', { other });
    else seen.set(column, field.label);
  }
}

/**
 * The SetupChoice to store, or a message per control: every required field of a found tab has a
 * column, no column serves two fields of one tab, every stage label means a canonical stage, and
 * each threshold is a whole number of days (blank: never stale). Tabs that were not found are
 * left to `createMissingTabs`.
 */
export function setupChoiceOf(
  proposal: SetupProposal,
  draft: SetupDraft,
  locale: Locale,
): { readonly ok: true; readonly choice: SetupChoice } | { readonly ok: false; readonly errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const tabs: SetupChoice['tabs'][number][] = [];
  for (const tab of proposal.tabs) {
    if (tab.sheet === null || tab.headerRow === null) {
      if (tab.kind === 'deals') errors['tabs.deals.sheet'] = tr(locale, 'dealsNotFound');
      continue;
    }
    const chosen = draft.columns[tab.kind] ?? {};
    tabErrors(tab, chosen, locale, errors);
    const columns: Record<string, number> = {};
    for (const [field, column] of Object.entries(chosen)) if (column !== null) columns[field] = column;
    tabs.push({ kind: tab.kind, sheet: tab.sheet, headerRow: tab.headerRow, columns });
  }

  const stageLabels: Record<string, StageCode> = {};
  for (const proposed of proposal.stageLabels) {
    const stage = draft.stageLabels[proposed.label] ?? '';
    if (stage !== '' && isStageCode(stage)) stageLabels[proposed.label] = stage;
    else errors[stageLabelControl(proposed.label)] = tr(locale, 'errStageRequired');
  }

  const staleAfterDays: Partial<Record<StageCode, number | null>> = {};
  for (const stage of proposal.stages) {
    if (isTerminal(stage.code)) continue;
    const days = staleDaysOf(draft.staleAfterDays[stage.code] ?? '');
    if (days === undefined) errors[staleControl(stage.code)] = tr(locale, 'errStaleDays');
    else staleAfterDays[stage.code] = days;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, choice: { tabs, stageLabels, staleAfterDays, createMissingTabs: draft.createMissingTabs } };
}

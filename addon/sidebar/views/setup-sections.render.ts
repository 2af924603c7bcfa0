import { STAGE_CODES, type StageCode } from '../../../shared/stages/stage.ts';
import type { SetupProposal, StageThreshold, TabProposal } from '../../src/rpc/sidebar-rpc.ts';
import { field, selectInput, textInput } from '../dom/field.ts';
import { h, uid } from '../dom/h.ts';
import { t, type MessageKey } from '../messages.ts';
import { columnControl, isTerminal, stageLabelControl, staleControl, type SetupDraft } from '../model/setup.model.ts';

const TAB_TITLE: Readonly<Record<TabProposal['kind'], MessageKey>> = { deals: 'tabKindDeals', visits: 'tabKindVisits', requests: 'tabKindRequests' };

function section(title: string, children: readonly (HTMLElement | null)[], extra: Record<string, string> = {}): HTMLElement {
  const id = uid('setup');
  return h('section', { class: 'card setup-section', 'aria-labelledby': id, ...extra }, [h('h3', { class: 'section-title', id }, [title]), ...children]);
}

/** One tab: where it was found, and a column picker (the tab's own headers) per field. */
export function tabSection(tab: TabProposal, draft: SetupDraft): HTMLElement {
  const title = t(TAB_TITLE[tab.kind]);
  if (tab.sheet === null || tab.headerRow === null) {
    const missing = tab.kind === 'deals' ? h('p', { class: 'notice notice-error', role: 'alert' }, [t('dealsNotFound')]) : h('p', { class: 'muted' }, [t('tabNotFound')]);
    return section(title, [missing], { 'data-tab-kind': tab.kind });
  }
  const chosen = draft.columns[tab.kind] ?? {};
  const fields = tab.fields.map((f) => {
    const options = [
      { value: '', label: f.required ? t('columnChoose') : t('columnNone') },
      ...tab.headers.map((header) => ({ value: String(header.column), label: `${header.letter}: ${header.text}` })),
    ];
    const column = chosen[f.field] ?? null;
    const select = selectInput(columnControl(tab.kind, f.field), options, column === null ? '' : String(column));
    return field({ label: f.label, control: select, required: f.required, className: 'field-row' });
  });
  return section(title, [h('p', { class: 'muted small' }, [t('sheetAt', { sheet: tab.sheet, row: tab.headerRow })]), ...fields], { 'data-tab-kind': tab.kind });
}

/** Each stage label the team writes, mapped onto a canonical stage. */
export function stageLabelSection(proposal: SetupProposal, draft: SetupDraft): HTMLElement {
  const stageOptions = [
    { value: '', label: t('chooseOne') },
    ...STAGE_CODES.map((code) => ({ value: code, label: proposal.stages.find((s) => s.code === code)?.label ?? code })),
  ];
  const rows = proposal.stageLabels.map((proposed) => {
    const select = selectInput(stageLabelControl(proposed.label), stageOptions, draft.stageLabels[proposed.label] ?? '');
    return field({ label: proposed.label, control: select, required: true, hint: t('stageLabelRows', { count: proposed.count }), className: 'field-row' });
  });
  return section(t('stageLabelsHeading'), [
    h('p', { class: 'muted small' }, [t('stageLabelsIntro')]),
    ...(rows.length === 0 ? [h('p', { class: 'muted small' }, [t('noStageLabels')])] : rows),
  ]);
}

/** A days box per non-terminal stage (blank: never stale); terminal stages are shown as n/a. */
export function thresholdFields(
  stages: readonly StageThreshold[],
  values: Readonly<Partial<Record<StageCode, string>>>,
  nameOf: (code: StageCode) => string,
): HTMLElement[] {
  return stages.map((stage) => {
    if (isTerminal(stage.code)) {
      return h('div', { class: 'field field-row field-static' }, [h('span', { class: 'field-label' }, [stage.label]), h('span', { class: 'muted' }, [t('terminalStage')])]);
    }
    const input = textInput(nameOf(stage.code), values[stage.code] ?? '', { inputmode: 'numeric', class: 'input input-days' });
    return field({ label: t('daysLabel', { label: stage.label }), control: input, className: 'field-row' });
  });
}

export function thresholdSection(proposal: SetupProposal, draft: SetupDraft): HTMLElement {
  return section(t('thresholdsHeading'), [h('p', { class: 'muted small' }, [t('thresholdHint')]), ...thresholdFields(proposal.stages, draft.staleAfterDays, staleControl)]);
}

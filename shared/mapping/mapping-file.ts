import { TAB_KINDS } from '../records/tab-kind.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What is wrong with the shape of a mapping file (`{ tabs, stageLabels, settings }`), each as
 * a JSON path and what it must be; empty when the shape is right. Values inside `settings`
 * are checked when they are applied, where a bad one is only a warning.
 */
export function mappingFileProblems(value: unknown): string[] {
  if (!isRecord(value)) return ['the file must hold a JSON object'];
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (!['tabs', 'stageLabels', 'settings'].includes(key)) problems.push(`${key}: unknown key (expected tabs, stageLabels, settings)`);
  }
  if (value.tabs !== undefined) {
    if (!isRecord(value.tabs)) problems.push('tabs: must be an object keyed by deals, visits, requests');
    else {
      for (const [kind, tab] of Object.entries(value.tabs)) {
        const at = `tabs.${kind}`;
        if (!(TAB_KINDS as readonly string[]).includes(kind)) problems.push(`${at}: unknown tab kind (expected ${TAB_KINDS.join(', ')})`);
        if (!isRecord(tab)) {
          problems.push(`${at}: must be an object with a sheet`);
          continue;
        }
        if (typeof tab.sheet !== 'string' || tab.sheet.trim() === '') problems.push(`${at}.sheet: must be the tab's name`);
        if (tab.headerRow !== undefined && !(Number.isInteger(tab.headerRow) && (tab.headerRow as number) >= 1)) problems.push(`${at}.headerRow: must be a row number from 1`);
        if (tab.columns !== undefined) {
          if (!isRecord(tab.columns)) problems.push(`${at}.columns: must be an object of field → header text or column letter`);
          else for (const [field, column] of Object.entries(tab.columns)) if (typeof column !== 'string' || column.trim() === '') problems.push(`${at}.columns.${field}: must be a header text or a column letter`);
        }
      }
    }
  }
  if (value.stageLabels !== undefined && !(isRecord(value.stageLabels) && Object.values(value.stageLabels).every((v) => typeof v === 'string'))) {
    problems.push('stageLabels: must be an object of label → stage code');
  }
  if (value.settings !== undefined && !isRecord(value.settings)) problems.push('settings: must be an object');
  return problems;
}

// The stage column is the team's: a validation of their own there (their list, their chips) must
// survive setup, and setDataValidation would replace it. So before the setup batch, the stage
// column's first data rows are fetched with their validation rules, and the dropdown step is
// dropped wherever one is found (as the add-on does through Range.getDataValidations()).
import type { sheets_v4 } from 'googleapis';
import type { SetupStep, TabPlan, WritePlan } from '../../../shared/write-plan/write-plan.ts';
import { columnRange } from './a1-range.ts';
import type { TabMeta } from './spreadsheet-meta.ts';

/**
 * How many rows below the header are looked at: a team's own list covers the column from its
 * first data rows, and the answer stays small whatever the row count.
 */
export const VALIDATION_SCAN_ROWS = 1000;

/** Only whether a cell holds a rule: each found rule's type, nothing of its list. */
export const VALIDATION_FIELDS = 'sheets(properties(sheetId),data(startColumn,rowData(values(dataValidation(condition(type))))))';

type Dropdown = Extract<SetupStep, { kind: 'dropdown' }>;

const isDropdown = (step: SetupStep): step is Dropdown => step.kind === 'dropdown';
const cellKey = (sheetId: number, column: number) => `${sheetId}:${column}`;

/**
 * The A1 ranges to look at: the first data rows of each column a plan would give a dropdown.
 * Empty when the plan sets none up (every sync but the first), or the grid has no row below the
 * header yet (no cell there can hold a rule).
 */
export function dropdownScanRanges(plan: WritePlan, metaOf: (sheet: string) => TabMeta): string[] {
  const ranges: string[] = [];
  for (const tab of plan.tabs) {
    for (const step of tab.setup.filter(isDropdown)) {
      const meta = metaOf(tab.sheet);
      const first = tab.headerRow + 1;
      // Clamped to the grid: a range past it is refused ("exceeds grid limits").
      const last = Math.min(meta.rowCount, tab.headerRow + VALIDATION_SCAN_ROWS);
      if (first <= last && step.column <= meta.columnCount) ranges.push(columnRange(tab.sheet, step.column, first, last));
    }
  }
  return ranges;
}

/** The cells (as sheetId:column, 1-based) where the answer to a VALIDATION_FIELDS fetch shows a rule. */
export function validatedColumns(spreadsheet: sheets_v4.Schema$Spreadsheet): Set<string> {
  const found = new Set<string>();
  for (const sheet of spreadsheet.sheets ?? []) {
    const sheetId = sheet.properties?.sheetId ?? 0;
    // Each requested range comes back as one GridData; proto3 JSON leaves a 0 start out.
    for (const data of sheet.data ?? []) {
      for (const row of data.rowData ?? []) {
        (row.values ?? []).forEach((cell, i) => {
          if (cell.dataValidation != null) found.add(cellKey(sheetId, (data.startColumn ?? 0) + i + 1));
        });
      }
    }
  }
  return found;
}

/** The plan without the dropdown steps on columns that already hold a validation of the team's. */
export function withoutDropdownsOn(plan: WritePlan, validated: ReadonlySet<string>, metaOf: (sheet: string) => TabMeta): WritePlan {
  if (validated.size === 0) return plan;
  const keep = (tab: TabPlan) => (step: SetupStep) => !isDropdown(step) || !validated.has(cellKey(metaOf(tab.sheet).sheetId, step.column));
  return { ...plan, tabs: plan.tabs.map((tab) => ({ ...tab, setup: tab.setup.filter(keep(tab)) })) };
}

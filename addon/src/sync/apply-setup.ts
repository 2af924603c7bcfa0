// The one-time formatting a plan asks for when it creates the service's columns, through
// SpreadsheetApp. Ranges run from the first data row to the sheet's last row.
import { columnLetter } from '../../../shared/mapping/column-letter.ts';
import { columnRuns } from '../../../shared/write-plan/column-runs.ts';
import type { SetupStep } from '../../../shared/write-plan/write-plan.ts';

type Step<K extends SetupStep['kind']> = Extract<SetupStep, { kind: K }>;

// The tints the Google source and the .xlsx source use: light red for stale, amber for the warning.
const TONE_BACKGROUND: Readonly<Record<Step<'highlight'>['tone'], string>> = { stale: '#f4c7c3', warning: '#fce8b2' };

export interface SetupApplied {
  readonly applied: number;
  /** Steps SpreadsheetApp cannot carry out: filter views exist only in the Sheets API. */
  readonly skipped: number;
}

/** The highlight's custom formula: relative to the range's first row, so each row reads its own flags cell. */
function highlightFormula(containsText: string, flagsColumn: number, firstDataRow: number): string {
  return `=ISNUMBER(SEARCH("${containsText.replaceAll('"', '""')}",$${columnLetter(flagsColumn)}${firstDataRow}))`;
}

function hasValidation(range: GoogleAppsScript.Spreadsheet.Range): boolean {
  return range.getDataValidations().some((row) => row.some((rule) => rule !== null));
}

export function applySetupSteps(sheet: GoogleAppsScript.Spreadsheet.Sheet, steps: readonly SetupStep[], headerRow: number): SetupApplied {
  const firstDataRow = headerRow + 1;
  const dataRows = sheet.getMaxRows() - headerRow;
  const dataRange = (first: number, last = first) => sheet.getRange(firstDataRow, first, dataRows, last - first + 1);
  const highlights: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  let applied = 0;
  let skipped = 0;
  for (const step of steps) {
    switch (step.kind) {
      case 'hideColumn':
        sheet.hideColumns(step.column);
        applied++;
        break;
      case 'dateFormat':
        if (dataRows < 1) skipped++;
        else {
          dataRange(step.column).setNumberFormat(step.pattern);
          applied++;
        }
        break;
      case 'highlight':
        if (dataRows < 1) skipped++;
        else {
          highlights.push(
            SpreadsheetApp.newConditionalFormatRule()
              .whenFormulaSatisfied(highlightFormula(step.containsText, step.flagsColumn, firstDataRow))
              .setBackground(TONE_BACKGROUND[step.tone])
              .setRanges([dataRange(step.columns[0], step.columns[1])])
              .build(),
          );
          applied++;
        }
        break;
      case 'protectColumns':
        // Warning-only: the team can still type there, after a prompt saying the sync overwrites it.
        for (const [first, last] of columnRuns(step.columns)) {
          const protection = sheet.getRange(headerRow, first, dataRows + 1, last - first + 1).protect();
          protection.setDescription(step.description);
          protection.setWarningOnly(true);
        }
        applied++;
        break;
      case 'dropdown':
        // The stage column is the team's: a validation of their own there (their list, their
        // chips) stays. setDataValidation would replace it.
        if (dataRows < 1 || hasValidation(dataRange(step.column))) skipped++;
        else {
          // Not strict: a stage label the list lacks is flagged by the sync, never rejected.
          dataRange(step.column).setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList([...step.values], true).setAllowInvalid(true).build());
          applied++;
        }
        break;
      case 'filterView':
        // SpreadsheetApp has no filter views (only the one basic filter, which belongs to the team).
        skipped++;
        break;
    }
  }
  if (highlights.length > 0) {
    // In plan order and ahead of the team's own rules: the first highlight takes precedence.
    sheet.setConditionalFormatRules([...highlights, ...sheet.getConditionalFormatRules()]);
  }
  return { applied, skipped };
}

import type { sheets_v4 } from 'googleapis';
import { columnLetter } from '../../../shared/mapping/column-letter.ts';
import { columnRuns } from '../../../shared/write-plan/column-runs.ts';
import type { SetupStep } from '../../../shared/write-plan/write-plan.ts';

type Request = sheets_v4.Schema$Request;
type Step<K extends SetupStep['kind']> = Extract<SetupStep, { kind: K }>;

/** Where a tab's setup lands; rows and columns are 1-based. */
export interface SetupTarget {
  readonly sheetId: number;
  readonly headerRow: number;
  /** The last column in use once the service columns exist: filter views span up to it. */
  readonly lastColumn: number;
}

// The same tints the .xlsx source uses: light red for stale, amber for the warning.
const TONE_COLOR: Readonly<Record<Step<'highlight'>['tone'], sheets_v4.Schema$Color>> = {
  stale: { red: 0xf4 / 255, green: 0xc7 / 255, blue: 0xc3 / 255 },
  warning: { red: 0xfc / 255, green: 0xe8 / 255, blue: 0xb2 / 255 },
};

/** Columns first..last from the first data row down; no end row, so rows added later are covered. */
function dataRows(at: SetupTarget, first: number, last = first): sheets_v4.Schema$GridRange {
  return { sheetId: at.sheetId, startRowIndex: at.headerRow, startColumnIndex: first - 1, endColumnIndex: last };
}

export function hideColumnRequest(step: Step<'hideColumn'>, at: SetupTarget): Request {
  return {
    updateDimensionProperties: {
      range: { sheetId: at.sheetId, dimension: 'COLUMNS', startIndex: step.column - 1, endIndex: step.column },
      properties: { hiddenByUser: true },
      fields: 'hiddenByUser',
    },
  };
}

export function dateFormatRequest(step: Step<'dateFormat'>, at: SetupTarget): Request {
  return {
    repeatCell: {
      range: dataRows(at, step.column),
      cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: step.pattern } } },
      fields: 'userEnteredFormat.numberFormat',
    },
  };
}

/** A formula string literal: quotes doubled. */
const formulaText = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * Lights up a row's service cells when its flags cell contains the text. The formula is relative
 * to the range's top-left cell, so `$J2` (first data row) reads each row's own flags cell.
 */
export function highlightRequest(step: Step<'highlight'>, at: SetupTarget, index: number): Request {
  const [first, last] = step.columns;
  const flagsCell = `$${columnLetter(step.flagsColumn)}${at.headerRow + 1}`;
  return {
    addConditionalFormatRule: {
      index,
      rule: {
        ranges: [dataRows(at, first, last)],
        booleanRule: {
          condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: `=ISNUMBER(SEARCH(${formulaText(step.containsText)},${flagsCell}))` }] },
          format: { backgroundColor: TONE_COLOR[step.tone] },
        },
      },
    },
  };
}

/** Warning-only: the team can still type there, after a prompt saying the sync will overwrite it. */
export function protectColumnsRequests(step: Step<'protectColumns'>, at: SetupTarget): Request[] {
  return columnRuns(step.columns).map(([first, last]) => ({
    addProtectedRange: {
      protectedRange: {
        range: { sheetId: at.sheetId, startRowIndex: at.headerRow - 1, startColumnIndex: first - 1, endColumnIndex: last },
        description: step.description,
        warningOnly: true,
      },
    },
  }));
}

export function filterViewRequest(step: Step<'filterView'>, at: SetupTarget): Request {
  return {
    addFilterView: {
      filter: {
        title: step.title,
        range: { sheetId: at.sheetId, startRowIndex: at.headerRow - 1, startColumnIndex: 0, endColumnIndex: at.lastColumn },
        filterSpecs: [
          {
            columnIndex: step.flagsColumn - 1,
            filterCriteria: { condition: { type: 'TEXT_CONTAINS', values: [{ userEnteredValue: step.containsText }] } },
          },
        ],
      },
    },
  };
}

/** Not strict: a stage label the list lacks is flagged in the cell, never rejected. */
export function dropdownRequest(step: Step<'dropdown'>, at: SetupTarget): Request {
  return {
    setDataValidation: {
      range: dataRows(at, step.column),
      rule: {
        condition: { type: 'ONE_OF_LIST', values: step.values.map((v) => ({ userEnteredValue: v })) },
        strict: false,
        showCustomUi: true,
      },
    },
  };
}

/** A tab's setup steps as batchUpdate requests, in plan order (the first highlight takes precedence). */
export function setupRequests(steps: readonly SetupStep[], at: SetupTarget): Request[] {
  const requests: Request[] = [];
  let highlights = 0;
  for (const step of steps) {
    switch (step.kind) {
      case 'hideColumn':
        requests.push(hideColumnRequest(step, at));
        break;
      case 'dateFormat':
        requests.push(dateFormatRequest(step, at));
        break;
      case 'highlight':
        requests.push(highlightRequest(step, at, highlights++));
        break;
      case 'protectColumns':
        requests.push(...protectColumnsRequests(step, at));
        break;
      case 'filterView':
        requests.push(filterViewRequest(step, at));
        break;
      case 'dropdown':
        requests.push(dropdownRequest(step, at));
        break;
    }
  }
  return requests;
}

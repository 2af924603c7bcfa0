import type ExcelJS from 'exceljs';
import { columnLetter } from '../../../shared/mapping/column-letter.ts';
import type { SetupStep, TabPlan } from '../../../shared/write-plan/write-plan.ts';
import { excelDateFromSerial } from './xlsx-cell-value.ts';

const DATE_FORMAT = 'yyyy/mm/dd';
const TONE_FILL: Readonly<Record<'stale' | 'warning', string>> = { stale: 'FFF4C7C3', warning: 'FFFCE8B2' };

function applySetup(sheet: ExcelJS.Worksheet, tab: TabPlan, step: SetupStep): void {
  const firstRow = tab.headerRow + 1;
  const lastRow = Math.max(tab.lastRow, firstRow);
  switch (step.kind) {
    case 'hideColumn':
      sheet.getColumn(step.column).hidden = true;
      return;
    case 'dateFormat':
      sheet.getColumn(step.column).width = 12;
      return;
    case 'highlight': {
      const [first, last] = step.columns;
      const flags = `${columnLetter(step.flagsColumn)}${firstRow}`;
      sheet.addConditionalFormatting({
        ref: `${columnLetter(first)}${firstRow}:${columnLetter(last)}${lastRow}`,
        rules: [
          {
            type: 'expression',
            priority: step.tone === 'stale' ? 1 : 2,
            // Anchored on the row's own flags cell, so the whole service block of a row lights up.
            formulae: [`ISNUMBER(SEARCH("${step.containsText}",$${flags}))`],
            style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: TONE_FILL[step.tone] } } },
          },
        ],
      });
      return;
    }
    case 'dropdown': {
      const cell = sheet.getCell(firstRow, step.column);
      // The team's own validation wins; Excel caps a literal list at 255 characters.
      const list = `"${step.values.join(',')}"`;
      if (cell.dataValidation !== undefined || list.length > 255) return;
      for (let row = firstRow; row <= lastRow; row++) {
        // A suggestion list only: no error box, so a label the team types that is not on it stays.
        sheet.getCell(row, step.column).dataValidation = { type: 'list', allowBlank: true, showErrorMessage: false, formulae: [list] };
      }
      return;
    }
    // Warning-only protection and filter views are Google Sheets features with no .xlsx
    // counterpart that leaves the team's own cells editable; the headers' [SFA] marker stands in.
    case 'protectColumns':
    case 'filterView':
      return;
  }
}

/** Applies one tab's plan to an exceljs worksheet: service headers, service cells, setup. */
export function applyTabPlan(sheet: ExcelJS.Worksheet, tab: TabPlan): void {
  for (const c of tab.newColumns) {
    const header = sheet.getCell(tab.headerRow, c.column);
    header.value = c.header;
    // Look like the team's header row: borrow the style of its last header cell.
    const neighbour = sheet.getCell(tab.headerRow, c.column - 1);
    if (c.column > 1) header.style = { ...neighbour.style };
    sheet.getColumn(c.column).width = Math.max(10, c.header.length * 2 + 2);
  }
  const dateColumn = tab.columns.stageEnteredOn;
  for (const w of tab.writes) {
    const cell = sheet.getCell(w.row, w.column);
    if (w.column === dateColumn && typeof w.value === 'number') {
      cell.value = excelDateFromSerial(w.value);
      cell.numFmt = DATE_FORMAT;
    } else {
      // Plain values only: text the service writes is never turned into a formula.
      cell.value = w.value;
    }
  }
  for (const step of tab.setup) applySetup(sheet, tab, step);
}

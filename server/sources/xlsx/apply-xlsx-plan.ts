import type ExcelJS from 'exceljs';
import { columnLetter, columnNumber } from '../../../shared/mapping/column-letter.ts';
import { appendedWrites, type SetupStep, type TabPlan } from '../../../shared/write-plan/write-plan.ts';
import { excelDateFromSerial, cellValueOf } from './xlsx-cell-value.ts';

const DATE_FORMAT = 'yyyy/mm/dd';
// Excel's last row: highlights reach rows the team adds after the columns were created.
const LAST_EXCEL_ROW = 1_048_576;
const TONE_FILL: Readonly<Record<'stale' | 'warning', string>> = { stale: 'FFF4C7C3', warning: 'FFFCE8B2' };

function applySetup(sheet: ExcelJS.Worksheet, tab: TabPlan, step: SetupStep): void {
  const firstRow = tab.headerRow + 1;
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
        ref: `${columnLetter(first)}${firstRow}:${columnLetter(last)}${LAST_EXCEL_ROW}`,
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
    // The stage dropdown sits on the team's own column: in .xlsx it would mean writing a
    // validation into cells the team owns (per cell, and over any validation of theirs), so
    // only Google Sheets, where it is one range rule, gets it. Warning-only protection and
    // filter views have no .xlsx counterpart that leaves the team's cells editable; the
    // headers' [SFA] marker stands in.
    case 'dropdown':
    case 'protectColumns':
    case 'filterView':
      return;
  }
}

const RANGE_RE = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/;

/**
 * Widens the team's AutoFilter (when it spans the header row) to the last new service column.
 * Excel sorts only the filter's range: left out, ids would stay put while the team's rows moved
 * under them. Columns between the two are taken in too, so whole rows always sort together.
 */
function widenAutoFilter(sheet: ExcelJS.Worksheet, tab: TabPlan): void {
  const filter = sheet.autoFilter;
  if (typeof filter !== 'string' || tab.newColumns.length === 0) return;
  const m = RANGE_RE.exec(filter);
  if (m === null) return;
  const [, fromCol = '', fromRow = '', toCol = '', toRow = ''] = m;
  const end = columnNumber(toCol) ?? 0;
  const lastNew = Math.max(...tab.newColumns.map((c) => c.column));
  const headerInside = Number(fromRow) <= tab.headerRow && tab.headerRow <= Number(toRow);
  if (!headerInside || end >= lastNew) return;
  sheet.autoFilter = `${fromCol}${fromRow}:${columnLetter(lastNew)}${toRow}`;
}

/** The last row holding a value (0 when none): appended rows go below it. */
function lastFilledRow(sheet: ExcelJS.Worksheet): number {
  for (let r = sheet.rowCount; r > 0; r--) {
    const row = sheet.getRow(r);
    let filled = false;
    row.eachCell((cell) => {
      const v = cellValueOf(cell);
      if (v !== null && v !== '') filled = true;
    });
    if (filled) return r;
  }
  return 0;
}

function idsShown(sheet: ExcelJS.Worksheet, idColumn: number | undefined): Set<string> {
  const ids = new Set<string>();
  if (idColumn === undefined) return ids;
  sheet.getColumn(idColumn).eachCell((cell) => {
    const v = cellValueOf(cell);
    if (typeof v === 'string' && v.trim() !== '') ids.add(v.trim());
  });
  return ids;
}

/**
 * Rows born in the API, below the last row holding a value; each cell borrows the style of the
 * row above (the team's own look and date formats) when that is a data row.
 */
function appendRows(sheet: ExcelJS.Worksheet, tab: TabPlan): void {
  if ((tab.appends ?? []).length === 0) return;
  const first = Math.max(lastFilledRow(sheet), tab.headerRow) + 1;
  for (const w of appendedWrites(tab, first, idsShown(sheet, tab.columns.id))) {
    const cell = sheet.getCell(w.row, w.column);
    if (w.row - 1 > tab.headerRow) cell.style = { ...sheet.getCell(w.row - 1, w.column).style };
    if (w.format === 'date' && typeof w.value === 'number') {
      cell.value = excelDateFromSerial(w.value);
      if (cell.numFmt === undefined || cell.numFmt === 'General') cell.numFmt = DATE_FORMAT;
    } else {
      // Plain values only: text the API received is never turned into a formula.
      cell.value = w.value;
    }
  }
}

/** Applies one tab's plan to an exceljs worksheet: service headers, service cells, appended rows, setup. */
export function applyTabPlan(sheet: ExcelJS.Worksheet, tab: TabPlan): void {
  for (const w of [...tab.newColumns.map((c) => ({ row: tab.headerRow, column: c.column })), ...tab.writes]) {
    // A safety net: service columns are placed after every used column, so this never fires.
    if (sheet.getCell(w.row, w.column).isMerged) throw new Error(`refusing to write into merged cell ${columnLetter(w.column)}${w.row} of ${tab.sheet}`);
  }
  widenAutoFilter(sheet, tab);
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
  appendRows(sheet, tab);
  for (const step of tab.setup) applySetup(sheet, tab, step);
}

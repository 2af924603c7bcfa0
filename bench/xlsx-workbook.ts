// Writes a generated deal sheet as an .xlsx the way Excel would hold it: dates as date cells,
// probabilities as percent-formatted fractions, amounts with thousands separators.
import ExcelJS from 'exceljs';
import type { CellValue } from '../shared/cells/cell-value.ts';
import { excelDateFromSerial } from '../server/sources/xlsx/xlsx-cell-value.ts';
import { columnIndex, DEAL_SHEET_NAME } from './deal-sheet.ts';

const DATE_COLUMNS: ReadonlySet<number> = new Set(
  (['ステージ変更日', '見積提出日', '最終訪問日', '次回予定日', '受注予定日', '登録日'] as const).map(columnIndex),
);
const PERCENT_COLUMN = columnIndex('確度');
const AMOUNT_COLUMNS: ReadonlySet<number> = new Set((['見積金額', '粗利'] as const).map(columnIndex));

function formatOf(column: number, value: CellValue): string | null {
  if (typeof value !== 'number') return null;
  if (DATE_COLUMNS.has(column)) return 'yyyy/m/d';
  if (column === PERCENT_COLUMN) return '0%';
  if (AMOUNT_COLUMNS.has(column)) return '#,##0';
  return null;
}

/** Streams the grid (row 0 = the header row) into a one-tab workbook at `path`. */
export async function writeDealWorkbook(path: string, rows: readonly (readonly CellValue[])[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  const sheet = workbook.addWorksheet(DEAL_SHEET_NAME);
  for (const cells of rows) {
    const row = sheet.addRow(cells.map((value, column) => (typeof value === 'number' && DATE_COLUMNS.has(column) ? excelDateFromSerial(value) : value)));
    cells.forEach((value, column) => {
      const format = formatOf(column, value);
      if (format !== null) row.getCell(column + 1).numFmt = format;
    });
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

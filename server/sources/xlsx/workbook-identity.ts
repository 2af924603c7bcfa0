import type ExcelJS from 'exceljs';

/** The very hidden tab where a workbook keeps its own id, so renames and moves keep its history. */
export const META_SHEET = '_sheets_sfa';
const ID_KEY = 'workbook_id';

export function readWorkbookId(workbook: ExcelJS.Workbook): string | null {
  const sheet = workbook.getWorksheet(META_SHEET);
  if (sheet === undefined) return null;
  for (let row = 1; row <= sheet.rowCount; row++) {
    if (sheet.getCell(row, 1).value === ID_KEY) {
      const id = sheet.getCell(row, 2).value;
      return typeof id === 'string' && id !== '' ? id : null;
    }
  }
  return null;
}

export function writeWorkbookId(workbook: ExcelJS.Workbook, id: string): void {
  // 'veryHidden' keeps it out of Excel's Unhide list: nobody deletes it by accident.
  const sheet = workbook.getWorksheet(META_SHEET) ?? workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  sheet.getCell(1, 1).value = ID_KEY;
  sheet.getCell(1, 2).value = id;
  sheet.getCell(2, 1).value = 'note';
  sheet.getCell(2, 2).value = 'Kept by sheets-sfa to recognise this workbook. Do not edit.';
}

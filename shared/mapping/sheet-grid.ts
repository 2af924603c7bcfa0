import type { CellValue } from '../cells/cell-value.ts';

/**
 * One tab's values as a source reads them: rows[0] is sheet row 1, cells[0] column A. Trailing
 * empty rows and cells may be missing, as Sheets omits them.
 */
export interface SheetGrid {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
}

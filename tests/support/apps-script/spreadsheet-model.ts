// The in-memory spreadsheet behind the SpreadsheetApp fake: sheets of cells (what Sheets stores:
// literals, formulas, number formats, a little formatting, validation), sheet-level objects on grid
// rectangles, and developer metadata on locations. Rows and columns are 1-based here, as in
// Apps Script; the arrays are 0-based underneath.

export type StoredValue = string | number | boolean;

export interface ValidationState {
  readonly criteria: 'VALUE_IN_LIST' | 'CHECKBOX';
  readonly values: readonly string[];
  readonly showDropdown: boolean;
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

export interface CellState {
  value: StoredValue | null;
  formula: string | null;
  format: string | null;
  fontWeight: string | null;
  background: string | null;
  validation: ValidationState | null;
}

/** A rectangle of a sheet, 1-based. */
export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export type FilterCriteriaType = 'CELL_EMPTY' | 'CELL_NOT_EMPTY' | 'TEXT_CONTAINS' | 'TEXT_EQUAL_TO' | 'VALUES';

export interface FilterCriteriaState {
  readonly type: FilterCriteriaType | null;
  readonly values: readonly string[];
  readonly hiddenValues: readonly string[];
}

export interface FilterState {
  rect: GridRect;
  /** Sheet column (1-based) → criteria. */
  criteria: Map<number, FilterCriteriaState>;
}

export type BooleanConditionType = 'TEXT_CONTAINS' | 'TEXT_EQUAL_TO' | 'CELL_EMPTY' | 'CELL_NOT_EMPTY' | 'CUSTOM_FORMULA';

export interface ConditionalRuleState {
  ranges: GridRect[];
  readonly type: BooleanConditionType;
  readonly values: readonly string[];
  readonly background: string | null;
  readonly fontColor: string | null;
  readonly bold: boolean | null;
}

export interface ProtectionState {
  readonly id: number;
  readonly type: 'SHEET' | 'RANGE';
  rect: GridRect;
  description: string;
  warningOnly: boolean;
  /** False until the script changes the editors: till then the protection mirrors the file's sharing. */
  restricted: boolean;
  editors: Set<string>;
}

export interface SheetState {
  readonly sheetId: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  /** rows[r][c], 0-based, sparse. */
  rows: (CellState | undefined)[][];
  hiddenColumns: boolean[];
  frozenRows: number;
  frozenColumns: number;
  filter: FilterState | null;
  conditionalRules: ConditionalRuleState[];
  protections: ProtectionState[];
}

export type MetadataVisibility = 'DOCUMENT' | 'PROJECT';
export type MetadataLocation =
  | { readonly type: 'SPREADSHEET' }
  | { readonly type: 'SHEET'; readonly sheetId: number }
  | { readonly type: 'ROW' | 'COLUMN'; readonly sheetId: number; index: number };

export interface MetadataState {
  readonly id: number;
  key: string;
  value: string | null;
  visibility: MetadataVisibility;
  location: MetadataLocation;
}

export interface ActiveRange {
  sheetId: number;
  rect: GridRect;
}

export interface SpreadsheetState {
  readonly id: string;
  name: string;
  readonly timeZone: string;
  readonly locale: string;
  sheets: SheetState[];
  metadata: MetadataState[];
  active: ActiveRange;
  nextId: number;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export function emptyCell(): CellState {
  return { value: null, formula: null, format: null, fontWeight: null, background: null, validation: null };
}

export function newSheet(sheetId: number, name: string, maxRows = DEFAULT_ROWS, maxColumns = DEFAULT_COLUMNS): SheetState {
  return {
    sheetId,
    name,
    maxRows,
    maxColumns,
    rows: [],
    hiddenColumns: [],
    frozenRows: 0,
    frozenColumns: 0,
    filter: null,
    conditionalRules: [],
    protections: [],
  };
}

export function nextId(doc: SpreadsheetState): number {
  doc.nextId += 1;
  return doc.nextId;
}

export function cellAt(sheet: SheetState, row: number, column: number): CellState | undefined {
  return sheet.rows[row - 1]?.[column - 1];
}

export function cellFor(sheet: SheetState, row: number, column: number): CellState {
  const cells = (sheet.rows[row - 1] ??= []);
  return (cells[column - 1] ??= emptyCell());
}

export function hasContent(cell: CellState | undefined): boolean {
  return cell !== undefined && (cell.formula !== null || (cell.value !== null && cell.value !== ''));
}

export function lastRowWithContent(sheet: SheetState): number {
  for (let r = sheet.rows.length; r >= 1; r--) {
    const cells = sheet.rows[r - 1];
    if (cells !== undefined && cells.some((cell) => hasContent(cell))) return r;
  }
  return 0;
}

export function lastColumnWithContent(sheet: SheetState): number {
  let last = 0;
  for (const cells of sheet.rows) {
    if (cells === undefined) continue;
    for (let c = cells.length; c > last; c--) {
      if (hasContent(cells[c - 1])) {
        last = c;
        break;
      }
    }
  }
  return last;
}

export function findSheet(doc: SpreadsheetState, sheetId: number): SheetState | undefined {
  return doc.sheets.find((sheet) => sheet.sheetId === sheetId);
}

export function findSheetByName(doc: SpreadsheetState, name: string): SheetState | undefined {
  return doc.sheets.find((sheet) => sheet.name === name);
}

export function wholeSheet(sheet: SheetState): GridRect {
  return { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
}

export function rectContains(outer: GridRect, inner: GridRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

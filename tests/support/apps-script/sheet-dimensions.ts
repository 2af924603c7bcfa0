// Inserting and deleting rows and columns, as Sheets does it: cells move, formats of the row or
// column before are inherited, and everything anchored to the grid (developer metadata on rows and
// columns, filters, conditional format ranges, protections, frozen panes) follows.
import type { FilterCriteriaState, GridRect, SheetState, SpreadsheetState } from './spreadsheet-model.ts';

export type Dimension = 'ROWS' | 'COLUMNS';

function startOf(rect: GridRect, dim: Dimension): number {
  return dim === 'ROWS' ? rect.row : rect.column;
}

function sizeOf(rect: GridRect, dim: Dimension): number {
  return dim === 'ROWS' ? rect.numRows : rect.numColumns;
}

function withSpan(rect: GridRect, dim: Dimension, start: number, size: number): GridRect {
  return dim === 'ROWS' ? { ...rect, row: start, numRows: size } : { ...rect, column: start, numColumns: size };
}

/** A rectangle after `count` rows/columns are inserted so that the first new one is at `at`. */
export function shiftForInsert(rect: GridRect, dim: Dimension, at: number, count: number): GridRect {
  const start = startOf(rect, dim);
  const size = sizeOf(rect, dim);
  if (start >= at) return withSpan(rect, dim, start + count, size);
  if (start + size - 1 >= at) return withSpan(rect, dim, start, size + count);
  return rect;
}

/** A rectangle after rows/columns at..at+count-1 are deleted; null when nothing of it is left. */
export function shiftForDelete(rect: GridRect, dim: Dimension, at: number, count: number): GridRect | null {
  const start = startOf(rect, dim);
  const end = start + sizeOf(rect, dim) - 1;
  const lastDeleted = at + count - 1;
  const newStart = start < at ? start : start > lastDeleted ? start - count : at;
  const newEnd = end < at ? end : end > lastDeleted ? end - count : at - 1;
  return newEnd < newStart ? null : withSpan(rect, dim, newStart, newEnd - newStart + 1);
}

function inheritedCopy(source: SheetState['rows'][number][number]): SheetState['rows'][number][number] {
  if (source === undefined) return undefined;
  const { format, fontWeight, background, validation } = source;
  if (format === null && fontWeight === null && background === null && validation === null) return undefined;
  return { value: null, formula: null, format, fontWeight, background, validation };
}

function moveAnchors(doc: SpreadsheetState, sheet: SheetState, dim: Dimension, at: number, count: number, kind: 'insert' | 'delete'): void {
  const shift = (rect: GridRect): GridRect | null =>
    kind === 'insert' ? shiftForInsert(rect, dim, at, count) : shiftForDelete(rect, dim, at, count);
  const metadataType = dim === 'ROWS' ? 'ROW' : 'COLUMN';
  doc.metadata = doc.metadata.filter((entry) => {
    const location = entry.location;
    if (location.type !== metadataType || location.sheetId !== sheet.sheetId) return true;
    if (kind === 'insert') {
      if (location.index >= at) location.index += count;
      return true;
    }
    if (location.index >= at && location.index < at + count) return false;
    if (location.index >= at + count) location.index -= count;
    return true;
  });
  if (sheet.filter !== null) {
    const rect = shift(sheet.filter.rect);
    if (rect === null) sheet.filter = null;
    else {
      if (dim === 'COLUMNS') {
        const moved = new Map<number, FilterCriteriaState>();
        for (const [column, criteria] of sheet.filter.criteria) {
          if (kind === 'insert') moved.set(column >= at ? column + count : column, criteria);
          else if (column < at) moved.set(column, criteria);
          else if (column >= at + count) moved.set(column - count, criteria);
        }
        sheet.filter.criteria = moved;
      }
      sheet.filter.rect = rect;
    }
  }
  sheet.conditionalRules = sheet.conditionalRules.filter((rule) => {
    rule.ranges = rule.ranges.map(shift).filter((r): r is GridRect => r !== null);
    return rule.ranges.length > 0;
  });
  sheet.protections = sheet.protections.filter((protection) => {
    if (protection.type === 'SHEET') {
      protection.rect = { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
      return true;
    }
    const rect = shift(protection.rect);
    if (rect === null) return false;
    protection.rect = rect;
    return true;
  });
  if (dim === 'ROWS') {
    if (kind === 'insert' && at <= sheet.frozenRows) sheet.frozenRows += count;
    if (kind === 'delete') sheet.frozenRows = Math.max(0, sheet.frozenRows - Math.max(0, Math.min(sheet.frozenRows, at + count - 1) - at + 1));
  } else {
    if (kind === 'insert' && at <= sheet.frozenColumns) sheet.frozenColumns += count;
    if (kind === 'delete') sheet.frozenColumns = Math.max(0, sheet.frozenColumns - Math.max(0, Math.min(sheet.frozenColumns, at + count - 1) - at + 1));
  }
}

/** Inserts `count` rows after row `after` (0 = before the first row). */
export function insertRows(doc: SpreadsheetState, sheet: SheetState, after: number, count: number): void {
  const template = after >= 1 ? sheet.rows[after - 1] : undefined;
  const fresh = Array.from({ length: count }, () => (template === undefined ? [] : template.map(inheritedCopy)));
  if (sheet.rows.length >= after) sheet.rows.splice(after, 0, ...fresh);
  sheet.maxRows += count;
  moveAnchors(doc, sheet, 'ROWS', after + 1, count, 'insert');
}

export function deleteRows(doc: SpreadsheetState, sheet: SheetState, row: number, count: number): void {
  sheet.rows.splice(row - 1, count);
  sheet.maxRows -= count;
  moveAnchors(doc, sheet, 'ROWS', row, count, 'delete');
}

/** Inserts `count` columns after column `after` (0 = before the first column). */
export function insertColumns(doc: SpreadsheetState, sheet: SheetState, after: number, count: number): void {
  for (const cells of sheet.rows) {
    if (cells === undefined || cells.length < after) continue;
    const template = after >= 1 ? cells[after - 1] : undefined;
    cells.splice(after, 0, ...Array.from({ length: count }, () => inheritedCopy(template)));
  }
  if (sheet.hiddenColumns.length > after) sheet.hiddenColumns.splice(after, 0, ...Array.from({ length: count }, () => false));
  sheet.maxColumns += count;
  moveAnchors(doc, sheet, 'COLUMNS', after + 1, count, 'insert');
}

export function deleteColumns(doc: SpreadsheetState, sheet: SheetState, column: number, count: number): void {
  for (const cells of sheet.rows) cells?.splice(column - 1, count);
  sheet.hiddenColumns.splice(column - 1, count);
  sheet.maxColumns -= count;
  moveAnchors(doc, sheet, 'COLUMNS', column, count, 'delete');
}

/** Puts rows from..from+order.length-1 in the given order (order[i] = old row offset); row metadata stays put. */
export function permuteRows(sheet: SheetState, from: number, order: readonly number[]): void {
  const old = order.map((_, i) => sheet.rows[from - 1 + i]);
  order.forEach((source, i) => {
    const cells = old[source];
    if (cells === undefined) delete sheet.rows[from - 1 + i];
    else sheet.rows[from - 1 + i] = cells;
  });
}

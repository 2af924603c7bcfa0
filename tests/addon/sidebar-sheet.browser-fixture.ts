// Reading the fake spreadsheet's snapshots the way a person reads the sheet: by header, and
// checking what the add-on may and may not have touched.
import { serviceColumnOfHeader, type ServiceColumnKey } from '../../shared/write-plan/service-columns.ts';
import type { CellWriteRecord, SheetSnapshot, SpreadsheetSnapshot, WireCellValue } from '../support/apps-script/apps-script-records.ts';

export function sheetOf(snapshot: SpreadsheetSnapshot, name: string): SheetSnapshot {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (sheet === undefined) throw new Error(`no sheet "${name}" (sheets: ${snapshot.sheets.map((s) => s.name).join(', ')})`);
  return sheet;
}

/** A cell (1-based), '' when outside the data range. */
export function cellAt(sheet: SheetSnapshot, row: number, column: number): WireCellValue {
  return sheet.values[row - 1]?.[column - 1] ?? '';
}

/** The 1-based column whose header on `headerRow` is `header` (a team header, or a service column's key). */
export function columnOf(sheet: SheetSnapshot, headerRow: number, header: string | { service: ServiceColumnKey }): number {
  const headers = sheet.values[headerRow - 1] ?? [];
  const index = headers.findIndex((cell) =>
    typeof cell !== 'string' ? false : typeof header === 'string' ? cell === header : serviceColumnOfHeader(cell) === header.service,
  );
  if (index < 0) throw new Error(`no column ${JSON.stringify(header)} on row ${headerRow} of "${sheet.name}": ${JSON.stringify(headers)}`);
  return index + 1;
}

export function cellByHeader(snapshot: SpreadsheetSnapshot, sheetName: string, headerRow: number, row: number, header: string | { service: ServiceColumnKey }): WireCellValue {
  const sheet = sheetOf(snapshot, sheetName);
  return cellAt(sheet, row, columnOf(sheet, headerRow, header));
}

export interface CellChange {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly before: WireCellValue;
  readonly after: WireCellValue;
}

/** Every cell of the team's original grid (each sheet as it was, row by column) that no longer holds what it held. */
export function changedTeamCells(before: SpreadsheetSnapshot, after: SpreadsheetSnapshot): CellChange[] {
  const changes: CellChange[] = [];
  for (const original of before.sheets) {
    const now = after.sheets.find((s) => s.name === original.name);
    original.values.forEach((cells, r) =>
      cells.forEach((value, c) => {
        const current = now === undefined ? undefined : cellAt(now, r + 1, c + 1);
        if (JSON.stringify(current) === JSON.stringify(value)) return;
        changes.push({ sheet: original.name, row: r + 1, column: c + 1, before: value, after: current ?? '(sheet gone)' });
      }),
    );
  }
  return changes;
}

/** The header row of each tab the add-on maps (the team's layout: a title and a note above the deals). */
export type HeaderRows = Readonly<Record<string, number>>;

/**
 * Writes outside what the service owns: a write is the service's when it is in a column the team
 * never used whose header is a service column, in a row below the team's last row (an appended
 * row), or on a tab the add-on created itself. A formula is never the service's.
 */
export function writesOutsideService(writes: readonly CellWriteRecord[], before: SpreadsheetSnapshot, after: SpreadsheetSnapshot, headerRows: HeaderRows): CellWriteRecord[] {
  return writes.filter((write) => {
    if (write.formula) return true;
    const original = before.sheets.find((s) => s.name === write.sheet);
    if (original === undefined) return false;
    if (write.row > original.values.length) return false;
    const width = Math.max(0, ...original.values.map((row) => row.length));
    const headerRow = headerRows[write.sheet];
    if (write.column <= width || headerRow === undefined) return true;
    const header = cellAt(sheetOf(after, write.sheet), headerRow, write.column);
    return typeof header !== 'string' || serviceColumnOfHeader(header) === null;
  });
}

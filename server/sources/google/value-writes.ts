import type { sheets_v4 } from 'googleapis';
import { appendedWrites, type CellWrite, type PlanValue, type WritePlan } from '../../../shared/write-plan/write-plan.ts';
import { writeRuns } from '../../../shared/write-plan/write-runs.ts';
import { columnRange } from './a1-range.ts';

export interface TabWrites {
  readonly sheet: string;
  readonly writes: readonly CellWrite[];
}

interface Cell {
  readonly row: number;
  readonly value: string | number;
}

/** A cell of an appended row holding a serial date: it gets a date format in the setup batch. */
export interface AppendedDateCell {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
}

/**
 * The plan with each tab's appended rows turned into cell writes at fixed rows: below the last
 * row the read saw (`rowsRead`, else the plan's lastRow), never above the header row. The grid
 * is grown to fit them by the setup batch, which also gives their date cells a date format.
 */
export function placeAppendedRows(plan: WritePlan, rowsRead: (sheet: string) => number | undefined): { plan: WritePlan; dates: AppendedDateCell[] } {
  const dates: AppendedDateCell[] = [];
  const tabs = plan.tabs.map((tab) => {
    if ((tab.appends ?? []).length === 0) return tab;
    const first = Math.max(rowsRead(tab.sheet) ?? tab.lastRow, tab.headerRow) + 1;
    const placed = appendedWrites(tab, first);
    for (const w of placed) if (w.format === 'date') dates.push({ sheet: tab.sheet, row: w.row, column: w.column });
    return { ...tab, writes: [...tab.writes, ...placed.map((w) => ({ row: w.row, column: w.column, value: w.value }))], appends: [] };
  });
  return { plan: { spreadsheetId: plan.spreadsheetId, tabs }, dates };
}

/** One values.batchUpdate body. RAW: text the service writes is never read as a formula. */
export function valuesBody(data: sheets_v4.Schema$ValueRange[]): sheets_v4.Schema$BatchUpdateValuesRequest {
  return { valueInputOption: 'RAW', data };
}

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');
// A finite number's JSON is its String(): ASCII, no escaping.
const cellBytes = (value: string | number) => (typeof value === 'number' ? String(value).length : jsonBytes(value));

// In the Sheets API a null in `values` leaves the cell as it is; the plan's null means clear it.
function cellValue(value: PlanValue): string | number {
  if (value === null) return '';
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot write ${value} to a sheet cell`);
  return value;
}

/** The plan's runs (shared with the add-on's wire form) as cells with their sheet rows. */
function columnRuns(writes: readonly CellWrite[]): { column: number; cells: Cell[] }[] {
  return writeRuns(writes).map((run) => ({
    column: run.column,
    cells: run.values.map((value, i) => ({ row: run.startRow + i, value: cellValue(value) })),
  }));
}

/**
 * The plan's cell writes as values.batchUpdate bodies of at most `maxBytes` of JSON each: every
 * column's consecutive rows form one COLUMNS-major range, split across bodies when too long. Only
 * a single cell larger than the limit makes a body exceed it.
 */
export function valueWriteBatches(tabs: readonly TabWrites[], maxBytes: number): sheets_v4.Schema$BatchUpdateValuesRequest[] {
  const bodies: sheets_v4.Schema$BatchUpdateValuesRequest[] = [];
  const emptySize = jsonBytes(valuesBody([]));
  let data: sheets_v4.Schema$ValueRange[] = [];
  let size = emptySize;
  const flush = () => {
    if (data.length > 0) bodies.push(valuesBody(data));
    data = [];
    size = emptySize;
  };

  for (const tab of tabs) {
    for (const { column, cells } of columnRuns(tab.writes)) {
      const lastRow = (cells.at(-1) as Cell).row;
      let i = 0;
      while (i < cells.length) {
        const first = cells[i] as Cell;
        // Sized with the run's last row: the range finally written is never longer.
        const frame = jsonBytes({ range: columnRange(tab.sheet, column, first.row, lastRow), majorDimension: 'COLUMNS', values: [[]] });
        const comma = data.length > 0 ? 1 : 0;
        if (data.length > 0 && size + comma + frame + cellBytes(first.value) > maxBytes) {
          flush();
          continue;
        }
        size += comma + frame;
        const values: (string | number)[] = [];
        let last = first;
        for (; i < cells.length; i++) {
          const cell = cells[i] as Cell;
          const bytes = cellBytes(cell.value) + (values.length > 0 ? 1 : 0);
          if (values.length > 0 && size + bytes > maxBytes) break;
          values.push(cell.value);
          size += bytes;
          last = cell;
        }
        data.push({ range: columnRange(tab.sheet, column, first.row, last.row), majorDimension: 'COLUMNS', values: [values] });
        if (i < cells.length) flush();
      }
    }
  }
  flush();
  return bodies;
}

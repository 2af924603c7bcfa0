// What the add-on does with a push sync's answer, on in-memory grids: new service headers into the
// header row, then each run of cells down its column (null clears a cell), then the appended rows
// below the last row holding anything (appendRow), skipping ids the tab already shows.
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { appendRowsToGrid, type MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import type { WritePlanWire } from '../../../server/push-sync/plan-wire.ts';

function put(grid: MutableGrid, row: number, column: number, value: CellValue): void {
  while (grid.rows.length < row) grid.rows.push([]);
  const cells = grid.rows[row - 1] as CellValue[];
  while (cells.length < column) cells.push(null);
  cells[column - 1] = value;
}

export function applyPlanWire(grids: readonly MutableGrid[], plan: WritePlanWire): number {
  let written = 0;
  for (const tab of plan.tabs) {
    const grid = grids.find((g) => g.name === tab.sheet);
    if (grid === undefined) throw new Error(`plan names a missing tab ${tab.sheet}`);
    for (const c of tab.newColumns) put(grid, tab.headerRow, c.column, c.header);
    for (const run of tab.runs) {
      run.values.forEach((value, i) => put(grid, run.startRow + i, run.column, value));
      written += run.values.length;
    }
    written += appendRowsToGrid(grid, tab);
  }
  return written;
}

/** The grids as a push body carries them: a deep copy, as JSON would make. */
export function pushBody(title: string, timeZone: string, grids: readonly MutableGrid[], extra: Record<string, unknown> = {}) {
  return { title, timeZone, tabs: grids.map((g) => ({ name: g.name, values: g.rows.map((r) => [...r]) })), ...extra };
}

import type { CellValue } from '../../../shared/cells/cell-value.ts';
import type { SheetGrid } from '../../../shared/mapping/sheet-grid.ts';
import type { WritePlan } from '../../../shared/write-plan/write-plan.ts';
import type { SheetSource, SourceIdentity } from '../../sync/sheet-source.ts';

/** A tab held in memory as rows of cells, 0-based. */
export interface MutableGrid {
  name: string;
  rows: CellValue[][];
}

function setCell(grid: MutableGrid, row: number, column: number, value: CellValue): void {
  while (grid.rows.length < row) grid.rows.push([]);
  const cells = grid.rows[row - 1] as CellValue[];
  while (cells.length < column) cells.push(null);
  cells[column - 1] = value;
}

/** Applies a write plan to in-memory grids: headers of new service columns, then the cells. */
export function applyPlanToGrids(grids: readonly MutableGrid[], plan: WritePlan): void {
  for (const tab of plan.tabs) {
    const grid = grids.find((g) => g.name === tab.sheet);
    if (grid === undefined) throw new Error(`write plan names a missing tab: ${tab.sheet}`);
    for (const c of tab.newColumns) setCell(grid, tab.headerRow, c.column, c.header);
    for (const w of tab.writes) setCell(grid, w.row, w.column, w.value);
  }
}

/**
 * A source over values already in memory: the add-on's pushed rows, tests and benchmarks. The
 * plan is applied to the same arrays, so a caller sees exactly what a sheet would hold.
 */
export class GridSource implements SheetSource {
  readonly grids: MutableGrid[];
  readonly #identity: SourceIdentity;
  appliedPlans = 0;

  constructor(identity: SourceIdentity, grids: MutableGrid[]) {
    this.#identity = identity;
    this.grids = grids;
  }

  async identify(): Promise<SourceIdentity> {
    return this.#identity;
  }

  async read(): Promise<readonly SheetGrid[]> {
    // Shallow copies of the tab list: the engine only reads rows, and copying 100k rows would
    // double the memory a large push sync needs. Callers must not edit the grids mid-sync.
    return this.grids.map((g) => ({ name: g.name, rows: g.rows }));
  }

  async apply(plan: WritePlan): Promise<void> {
    applyPlanToGrids(this.grids, plan);
    this.appliedPlans++;
  }
}

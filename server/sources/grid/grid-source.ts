import type { CellValue } from '../../../shared/cells/cell-value.ts';
import type { SheetGrid } from '../../../shared/mapping/sheet-grid.ts';
import { cellText } from '../../../shared/cells/cell-text.ts';
import { appendedWrites, type TabPlan, type WritePlan } from '../../../shared/write-plan/write-plan.ts';
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

const isEmpty = (v: CellValue | undefined): boolean => v === null || v === undefined || v === '';

/** The last row holding anything, as Sheets' appendRow() sees it (0 for an empty grid). */
export function lastFilledRow(grid: MutableGrid): number {
  for (let r = grid.rows.length; r > 0; r--) if ((grid.rows[r - 1] ?? []).some((v) => !isEmpty(v))) return r;
  return 0;
}

/** The ids a tab's id column shows now. */
function idsShown(grid: MutableGrid, idColumn: number | undefined): Set<string> {
  const ids = new Set<string>();
  if (idColumn === undefined) return ids;
  for (const cells of grid.rows) {
    const id = cellText(cells[idColumn - 1]);
    if (id !== '') ids.add(id);
  }
  return ids;
}

/**
 * A tab's appended rows on an in-memory grid, as the add-on adds them with appendRow(): below the
 * last row holding anything, never above the header row, skipping ids the tab already shows.
 */
export function appendRowsToGrid(grid: MutableGrid, tab: Pick<TabPlan, 'headerRow' | 'columns' | 'appends'>): number {
  if ((tab.appends ?? []).length === 0) return 0;
  const first = Math.max(lastFilledRow(grid), tab.headerRow) + 1;
  const writes = appendedWrites(tab, first, idsShown(grid, tab.columns.id));
  for (const w of writes) setCell(grid, w.row, w.column, w.value);
  return writes.length;
}

/** Applies a write plan to in-memory grids: headers of new service columns, the cells, then the appended rows. */
export function applyPlanToGrids(grids: readonly MutableGrid[], plan: WritePlan): void {
  for (const tab of plan.tabs) {
    const grid = grids.find((g) => g.name === tab.sheet);
    if (grid === undefined) throw new Error(`write plan names a missing tab: ${tab.sheet}`);
    for (const c of tab.newColumns) setCell(grid, tab.headerRow, c.column, c.header);
    for (const w of tab.writes) setCell(grid, w.row, w.column, w.value);
    appendRowsToGrid(grid, tab);
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

import type { CellValue } from '../cells/cell-value.ts';
import type { SheetGrid } from '../mapping/sheet-grid.ts';

// Postgres text and jsonb cannot hold U+0000, and no source stops a team from pasting one into a
// cell. The cell is read without it and reported, so the row is kept and the sync goes on.

/** The cells of one tab that held U+0000: 1-based sheet row → 1-based columns. */
export type TabNulCells = ReadonlyMap<number, ReadonlySet<number>>;

export interface NulFreeGrids {
  /** The grids with every U+0000 removed; a grid without any is the one given, not a copy. */
  readonly grids: readonly SheetGrid[];
  /** Per tab name, where the removed characters were; tabs without any are absent. */
  readonly nulCells: ReadonlyMap<string, TabNulCells>;
}

const NUL = '\u0000';

/** Removes U+0000 from every text cell, remembering where; a 100k-row sheet without one is not copied. */
export function withoutNul(grids: readonly SheetGrid[]): NulFreeGrids {
  const nulCells = new Map<string, TabNulCells>();
  const clean = grids.map((grid) => {
    let rows: (readonly CellValue[])[] | null = null;
    const found = new Map<number, Set<number>>();
    grid.rows.forEach((cells, index) => {
      let copy: CellValue[] | null = null;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (typeof cell !== 'string' || !cell.includes(NUL)) continue;
        copy ??= [...cells];
        copy[c] = cell.replaceAll(NUL, '');
        const columns = found.get(index + 1) ?? new Set<number>();
        found.set(index + 1, columns.add(c + 1));
      }
      if (copy === null) return;
      rows ??= [...grid.rows];
      rows[index] = copy;
    });
    if (rows === null) return grid;
    nulCells.set(grid.name, found);
    return { name: grid.name, rows };
  });
  return { grids: clean, nulCells };
}

import type { CellWrite, PlanValue } from './write-plan.ts';

/** Consecutive cells of one column, top to bottom: one setValues() or one ValueRange. */
export interface WriteRun {
  readonly column: number;
  readonly startRow: number;
  readonly values: readonly PlanValue[];
}

/**
 * A plan's cell writes as runs of consecutive rows per column, columns left to right. A first
 * sync writes whole columns, so this is what keeps its wire size and write calls small. Of two
 * writes to one cell the later wins.
 */
export function writeRuns(writes: readonly CellWrite[]): WriteRun[] {
  const byColumn = new Map<number, CellWrite[]>();
  for (const w of writes) {
    let list = byColumn.get(w.column);
    if (list === undefined) byColumn.set(w.column, (list = []));
    list.push(w);
  }
  const runs: WriteRun[] = [];
  for (const [column, list] of [...byColumn].sort((a, b) => a[0] - b[0])) {
    // Array sort is stable: of two writes to one cell the later stays last.
    list.sort((a, b) => a.row - b.row);
    let startRow = -1;
    let values: PlanValue[] = [];
    for (const w of list) {
      const nextRow = startRow + values.length;
      if (values.length > 0 && w.row === nextRow - 1) values[values.length - 1] = w.value;
      else if (values.length > 0 && w.row === nextRow) values.push(w.value);
      else {
        if (values.length > 0) runs.push({ column, startRow, values });
        startRow = w.row;
        values = [w.value];
      }
    }
    if (values.length > 0) runs.push({ column, startRow, values });
  }
  return runs;
}

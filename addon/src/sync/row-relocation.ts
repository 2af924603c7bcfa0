// Pure: where a plan's cells land when the sheet may have been sorted or edited between the
// push and the apply. The plan addresses rows as they were pushed; each row's id says which row
// that was. A cell follows its row's id to where the id is now; a cell whose row cannot be found
// is not written (deferred) and the next sync, reading the sheet as it is then, writes it.
import type { CellWrite } from '../../../shared/write-plan/write-plan.ts';
import { writeRuns, type WriteRun } from '../../../shared/write-plan/write-runs.ts';

/** The id column as it is now: ids[i] is sheet row firstRow + i ('' for none). */
export interface IdSnapshot {
  readonly firstRow: number;
  readonly ids: readonly string[];
}

export interface RelocatedRuns {
  readonly runs: WriteRun[];
  readonly deferred: number;
}

function rowsById(snapshot: IdSnapshot): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  snapshot.ids.forEach((id, i) => {
    if (id === '') return;
    const list = rows.get(id);
    if (list === undefined) rows.set(id, [snapshot.firstRow + i]);
    else list.push(snapshot.firstRow + i);
  });
  return rows;
}

const idAtRow = (current: IdSnapshot) => (row: number): string => current.ids[row - current.firstRow] ?? '';

/** Whether any pushed row's id is no longer on the row it was pushed from (a sort, an insert, a delete). */
function anyRowMoved(expected: ReadonlyMap<number, string>, current: IdSnapshot): boolean {
  const idAt = idAtRow(current);
  for (const [row, id] of expected) if (idAt(row) !== id) return true;
  return false;
}

/**
 * The runs moved to where their rows are now. `expected` holds the id each pushed row showed;
 * rows at or above the header row are never checked. A row with an id goes where that id is now,
 * and is deferred when the id is gone or now on several rows elsewhere. A row pushed without an
 * id has nothing to follow: it is written only while it still shows none and no row with an id
 * moved (after a sort or a deleted row, its row may hold another new row). Rows past `maxRow`
 * are deferred too.
 */
export function relocateRuns(
  runs: readonly WriteRun[],
  headerRow: number,
  expected: ReadonlyMap<number, string>,
  current: IdSnapshot,
  maxRow: number = Number.POSITIVE_INFINITY,
): RelocatedRuns {
  const byId = rowsById(current);
  const idAt = idAtRow(current);
  const moved = anyRowMoved(expected, current);
  const target = (row: number): number | null => {
    if (row <= headerRow) return row;
    const id = expected.get(row);
    if (id === undefined) return !moved && idAt(row) === '' ? row : null;
    if (idAt(row) === id) return row;
    const rows = byId.get(id);
    return rows !== undefined && rows.length === 1 ? (rows[0] ?? null) : null;
  };

  let deferred = 0;
  const writes: CellWrite[] = [];
  for (const run of runs) {
    run.values.forEach((value, i) => {
      const row = target(run.startRow + i);
      if (row === null || row > maxRow) deferred++;
      else writes.push({ row, column: run.column, value });
    });
  }
  return { runs: writeRuns(writes), deferred };
}

/** Whether every row stayed put: then the plan's own runs are written as they are. */
export function runsUnmoved(runs: readonly WriteRun[], headerRow: number, expected: ReadonlyMap<number, string>, current: IdSnapshot): boolean {
  const idAt = idAtRow(current);
  if (anyRowMoved(expected, current)) return false;
  return runs.every((run) =>
    run.values.every((_, i) => {
      const row = run.startRow + i;
      return row <= headerRow || (expected.get(row) ?? '') === idAt(row);
    }),
  );
}

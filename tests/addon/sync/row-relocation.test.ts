import { describe, expect, it } from 'vitest';
import { relocateRuns, runsUnmoved } from '../../../addon/src/sync/row-relocation.ts';

// Header in row 1; rows 2..4 pushed with ids A, B, C; flags column 7, id column 1.
const EXPECTED = new Map([
  [2, 'A'],
  [3, 'B'],
  [4, 'C'],
]);
const RUNS = [{ column: 7, startRow: 2, values: ['停滞', null, '期限切れ'] }];

describe('relocateRuns', () => {
  it('writes every cell in place when no row moved', () => {
    const current = { firstRow: 2, ids: ['A', 'B', 'C'] };
    expect(runsUnmoved(RUNS, 1, EXPECTED, current)).toBe(true);
    expect(relocateRuns(RUNS, 1, EXPECTED, current)).toEqual({ runs: RUNS, deferred: 0 });
  });

  it('moves each cell to the row its id is on now when the rows were sorted', () => {
    const current = { firstRow: 2, ids: ['C', 'A', 'B'] };
    expect(runsUnmoved(RUNS, 1, EXPECTED, current)).toBe(false);
    expect(relocateRuns(RUNS, 1, EXPECTED, current)).toEqual({
      runs: [{ column: 7, startRow: 2, values: ['期限切れ', '停滞', null] }],
      deferred: 0,
    });
  });

  it('defers the cells of a row whose id is gone or now on two rows', () => {
    const current = { firstRow: 2, ids: ['B', 'C', 'C'] };
    expect(relocateRuns(RUNS, 1, EXPECTED, current)).toEqual({
      runs: [
        { column: 7, startRow: 2, values: [null] },
        { column: 7, startRow: 4, values: ['期限切れ'] },
      ],
      deferred: 1,
    });
  });

  it('writes a row pushed without an id only while it still shows none', () => {
    const runs = [{ column: 1, startRow: 5, values: ['NEW-1', 'NEW-2'] }];
    const current = { firstRow: 2, ids: ['A', 'B', 'C', '', 'B2'] };
    expect(relocateRuns(runs, 1, EXPECTED, current)).toEqual({ runs: [{ column: 1, startRow: 5, values: ['NEW-1'] }], deferred: 1 });
  });

  it('defers rows pushed without an id once rows with ids moved: their row may now hold another new row', () => {
    // Row 3 (B) was deleted: C and the two new rows below it moved up one.
    const runs = [{ column: 1, startRow: 5, values: ['NEW-1', 'NEW-2'] }];
    const current = { firstRow: 2, ids: ['A', 'C', '', ''] };
    expect(runsUnmoved(runs, 1, EXPECTED, current)).toBe(false);
    expect(relocateRuns(runs, 1, EXPECTED, current)).toEqual({ runs: [], deferred: 2 });
  });

  it('never checks the header row and defers rows past the sheet', () => {
    const runs = [{ column: 8, startRow: 1, values: ['フラグ [SFA]', 'x'] }];
    const current = { firstRow: 2, ids: ['B'] };
    expect(relocateRuns(runs, 1, EXPECTED, current, 2)).toEqual({ runs: [{ column: 8, startRow: 1, values: ['フラグ [SFA]'] }], deferred: 1 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellWrite, PlanValue } from '../../../shared/write-plan/write-plan.ts';
import { writeRuns, type WriteRun } from '../../../shared/write-plan/write-runs.ts';

const w = (row: number, column: number, value: PlanValue): CellWrite => ({ row, column, value });

describe('writeRuns', () => {
  it('returns no runs when there are no writes', () => {
    expect(writeRuns([])).toEqual([]);
  });

  it('makes one run of a single write', () => {
    expect(writeRuns([w(5, 3, 'x')])).toEqual([{ column: 3, startRow: 5, values: ['x'] }]);
  });

  it('groups consecutive rows of one column into one run when they follow each other', () => {
    expect(writeRuns([w(2, 4, 'd1'), w(3, 4, 'd2'), w(4, 4, null), w(5, 4, 12)])).toEqual([
      { column: 4, startRow: 2, values: ['d1', 'd2', null, 12] },
    ]);
  });

  it('splits a column into runs when rows leave a gap', () => {
    expect(writeRuns([w(2, 1, 'a'), w(3, 1, 'b'), w(5, 1, 'c'), w(9, 1, 'd'), w(10, 1, 'e')])).toEqual([
      { column: 1, startRow: 2, values: ['a', 'b'] },
      { column: 1, startRow: 5, values: ['c'] },
      { column: 1, startRow: 9, values: ['d', 'e'] },
    ]);
  });

  it('orders rows top to bottom when the writes come unsorted', () => {
    expect(writeRuns([w(4, 2, 'c'), w(2, 2, 'a'), w(5, 2, 'd'), w(3, 2, 'b'), w(8, 2, 'f'), w(6, 2, 'e')])).toEqual([
      { column: 2, startRow: 2, values: ['a', 'b', 'c', 'd', 'e'] },
      { column: 2, startRow: 8, values: ['f'] },
    ]);
  });

  it('keeps the later write when one cell is written twice', () => {
    expect(writeRuns([w(2, 1, 'first'), w(3, 1, 'b'), w(2, 1, 'second')])).toEqual([{ column: 1, startRow: 2, values: ['second', 'b'] }]);
  });

  it('keeps the last of three writes to one cell, null included', () => {
    expect(writeRuns([w(2, 1, 'a'), w(2, 1, 'b'), w(2, 1, null)])).toEqual([{ column: 1, startRow: 2, values: [null] }]);
  });

  it('orders columns left to right when the writes interleave them', () => {
    expect(writeRuns([w(2, 10, 'j2'), w(2, 3, 'c2'), w(3, 10, 'j3'), w(3, 3, 'c3'), w(2, 27, 'aa2')])).toEqual([
      { column: 3, startRow: 2, values: ['c2', 'c3'] },
      { column: 10, startRow: 2, values: ['j2', 'j3'] },
      { column: 27, startRow: 2, values: ['aa2'] },
    ]);
  });

  it('does not join the same rows of neighbouring columns', () => {
    expect(writeRuns([w(2, 1, 'a'), w(2, 2, 'b')])).toEqual([
      { column: 1, startRow: 2, values: ['a'] },
      { column: 2, startRow: 2, values: ['b'] },
    ]);
  });

  const cellWrite = fc.record({
    row: fc.integer({ min: 1, max: 30 }),
    column: fc.integer({ min: 1, max: 5 }),
    value: fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null)),
  });

  const expand = (runs: readonly WriteRun[]): Map<string, PlanValue> => {
    const cells = new Map<string, PlanValue>();
    for (const run of runs) {
      run.values.forEach((value, i) => {
        const key = `${run.startRow + i}:${run.column}`;
        expect(cells.has(key)).toBe(false);
        cells.set(key, value);
      });
    }
    return cells;
  };

  it('expands back to exactly the last write of every cell', () => {
    fc.assert(
      fc.property(fc.array(cellWrite, { maxLength: 80 }), (writes) => {
        const last = new Map<string, PlanValue>();
        for (const write of writes) last.set(`${write.row}:${write.column}`, write.value);
        expect(expand(writeRuns(writes))).toEqual(last);
      }),
    );
  });

  it('makes runs that are ordered, non-empty and as long as possible', () => {
    fc.assert(
      fc.property(fc.array(cellWrite, { maxLength: 80 }), (writes) => {
        const runs = writeRuns(writes);
        for (const run of runs) expect(run.values.length).toBeGreaterThan(0);
        for (let i = 1; i < runs.length; i++) {
          const prev = runs[i - 1];
          const next = runs[i];
          if (prev === undefined || next === undefined) continue;
          expect(next.column).toBeGreaterThanOrEqual(prev.column);
          // Within a column a gap of at least one row separates runs; otherwise they would be one.
          if (next.column === prev.column) expect(next.startRow).toBeGreaterThan(prev.startRow + prev.values.length);
        }
      }),
    );
  });
});

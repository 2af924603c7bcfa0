import { describe, expect, it } from 'vitest';
import { appendedCellCount, appendedWrites, isEmptyPlan, type TabPlan } from '../../../shared/write-plan/write-plan.ts';

const tab = (extra: Partial<TabPlan> = {}): TabPlan => ({
  sheet: '訪問',
  kind: 'visits',
  headerRow: 1,
  lastRow: 3,
  columns: { id: 5 },
  newColumns: [],
  writes: [],
  setup: [],
  ...extra,
});

const rows = [
  { id: 'a', cells: [{ column: 1, value: 46346, format: 'date' as const }, { column: 5, value: 'a' }] },
  { id: 'b', cells: [{ column: 2, value: 'B社' }, { column: 5, value: 'b' }] },
];

describe('isEmptyPlan', () => {
  it.each([
    ['nothing to do', tab(), true],
    ['an empty appends list', tab({ appends: [] }), true],
    ['a row to append', tab({ appends: rows }), false],
    ['a cell to write', tab({ writes: [{ row: 2, column: 5, value: 'x' }] }), false],
  ])('is %s → %s', (_name, t, expected) => {
    expect(isEmptyPlan({ spreadsheetId: 's', tabs: [t] })).toBe(expected);
  });
});

describe('appendedWrites', () => {
  it('places the rows one below the other from the first row, keeping date formats', () => {
    expect(appendedWrites(tab({ appends: rows }), 4)).toEqual([
      { row: 4, column: 1, value: 46346, format: 'date' },
      { row: 4, column: 5, value: 'a' },
      { row: 5, column: 2, value: 'B社' },
      { row: 5, column: 5, value: 'b' },
    ]);
  });

  it('skips rows whose id the tab already shows, closing the gap', () => {
    expect(appendedWrites(tab({ appends: rows }), 4, new Set(['a']))).toEqual([
      { row: 4, column: 2, value: 'B社' },
      { row: 4, column: 5, value: 'b' },
    ]);
  });

  it('counts the appended cells', () => {
    expect(appendedCellCount(tab({ appends: rows }))).toBe(4);
    expect(appendedCellCount(tab())).toBe(0);
  });
});

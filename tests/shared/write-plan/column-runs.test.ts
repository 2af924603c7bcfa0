import { describe, expect, it } from 'vitest';
import { columnRuns } from '../../../shared/write-plan/column-runs.ts';

describe('columnRuns', () => {
  it.each([
    [[5, 6, 7, 9, 10], [[5, 7], [9, 10]]],
    [[10, 5, 6, 6], [[5, 6], [10, 10]]],
    [[3], [[3, 3]]],
    [[], []],
  ])('groups %j into %j when given in any order, with repeats', (columns, runs) => {
    expect(columnRuns(columns)).toEqual(runs);
  });
});

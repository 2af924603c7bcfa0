import { describe, expect, it } from 'vitest';
import type { SheetGrid } from '../../../shared/mapping/sheet-grid.ts';
import { withoutNul } from '../../../shared/rows/nul-cells.ts';

describe('withoutNul', () => {
  it('returns the very grids given when no cell holds a NUL', () => {
    const grids: SheetGrid[] = [{ name: '案件', rows: [['顧客名', 3, true, null], []] }];
    const result = withoutNul(grids);
    expect(result.grids[0]).toBe(grids[0]);
    expect(result.nulCells.size).toBe(0);
  });

  it('removes every NUL and says where each was when cells hold them', () => {
    const untouched: SheetGrid = { name: '訪問', rows: [['訪問日']] };
    const row2 = ['A社', 100];
    const grids: SheetGrid[] = [{ name: '案件', rows: [['顧客名', '金\u0000額'], row2, ['\u0000B社\u0000', 5, 'x\u0000y']] }, untouched];
    const { grids: clean, nulCells } = withoutNul(grids);
    expect(clean[0]?.rows).toEqual([['顧客名', '金額'], ['A社', 100], ['B社', 5, 'xy']]);
    // Rows without a NUL are shared, not copied; the grids read are never changed.
    expect(clean[0]?.rows[1]).toBe(row2);
    expect(grids[0]?.rows[2]).toEqual(['\u0000B社\u0000', 5, 'x\u0000y']);
    expect(clean[1]).toBe(untouched);
    expect([...(nulCells.get('案件') ?? [])].map(([row, columns]) => [row, [...columns]])).toEqual([
      [1, [2]],
      [3, [1, 3]],
    ]);
    expect(nulCells.has('訪問')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { parseAmount } from '../../../shared/cells/parse-amount.ts';

describe('parseAmount', () => {
  it.each<[CellValue, number]>([
    ['1.5万', 15_000],
    ['1.2億', 120_000_000],
    ['12,000万円', 120_000_000],
    ['12百万円', 12_000_000],
    ['2千500万円', 25_000_000],
    ['1億2000万3000円', 120_003_000],
    ['¥ 1,200', 1_200],
    ['\\1,200', 1_200],
    ['1,000円-', 1_000],
    ['-¥500', -500],
    ['¥-500', -500],
    ['(¥500)', -500],
    ['（５００）', -500],
    ['▲1億', -100_000_000],
    ['120万円(税込)', 1_200_000],
    ['120万円（税抜）', 1_200_000],
    ['税込120万円', 1_200_000],
    ['約100万円程度', 1_000_000],
    ['1,200.5', 1_201],
    [1_200_000.4, 1_200_000],
    [-2.5, -3],
    [-0.4, 0],
  ])('reads %j as %d', (cell, expected) => {
    expect(parseAmount(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, string]>([
    ['100-200', 'amount.range'],
    ['100万〜200万', 'amount.range'],
    ['100万円から200万円', 'amount.range'],
    ['US$1,200', 'amount.currency'],
    ['1,200ドル', 'amount.currency'],
    ['€500', 'amount.currency'],
    ['1 200', 'amount.invalid'],
    ['12,00', 'amount.invalid'],
    ['1万1億', 'amount.invalid'],
    ['1億12000万', 'amount.invalid'],
    ['千万円', 'amount.invalid'],
    ['(-500)', 'amount.invalid'],
    ['100万円~', 'amount.invalid'],
    ['△', 'amount.invalid'],
    ['123abc', 'amount.invalid'],
    [true, 'amount.invalid'],
    [Number.POSITIVE_INFINITY, 'amount.invalid'],
    [1e300, 'amount.invalid'],
  ])('reports %j as %s', (cell, error) => {
    expect(parseAmount(cell)).toEqual({ ok: false, error });
  });

  it.each<CellValue>([null, '  ', '―', 'N/A', 'なし'])('is empty when the cell is %j', (cell) => {
    expect(parseAmount(cell)).toEqual({ ok: true, value: null });
  });
});

import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { parseBall } from '../../../shared/cells/parse-ball.ts';
import type { Ball } from '../../../shared/records/ball.ts';

describe('parseBall', () => {
  it.each<[CellValue, Ball]>([
    ['弊社', 'us'],
    ['我々', 'us'],
    ['営業', 'us'],
    ['Ours', 'us'],
    ['US', 'us'],
    ['自社側', 'us'],
    ['客先', 'customer'],
    ['Client', 'customer'],
    ['them', 'customer'],
    ['先方待ち', 'customer'],
    ['お客さま', 'customer'],
  ])('reads %j as %s', (cell, expected) => {
    expect(parseBall(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<CellValue>(['不明', '両方', 1, true])('reports %j as unknown', (cell) => {
    expect(parseBall(cell)).toEqual({ ok: false, error: 'ball.unknown' });
  });

  it.each<CellValue>([null, ' ', '-'])('is empty when the cell is %j', (cell) => {
    expect(parseBall(cell)).toEqual({ ok: true, value: null });
  });
});

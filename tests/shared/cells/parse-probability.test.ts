import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { parseProbability } from '../../../shared/cells/parse-probability.ts';

const RANKS = { A: 80, B: 50, C: 20 };

describe('parseProbability', () => {
  it.each<[CellValue, number]>([
    ['a', 80],
    ['ａ', 80],
    ['Aランク', 80],
    ['A判定', 80],
    ['ランクB', 50],
    [' c ', 20],
    ['0.5', 50],
    ['0.25', 25],
    ['5割', 50],
    ['50パーセント', 50],
    ['33.4%', 33],
    [0, 0],
    [1, 100],
    [0.125, 13],
    [75, 75],
    [100, 100],
  ])('reads %j as %d', (cell, expected) => {
    expect(parseProbability(cell, RANKS)).toEqual({ ok: true, value: expected });
  });

  it('reads the team ranks when they are not the defaults', () => {
    const ranks = { S: 90, 'Aヨミ': 70, 高: 60 };
    expect(parseProbability('s', ranks)).toEqual({ ok: true, value: 90 });
    expect(parseProbability('A', ranks)).toEqual({ ok: true, value: 70 });
    expect(parseProbability('高', ranks)).toEqual({ ok: true, value: 60 });
  });

  it.each<[CellValue, string]>([
    ['101%', 'probability.outOfRange'],
    ['-1', 'probability.outOfRange'],
    [150, 'probability.outOfRange'],
    [-0.1, 'probability.outOfRange'],
    ['D', 'probability.invalid'],
    ['高い', 'probability.invalid'],
    ['50%くらい', 'probability.invalid'],
    [true, 'probability.invalid'],
  ])('reports %j as %s', (cell, error) => {
    expect(parseProbability(cell, RANKS)).toEqual({ ok: false, error });
  });
});

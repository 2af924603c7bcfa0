import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { parseTeam } from '../../../shared/rows/parse-team.ts';
import type { Team } from '../../../shared/stages/stage.ts';

describe('parseTeam', () => {
  it.each<[CellValue, Team]>([
    ['IS', 'IS'],
    ['is', 'IS'],
    [' IS ', 'IS'],
    ['ＩＳ', 'IS'],
    ['fs', 'FS'],
    ['FS', 'FS'],
    ['CS', 'CS'],
    ['ＣＳ', 'CS'],
    ['ｃｓ', 'CS'],
    ['インサイドセールス', 'IS'],
    ['ｲﾝｻｲﾄﾞｾｰﾙｽ', 'IS'],
    ['インサイド', 'IS'],
    ['フィールドセールス', 'FS'],
    ['フィールド', 'FS'],
    ['営業', 'FS'],
    ['カスタマーサクセス', 'CS'],
    ['Inside Sales', 'IS'],
    ['inside  sales', 'IS'],
    ['Field Sales', 'FS'],
    ['Customer Success', 'CS'],
    ['Ｃｕｓｔｏｍｅｒ　Ｓｕｃｃｅｓｓ', 'CS'],
  ])('reads %j as %s', (cell, team) => {
    expect(parseTeam(cell)).toEqual({ ok: true, value: team });
  });

  it.each<CellValue>([null, '', '   ', '　', '-', '未定', '—', '－', 'ー'])('reads %j as empty', (cell) => {
    expect(parseTeam(cell)).toEqual({ ok: true, value: null });
  });

  it.each<CellValue>(['経理', 'IS/FS', 'セールス', 'ISチーム', 'CSS', 3, true])('reports %j as team.unknown', (cell) => {
    expect(parseTeam(cell)).toEqual({ ok: false, error: 'team.unknown' });
  });
});

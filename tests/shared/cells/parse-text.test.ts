import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { MAX_TEXT_LENGTH, parseText } from '../../../shared/cells/parse-text.ts';

describe('parseText', () => {
  it.each<[CellValue, string]>([
    ['  株式会社サンプル　', '株式会社サンプル'],
    ['一行目\r\n二行目', '一行目\n二行目'],
    ['ＡＢＣ 全角のまま', 'ＡＢＣ 全角のまま'],
    ['-', '-'],
    [42, '42'],
    [1.5, '1.5'],
    [true, 'TRUE'],
    [false, 'FALSE'],
  ])('reads %j as %j', (cell, expected) => {
    expect(parseText(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<CellValue>([null, '', '   ', '\n\t'])('is empty when the cell is %j', (cell) => {
    expect(parseText(cell)).toEqual({ ok: true, value: null });
  });

  it('keeps text of exactly the limit when it counts code points', () => {
    const text = '𠮷'.repeat(MAX_TEXT_LENGTH); // 2 UTF-16 units each, one character
    expect(parseText(text)).toEqual({ ok: true, value: text });
  });

  it('reports text over the limit when it is too long', () => {
    const text = 'あ'.repeat(MAX_TEXT_LENGTH + 1);
    expect(parseText(text)).toEqual({ ok: false, error: 'text.tooLong' });
  });
});

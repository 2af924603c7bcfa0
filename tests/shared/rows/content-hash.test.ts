import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/cells/cell-value.ts';
import { cellsHash, contentHash, shownValuesHash } from '../../../shared/rows/content-hash.ts';

const HEX = /^[0-9a-f]{14}$/;

describe('cellsHash', () => {
  it.each<[string, CellValue[]]>([
    ['nulls', [null, null, null]],
    ['empty texts', ['', '', '']],
    ['spaces only', ['   ', ' ', '\t']],
    ['a mix of nulls, empty text and spaces', [null, '', '   ']],
  ])('is null when every cell is empty: %s', (_, cells) => {
    // Column 4 lies beyond the cells the row holds, so it reads as undefined.
    expect(cellsHash(cells, [1, 2, 3, 4])).toBeNull();
  });

  it('is null when no column is hashed', () => {
    expect(cellsHash(['a'], [])).toBeNull();
  });

  it('hashes only the given columns when others hold values', () => {
    expect(cellsHash(['a', null, 'b'], [2])).toBeNull();
    expect(cellsHash(['a', 'x', 'b'], [1, 3])).toBe(cellsHash(['a', 'y', 'b'], [1, 3]));
  });

  it('is equal when the cells are the same', () => {
    const row = (): CellValue[] => ['株式会社A', '更新', 45383, true, null, 120000];
    expect(cellsHash(row(), [1, 2, 3, 4, 5, 6])).toBe(cellsHash(row(), [1, 2, 3, 4, 5, 6]));
  });

  it('ignores spaces around text when comparing', () => {
    expect(cellsHash([' 提案 ', 'A社'], [1, 2])).toBe(cellsHash(['提案', 'A社'], [1, 2]));
  });

  it('treats null, empty text and spaces alike when another cell holds a value', () => {
    const base = cellsHash(['x', null], [1, 2]);
    expect(cellsHash(['x', ''], [1, 2])).toBe(base);
    expect(cellsHash(['x', '  '], [1, 2])).toBe(base);
    expect(cellsHash(['x'], [1, 2])).toBe(base);
  });

  const base: CellValue[] = ['A社', '更新', 5, true, 0.5];
  it.each<[string, CellValue[]]>([
    ['a text changes', ['A社', '新規', 5, true, 0.5]],
    ['a number changes', ['A社', '更新', 6, true, 0.5]],
    ['a number becomes the same-looking text', ['A社', '更新', '5', true, 0.5]],
    ['a fraction becomes the same-looking text', ['A社', '更新', 5, true, '0.5']],
    ['a boolean flips', ['A社', '更新', 5, false, 0.5]],
    ['a boolean becomes its text', ['A社', '更新', 5, 'TRUE', 0.5]],
    ['a cell is cleared', ['A社', null, 5, true, 0.5]],
    ['two cells swap columns', ['更新', 'A社', 5, true, 0.5]],
    ['text moves into the neighbouring cell', ['A社更新', '', 5, true, 0.5]],
  ])('differs when %s', (_, cells) => {
    expect(cellsHash(cells, [1, 2, 3, 4, 5])).not.toBe(cellsHash(base, [1, 2, 3, 4, 5]));
  });

  it('differs when the columns are read in another order', () => {
    expect(cellsHash(['a', 'b'], [2, 1])).not.toBe(cellsHash(['a', 'b'], [1, 2]));
  });

  it('differs for a different seed and agrees for the same one', () => {
    const cells: CellValue[] = ['A社', 5];
    expect(cellsHash(cells, [1, 2], 'reading-1')).not.toBe(cellsHash(cells, [1, 2], 'reading-2'));
    expect(cellsHash(cells, [1, 2], 'reading-1')).not.toBe(cellsHash(cells, [1, 2]));
    expect(cellsHash(cells, [1, 2], 'reading-1')).toBe(cellsHash([...cells], [1, 2], 'reading-1'));
  });

  it('stays null for an empty row whatever the seed', () => {
    expect(cellsHash([null, ''], [1, 2], 'reading-1')).toBeNull();
  });

  it.each<number>([0, 1, 45383, 2 ** 32, 2 ** 32 + 7, Number.MAX_SAFE_INTEGER, 0.5, -3, -0.25, 1e21, 123456.789])(
    'hashes %s stably as lowercase hex',
    (n) => {
      const hash = cellsHash([n], [1]);
      expect(hash).toMatch(HEX);
      expect(cellsHash([n], [1])).toBe(hash);
      expect(cellsHash(['x', n], [2])).toBe(hash);
    },
  );

  it('gives different numbers different hashes, across the whole-number and fraction paths', () => {
    const numbers = [0, 1, 2, 45383, 2 ** 32, 2 ** 32 + 1, 2 ** 33, Number.MAX_SAFE_INTEGER, 0.5, 1.5, -1, -3, 3.0000001, 1e21, 2e21];
    const hashes = numbers.map((n) => cellsHash([n], [1]));
    expect(new Set(hashes).size).toBe(numbers.length);
  });

  it.each<[CellValue, CellValue]>([
    [true, 'T'],
    [false, 'F'],
    [0.5, 'n0.5'],
    [-3, 'n-3'],
  ])('tells %j from the text %j that spells it after its type', (value, text) => {
    expect(cellsHash([value], [1])).not.toBe(cellsHash([text], [1]));
  });

  it('tells a whole number from its text when it is large or negative', () => {
    expect(cellsHash([2 ** 40], [1])).not.toBe(cellsHash([String(2 ** 40)], [1]));
    expect(cellsHash([-3], [1])).not.toBe(cellsHash(['-3'], [1]));
    expect(cellsHash([1e21], [1])).not.toBe(cellsHash(['1e+21'], [1]));
  });

  it('gives digests of one length in lowercase hex', () => {
    const hashes = Array.from({ length: 500 }, (_, i) => cellsHash([`row ${i}`, i], [1, 2]));
    const lengths = new Set(hashes.map((h) => h?.length));
    expect(lengths.size).toBe(1);
    for (const h of hashes) expect(h).toMatch(HEX);
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});

describe('shownValuesHash', () => {
  it('treats a number and its text alike', () => {
    expect(shownValuesHash([3, '停滞'])).toBe(shownValuesHash(['3', '停滞']));
    expect(shownValuesHash([0.5])).toBe(shownValuesHash(['0.5']));
  });

  it('treats blank, null and undefined alike', () => {
    const base = shownValuesHash(['a', null, 'b']);
    expect(shownValuesHash(['a', '', 'b'])).toBe(base);
    expect(shownValuesHash(['a', undefined, 'b'])).toBe(base);
  });

  it('differs when a value moves to another position', () => {
    expect(shownValuesHash([3, null])).not.toBe(shownValuesHash([null, 3]));
    expect(shownValuesHash(['a', 'b'])).not.toBe(shownValuesHash(['b', 'a']));
  });

  it('differs when a value is joined with its neighbour', () => {
    expect(shownValuesHash(['ab', ''])).not.toBe(shownValuesHash(['a', 'b']));
  });

  it('differs when the number of values differs', () => {
    expect(shownValuesHash([null])).not.toBe(shownValuesHash([null, null]));
  });

  it('differs when a value changes', () => {
    expect(shownValuesHash([3, '停滞'])).not.toBe(shownValuesHash([4, '停滞']));
    expect(shownValuesHash([true])).not.toBe(shownValuesHash([false]));
  });

  it('gives lowercase hex for an all-blank list', () => {
    expect(shownValuesHash([null, undefined, ''])).toMatch(HEX);
  });
});

describe('contentHash', () => {
  it('is deterministic', () => {
    expect(contentHash('["v3",{"warningRatio":0.8},"ja"]')).toBe(contentHash('["v3",{"warningRatio":0.8},"ja"]'));
  });

  it.each<[string, string]>([
    ['a', 'b'],
    ['ab', 'ba'],
    ['', ' '],
    ['停滞', '滞留'],
  ])('differs between %j and %j', (a, b) => {
    expect(contentHash(a)).not.toBe(contentHash(b));
  });

  it('gives digests of one length in lowercase hex', () => {
    const hashes = ['', 'a', '株式会社A', 'x'.repeat(10_000), ...Array.from({ length: 500 }, (_, i) => `settings ${i}`)].map(contentHash);
    expect(new Set(hashes.map((h) => h.length)).size).toBe(1);
    for (const h of hashes) expect(h).toMatch(HEX);
  });
});

import { describe, expect, it } from 'vitest';
import { textCellBlock, textRunBlocks } from '../../../addon/src/sync/plain-text-cells.ts';

describe('textRunBlocks', () => {
  it('spans each column from its first to its last run holding text, leaving out runs of numbers and blanks', () => {
    const runs = [
      { column: 7, startRow: 10, values: ['停滞', null] },
      { column: 7, startRow: 4, values: ['期限切れ'] },
      { column: 8, startRow: 4, values: [12, 3] },
      { column: 9, startRow: 5, values: [null, ''] },
    ];
    expect(textRunBlocks(runs)).toEqual([{ row: 4, column: 7, numRows: 8, numColumns: 1 }]);
  });
});

describe('textCellBlock', () => {
  it('is the rectangle around the cells holding text, or nothing when none does', () => {
    const cells = [
      { row: 7, column: 1, value: 46346 },
      { row: 7, column: 2, value: '東邦物流' },
      { row: 8, column: 6, value: 'v-2' },
    ];
    expect(textCellBlock(cells)).toEqual([{ row: 7, column: 2, numRows: 2, numColumns: 5 }]);
    expect(textCellBlock([{ row: 7, column: 1, value: 46346 }])).toEqual([]);
  });
});

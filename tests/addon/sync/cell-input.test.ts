import { describe, expect, it } from 'vitest';
import { cellInput } from '../../../addon/src/sync/cell-input.ts';

describe('cellInput', () => {
  it.each([
    ['=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'],
    ['2026/11/20', "'2026/11/20"],
    ['TRUE', "'TRUE"],
    ['1,200', "'1,200"],
    ["'quoted", "''quoted"],
    ['停滞', "'停滞"],
  ])('keeps the string %s plain text when writing it', (value, input) => {
    expect(cellInput(value)).toBe(input);
  });

  it.each(['=HYPERLINK("http://evil")', "'quoted", '停滞'])('writes the string %s as it is when the cell is plain text', (value) => {
    expect(cellInput(value, true)).toBe(value);
  });

  it('writes numbers as numbers and clears a cell for null or the empty string', () => {
    expect(cellInput(46346)).toBe(46346);
    expect(cellInput(null)).toBe('');
    expect(cellInput('')).toBe('');
  });
});

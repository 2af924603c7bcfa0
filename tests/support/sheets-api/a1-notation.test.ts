// A1 parsing and formatting, without a server.

import { describe, expect, it } from 'vitest';
import { cellsToBounds, formatRange, parseA1, quoteSheetTitle } from './a1-notation.ts';

describe('parseA1', () => {
  it.each([
    ["'My tab'!A1:Z", 'My tab', { startRow: 0, endRow: 1000, startColumn: 0, endColumn: 26 }],
    ['Deals!A2:F', 'Deals', { startRow: 1, endRow: 1000, startColumn: 0, endColumn: 6 }],
    ['Deals!A:C', 'Deals', { startRow: 0, endRow: 1000, startColumn: 0, endColumn: 3 }],
    ['Deals!2:5', 'Deals', { startRow: 1, endRow: 5, startColumn: 0, endColumn: 26 }],
    ['案件!$B$3', '案件', { startRow: 2, endRow: 3, startColumn: 1, endColumn: 2 }],
    ["'It''s'!c4:a2", "It's", { startRow: 1, endRow: 4, startColumn: 0, endColumn: 3 }],
  ])('resolves %s when the grid is 1000x26', (text, title, bounds) => {
    const parsed = parseA1(text);
    expect(parsed?.sheetTitle).toBe(title);
    expect(parsed?.cells && cellsToBounds(parsed.cells, 1000, 26)).toEqual(bounds);
  });

  it('leaves a bare word ambiguous when it has no sheet part', () => {
    expect(parseA1('Deals')).toEqual({ sheetTitle: null, cells: null, ambiguous: true });
    expect(parseA1('B2')?.ambiguous).toBe(true);
    expect(parseA1("'案件'")).toEqual({ sheetTitle: '案件', cells: null, ambiguous: false });
  });

  it.each(["'open", 'Deals!A:5', 'Deals!A', 'Deals!A1:B2:C3', ''])('refuses %j when it is not A1', (text) => {
    expect(parseA1(text)).toBeNull();
  });
});

describe('formatRange', () => {
  it('quotes titles only when they need it', () => {
    expect(quoteSheetTitle('Deals')).toBe('Deals');
    expect(quoteSheetTitle('My tab')).toBe("'My tab'");
    expect(quoteSheetTitle('案件')).toBe("'案件'");
    expect(quoteSheetTitle('A1')).toBe("'A1'");
    expect(quoteSheetTitle("Bob's")).toBe("'Bob''s'");
    expect(formatRange('Deals', { startRow: 0, endRow: 1000, startColumn: 0, endColumn: 26 })).toBe('Deals!A1:Z1000');
    expect(formatRange('Deals', { startRow: 4, endRow: 5, startColumn: 27, endColumn: 28 })).toBe('Deals!AB5');
  });
});

import { empty, failed, parsed, type CellValue, type ParseResult } from './cell-value.ts';

// Longest free text kept from one cell, in characters (code points).
export const MAX_TEXT_LENGTH = 5000;

/**
 * Reads free text as written, trimmed and with `\r\n` line ends made `\n`; numbers become their
 * string and booleans `TRUE`/`FALSE`. Blank cells are empty; overlong text is reported.
 */
export function parseText(cell: CellValue): ParseResult<string> {
  if (cell === null) return empty();
  if (typeof cell === 'boolean') return parsed(cell ? 'TRUE' : 'FALSE');
  const text = String(cell).replace(/\r\n?/gu, '\n').trim();
  if (text === '') return empty();
  // Code points, so an emoji or a rare kanji counts once; length is a cheap first check.
  if (text.length > MAX_TEXT_LENGTH && [...text].length > MAX_TEXT_LENGTH) {
    return failed('text.tooLong');
  }
  return parsed(text);
}

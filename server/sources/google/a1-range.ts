import { columnLetter } from '../../../shared/mapping/column-letter.ts';

/** A sheet title as A1 notation needs it: always quoted, inner quotes doubled. */
export function quotedTitle(title: string): string {
  return `'${title.replaceAll("'", "''")}'`;
}

/** `'案件'!F2:F900` for rows 2–900 of column 6; a single cell when the rows are one. */
export function columnRange(title: string, column: number, firstRow: number, lastRow: number): string {
  const letter = columnLetter(column);
  const cells = firstRow === lastRow ? `${letter}${firstRow}` : `${letter}${firstRow}:${letter}${lastRow}`;
  return `${quotedTitle(title)}!${cells}`;
}

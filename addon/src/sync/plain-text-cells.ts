// Which of the cells about to be written the team formatted as plain text ('@'), read before any
// write so that the reads do not flush the writes one by one.
import type { WriteRun } from '../../../shared/write-plan/write-runs.ts';

const PLAIN_TEXT = '@';

export interface CellBlock {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export type PlainTextLookup = (row: number, column: number) => boolean;

/** One getNumberFormats() per block. */
export function plainTextLookup(sheet: GoogleAppsScript.Spreadsheet.Sheet, blocks: readonly CellBlock[]): PlainTextLookup {
  const plain = new Set<string>();
  for (const b of blocks) {
    const formats = sheet.getRange(b.row, b.column, b.numRows, b.numColumns).getNumberFormats();
    formats.forEach((line, r) =>
      line.forEach((format, c) => {
        if (format === PLAIN_TEXT) plain.add(`${b.row + r}:${b.column + c}`);
      }),
    );
  }
  return (row, column) => plain.has(`${row}:${column}`);
}

const hasText = (values: readonly unknown[]): boolean => values.some((v) => typeof v === 'string' && v !== '');

/** Pure: per column, the rows from the first to the last run holding text (numbers need no look-up). */
export function textRunBlocks(runs: readonly WriteRun[]): CellBlock[] {
  const spans = new Map<number, [first: number, last: number]>();
  for (const run of runs) {
    if (!hasText(run.values)) continue;
    const last = run.startRow + run.values.length - 1;
    const span = spans.get(run.column);
    spans.set(run.column, span === undefined ? [run.startRow, last] : [Math.min(span[0], run.startRow), Math.max(span[1], last)]);
  }
  return [...spans].map(([column, [first, last]]) => ({ row: first, column, numRows: last - first + 1, numColumns: 1 }));
}

/** Pure: the rectangle holding the given cells, or none when none of them holds text. */
export function textCellBlock(cells: readonly { readonly row: number; readonly column: number; readonly value: unknown }[]): CellBlock[] {
  const text = cells.filter((c) => hasText([c.value]));
  if (text.length === 0) return [];
  const rows = text.map((c) => c.row);
  const columns = text.map((c) => c.column);
  const row = Math.min(...rows);
  const column = Math.min(...columns);
  return [{ row, column, numRows: Math.max(...rows) - row + 1, numColumns: Math.max(...columns) - column + 1 }];
}

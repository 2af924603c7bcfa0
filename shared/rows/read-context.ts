import type { CellValue, ParseResult } from '../cells/cell-value.ts';
import { cellText } from '../cells/cell-text.ts';
import { parseText } from '../cells/parse-text.ts';
import { columnLetter } from '../mapping/column-letter.ts';
import type { ResolvedTab } from '../mapping/tab-mapping.ts';
import type { FieldOf, TabKind } from '../records/tab-kind.ts';
import type { CellIssue } from './cell-issue.ts';

// Past this many distinct values a field (an amount, a free date) gains little from the memo.
const MEMO_LIMIT = 20_000;

/**
 * Parse results per field for one tab's read: a sheet repeats its stage labels, ranks and dates
 * thousands of times, and parsing each once makes reading 100k rows several times faster.
 */
export type ParseMemo = Map<string, Map<CellValue, ParseResult<unknown>>>;

/**
 * Reads one row's mapped cells, collecting an issue for each cell that does not parse; a bad cell
 * reads as null so the rest of the row is kept.
 */
export class RowReader<K extends TabKind> {
  readonly issues: CellIssue[] = [];
  readonly #tab: ResolvedTab<K>;
  readonly #cells: readonly CellValue[];
  readonly #row: number;
  readonly #memo: ParseMemo;

  constructor(tab: ResolvedTab<K>, cells: readonly CellValue[], row: number, memo: ParseMemo = new Map()) {
    this.#tab = tab;
    this.#cells = cells;
    this.#row = row;
    this.#memo = memo;
  }

  /** Free text: trimmed, never memoised (titles and notes rarely repeat). */
  text(field: FieldOf<K>): string | null {
    const cell = this.raw(field);
    if (cell === null || cell === '') return null;
    return this.#report(field, cell, parseText(cell));
  }

  raw(field: FieldOf<K>): CellValue {
    const column = this.#tab.fields[field];
    return column === undefined ? null : (this.#cells[column - 1] ?? null);
  }

  /** A typed cell; `parse` must depend only on the cell (settings are fixed for a tab's read). */
  read<T>(field: FieldOf<K>, parse: (cell: CellValue) => ParseResult<T>): T | null {
    const cell = this.raw(field);
    if (cell === null || cell === '') return null;
    let cache = this.#memo.get(field);
    if (cache === undefined) this.#memo.set(field, (cache = new Map()));
    let result = cache.get(cell) as ParseResult<T> | undefined;
    if (result === undefined) {
      result = parse(cell);
      if (cache.size < MEMO_LIMIT) cache.set(cell, result);
    }
    return this.#report(field, cell, result);
  }

  #report<T>(field: FieldOf<K>, cell: CellValue, result: ParseResult<T>): T | null {
    if (result.ok) return result.value;
    const column = this.#tab.fields[field] ?? 0;
    this.issues.push({
      sheet: this.#tab.sheet,
      row: this.#row,
      column: columnLetter(column),
      header: this.#tab.headers[column - 1] ?? '',
      field,
      value: cellText(cell),
      code: result.error,
    });
    return null;
  }
}

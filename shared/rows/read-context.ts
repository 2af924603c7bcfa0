import type { CellValue, ParseResult } from '../cells/cell-value.ts';
import { cellText } from '../cells/cell-text.ts';
import { columnLetter } from '../mapping/column-letter.ts';
import type { ResolvedTab } from '../mapping/tab-mapping.ts';
import type { FieldOf, TabKind } from '../records/tab-kind.ts';
import type { CellIssue } from './cell-issue.ts';

/**
 * Reads one row's mapped cells, collecting an issue for each cell that does not parse; a bad cell
 * reads as null so the rest of the row is kept.
 */
export class RowReader<K extends TabKind> {
  readonly issues: CellIssue[] = [];
  readonly #tab: ResolvedTab<K>;
  readonly #cells: readonly CellValue[];
  readonly #row: number;

  constructor(tab: ResolvedTab<K>, cells: readonly CellValue[], row: number) {
    this.#tab = tab;
    this.#cells = cells;
    this.#row = row;
  }

  raw(field: FieldOf<K>): CellValue {
    const column = this.#tab.fields[field];
    return column === undefined ? null : (this.#cells[column - 1] ?? null);
  }

  read<T>(field: FieldOf<K>, parse: (cell: CellValue) => ParseResult<T>): T | null {
    const cell = this.raw(field);
    if (cell === null || cell === '') return null;
    const result = parse(cell);
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

import type { CellErrorCode } from '../cells/cell-value.ts';

/** A cell that could not be read. The row is kept; the cell is reported with its place. */
export interface CellIssue {
  readonly sheet: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** Column letter, e.g. "H". */
  readonly column: string;
  readonly header: string;
  readonly field: string;
  /** The cell as text, as the user typed it. */
  readonly value: string;
  readonly code: CellErrorCode;
}

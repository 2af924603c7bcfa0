import { CELL_MESSAGES } from '../cells/cell-messages.ts';
import type { CellErrorCode } from '../cells/cell-value.ts';
import { format, type Locale } from '../i18n/locale.ts';

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

/** What to tell the user about an issue, in their language. */
export function cellIssueMessage(issue: Pick<CellIssue, 'code' | 'value'>, locale: Locale): string {
  return format(CELL_MESSAGES[issue.code][locale], { value: issue.value });
}

import type { CellValue } from './cell-value.ts';

/** A cell as plain text, for headers and reports: numbers as typed, empty as ''. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value).trim();
}

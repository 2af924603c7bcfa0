import type { PlanValue } from '../../../shared/write-plan/write-plan.ts';

/**
 * A plan value as setValues() must get it. Sheets parses every string it is given like typed
 * input: `=…` becomes a formula, `2026/11/20` a date, `TRUE` a boolean, `1,200` a number. A leading
 * apostrophe stores the rest as plain text (getValues() returns it without the apostrophe), so
 * every non-empty string gets one: the service's text and the team's own words arrive exactly as
 * sent. An apostrophe rather than the '@' number format: it touches nothing but the value, and a
 * later number written to the same cell stays a number. A cell the team formatted as plain text
 * ('@', `plainText`) parses nothing and would keep the apostrophe, so its strings go as they are.
 * null clears the cell.
 */
export function cellInput(value: PlanValue, plainText = false): string | number {
  if (value === null || value === '') return '';
  if (typeof value === 'number' || plainText) return value;
  return `'${value}`;
}

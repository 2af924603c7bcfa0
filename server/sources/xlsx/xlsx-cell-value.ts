import type ExcelJS from 'exceljs';
import type { CellValue } from '../../../shared/cells/cell-value.ts';

const MS_PER_DAY = 86_400_000;
const SERIAL_OF_UNIX_EPOCH = 25_569;

/** exceljs hands dates over as UTC instants of the local wall-clock time; back to a serial. */
export function serialFromExcelDate(date: Date): number {
  return date.getTime() / MS_PER_DAY + SERIAL_OF_UNIX_EPOCH;
}

export function excelDateFromSerial(serial: number): Date {
  return new Date(Math.round((serial - SERIAL_OF_UNIX_EPOCH) * MS_PER_DAY));
}

/** Text as exceljs may give it: a string, or rich text when part of it is formatted. */
function plainText(text: unknown): string | null {
  if (typeof text === 'string') return text;
  if (typeof text === 'object' && text !== null && 'richText' in text && Array.isArray(text.richText)) {
    return text.richText.map((part: unknown) => (typeof part === 'object' && part !== null && 'text' in part ? String(part.text) : '')).join('');
  }
  return null;
}

function fromScalar(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return serialFromExcelDate(value);
  return null;
}

/**
 * A cell as the sync reads it, the way Sheets' UNFORMATTED_VALUE would hand it over: a formula
 * reads as its cached result, rich text as its plain text, a hyperlink as its text, a date as its
 * serial number, an error as its code (#N/A), so it is reported rather than silently dropped.
 */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  // A merged cell's span reads as empty text, not as nothing: the columns it covers are taken.
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return fromScalar(v);
  if ('formula' in v || 'sharedFormula' in v) {
    const result: unknown = cell.result;
    if (typeof result === 'object' && result !== null && 'error' in result) return String(result.error);
    return fromScalar(result);
  }
  if ('richText' in v) return plainText(v);
  // A link's text is rich text when part of it is formatted; no text at all reads as the address.
  if ('hyperlink' in v) return plainText(v.text) ?? v.hyperlink;
  if ('error' in v) return String(v.error);
  const text: unknown = cell.text;
  return typeof text === 'string' && text !== '' ? text : null;
}

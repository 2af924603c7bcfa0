/**
 * One cell as a source hands it over: Sheets' UNFORMATTED_VALUE with SERIAL_NUMBER dates, or an
 * .xlsx cell with dates turned into the same serial numbers. Text stays text, numbers stay numbers.
 */
export type CellValue = string | number | boolean | null;

/** Why a cell could not be read; rendered through the message catalogue. */
export type CellErrorCode =
  | 'date.invalid'
  | 'date.noSuchDay'
  | 'date.outsideEra'
  | 'amount.invalid'
  | 'amount.range'
  | 'amount.currency'
  | 'probability.invalid'
  | 'probability.outOfRange'
  | 'stage.unknown'
  | 'ball.unknown'
  | 'requestType.unknown'
  | 'team.unknown'
  | 'text.tooLong'
  | 'text.nul';

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T | null }
  | { readonly ok: false; readonly error: CellErrorCode };

export const empty = <T>(): ParseResult<T> => ({ ok: true, value: null });
export const parsed = <T>(value: T): ParseResult<T> => ({ ok: true, value });
export const failed = <T>(error: CellErrorCode): ParseResult<T> => ({ ok: false, error });

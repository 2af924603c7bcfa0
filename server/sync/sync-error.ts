/** Why a sync could not run at all; the sheet and the database are left as they were. */
export type SyncErrorCode =
  | 'not_a_workbook'
  | 'encrypted'
  | 'locked'
  | 'no_tabs'
  | 'mapping_invalid'
  | 'not_found'
  | 'output_unwritable'
  | 'unsupported_content'
  /** The Google source cannot open the spreadsheet: not shared with the service account, or gone. */
  | 'source_unreachable';

export class SyncError extends Error {
  readonly code: SyncErrorCode;

  constructor(code: SyncErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SyncError';
    this.code = code;
  }
}

import { SyncError } from '../../sync/sync-error.ts';
import { httpFailureOf } from './http-failure.ts';

export interface FailedCall {
  readonly spreadsheetId: string;
  /** What was being done, for the message: "read", "write to". */
  readonly doing: 'read' | 'write to';
  /** Who the sheet must be shared with; null when unknown. */
  readonly serviceAccount: string | null;
}

/**
 * A failed Sheets API call as the error a user can act on: share the sheet, fix the key, enable
 * the API, or wait. Anything else (a 400 the request itself caused) keeps Google's message.
 */
export function toSourceError(error: unknown, call: FailedCall): Error {
  if (error instanceof SyncError) return error;
  const failure = httpFailureOf(error);
  const id = call.spreadsheetId;
  const account = call.serviceAccount ?? 'the service account';
  const share = `share the sheet with ${account} as an Editor`;
  const unreachable = (message: string) => new SyncError('source_unreachable', message, { cause: error });
  switch (true) {
    case failure.status === 401:
      return unreachable(`Google rejected the credentials of ${account} (${failure.message}); check that its key is current and not revoked`);
    case failure.status === 403 && /has not been used|is disabled|SERVICE_DISABLED/i.test(failure.message):
      return unreachable(`the Google Sheets API is not enabled for the project of ${account}; enable it in the Google Cloud console (${failure.message})`);
    case failure.status === 403:
      return unreachable(
        call.doing === 'read'
          ? `${account} cannot open spreadsheet ${id}: ${share}`
          : `${account} cannot edit spreadsheet ${id}: ${share} (a Viewer cannot receive the sync's columns)`,
      );
    case failure.status === 404:
      return unreachable(`spreadsheet ${id} was not found: check its id, and ${share}`);
    case failure.status === 429:
      return unreachable(`Google Sheets kept refusing to ${call.doing} spreadsheet ${id} over its request quota; the next sync will try again`);
    case failure.status !== null && failure.status >= 500:
      return unreachable(`Google Sheets failed to ${call.doing} spreadsheet ${id} (HTTP ${failure.status}, ${failure.message}); try again later`);
    case failure.status === null && failure.networkCode !== null:
      return unreachable(`could not reach Google Sheets to ${call.doing} spreadsheet ${id} (${failure.networkCode}); try again later`);
    case failure.status !== null:
      return new Error(`Google Sheets refused to ${call.doing} spreadsheet ${id} (HTTP ${failure.status}): ${failure.message}`, { cause: error });
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

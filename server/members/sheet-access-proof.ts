import { google } from 'googleapis';
import { DEFAULT_SETTINGS } from '../../shared/settings/sync-settings.ts';
import { ApiError } from '../http/api-error.ts';
import { httpFailureOf } from '../sources/google/http-failure.ts';

/** The header carrying the caller's Google OAuth access token (ScriptApp.getOAuthToken()). */
export const ACCESS_TOKEN_HEADER = 'x-sheets-access-token';

export interface SheetFacts {
  readonly title: string;
  readonly timeZone: string;
}

export interface AccessProver {
  /** What Google shows the token's owner of the spreadsheet; a 403 when they cannot open it. */
  prove(spreadsheetId: string, accessToken: string): Promise<SheetFacts>;
}

/**
 * Proof that the caller can open a spreadsheet, asked of the Sheets API with their own access
 * token. Without it, anyone signed in could register someone else's spreadsheet id first and
 * become its admin.
 */
export function sheetsAccessProver(rootUrl: string | null): AccessProver {
  return {
    async prove(spreadsheetId, accessToken) {
      const auth = new google.auth.OAuth2();
      auth.setCredentials({ access_token: accessToken });
      const sheets = google.sheets({ version: 'v4', auth, ...(rootUrl === null ? {} : { rootUrl }) });
      try {
        const { data } = await sheets.spreadsheets.get({ spreadsheetId, fields: 'spreadsheetId,properties(title,timeZone)' }, { retry: false, timeout: 15_000 });
        return { title: data.properties?.title ?? spreadsheetId, timeZone: data.properties?.timeZone ?? DEFAULT_SETTINGS.timeZone };
      } catch (error) {
        const { status } = httpFailureOf(error);
        if (status === 401 || status === 403 || status === 404) {
          throw new ApiError(403, 'forbidden', 'your Google account cannot open this spreadsheet, so it cannot be registered to you', { cause: error });
        }
        throw new ApiError(502, 'source_unreachable', 'Google Sheets could not confirm your access to the spreadsheet: try again later', { cause: error });
      }
    },
  };
}

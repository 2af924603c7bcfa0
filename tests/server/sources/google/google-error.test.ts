import { describe, expect, it } from 'vitest';
import { toSourceError } from '../../../../server/sources/google/google-error.ts';
import { SyncError } from '../../../../server/sync/sync-error.ts';

function httpError(status: number, message = `google says ${status}`): Error {
  return Object.assign(new Error(`status ${status}`), { status, response: { status, headers: {}, data: { error: { code: status, message } } } });
}

const SA = 'sfa-sync@acme.iam.gserviceaccount.com';
const read = { spreadsheetId: '1AbC', doing: 'read' as const, serviceAccount: SA };
const write = { ...read, doing: 'write to' as const };

describe('toSourceError', () => {
  it.each([
    [httpError(403, 'The caller does not have permission'), read, `${SA} cannot open spreadsheet 1AbC: share the sheet with ${SA} as an Editor`],
    [httpError(403, 'The caller does not have permission'), write, `${SA} cannot edit spreadsheet 1AbC: share the sheet with ${SA} as an Editor`],
    [httpError(404, 'Requested entity was not found.'), read, `spreadsheet 1AbC was not found: check its id, and share the sheet with ${SA} as an Editor`],
    [httpError(401, 'Invalid JWT Signature.'), read, `Google rejected the credentials of ${SA}`],
    [httpError(403, 'Google Sheets API has not been used in project 123 before or it is disabled.'), read, 'the Google Sheets API is not enabled'],
    [httpError(429), write, 'kept refusing to write to spreadsheet 1AbC over its request quota'],
    [httpError(503, 'The service is currently unavailable.'), read, 'Google Sheets failed to read spreadsheet 1AbC (HTTP 503, The service is currently unavailable.)'],
    [Object.assign(new Error('x'), { cause: Object.assign(new Error('y'), { code: 'ECONNRESET' }) }), read, 'could not reach Google Sheets to read spreadsheet 1AbC (ECONNRESET)'],
  ])('%#: tells the user what to do', (error, call, message) => {
    const mapped = toSourceError(error, call);
    expect(mapped).toBeInstanceOf(SyncError);
    expect((mapped as SyncError).code).toBe('source_unreachable');
    expect(mapped.message).toContain(message);
    expect(mapped.cause).toBe(error);
  });

  it('names "the service account" when the client does not say which', () => {
    expect(toSourceError(httpError(403), { ...read, serviceAccount: null }).message).toContain('share the sheet with the service account as an Editor');
  });

  it('keeps Google’s own message for a request it refused (400), not as a SyncError', () => {
    const mapped = toSourceError(httpError(400, "Range ('案件'!K2) exceeds grid limits. Max rows: 1000, max columns: 10"), write);
    expect(mapped).not.toBeInstanceOf(SyncError);
    expect(mapped.message).toBe("Google Sheets refused to write to spreadsheet 1AbC (HTTP 400): Range ('案件'!K2) exceeds grid limits. Max rows: 1000, max columns: 10");
  });

  it('passes a SyncError and an unknown error through', () => {
    const sync = new SyncError('no_tabs', 'x');
    const other = new Error('bug');
    expect(toSourceError(sync, read)).toBe(sync);
    expect(toSourceError(other, read)).toBe(other);
  });
});

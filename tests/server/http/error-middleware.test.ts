import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../server/http/api-error.ts';
import { toApiError } from '../../../server/http/error-middleware.ts';
import { SyncError, type SyncErrorCode } from '../../../server/sync/sync-error.ts';

describe('toApiError', () => {
  it('returns an ApiError as it is', () => {
    const error = new ApiError(403, 'forbidden', 'managers only');
    expect(toApiError(error)).toBe(error);
  });

  it('turns source_unreachable into 502 source_unreachable, keeping the message and the cause', () => {
    const cause = new SyncError('source_unreachable', 'share the spreadsheet with the service account');
    const error = toApiError(cause);
    expect(error).toMatchObject({ status: 502, code: 'source_unreachable', message: 'share the spreadsheet with the service account', cause });
  });

  it.each<SyncErrorCode>(['not_a_workbook', 'encrypted', 'locked', 'no_tabs', 'mapping_invalid', 'not_found', 'output_unwritable', 'unsupported_content'])(
    'turns the sync error %s into 422 sync_failed with its message',
    (code) => {
      const cause = new SyncError(code, `sync refused: ${code}`);
      expect(toApiError(cause)).toMatchObject({ status: 422, code: 'sync_failed', message: `sync refused: ${code}`, cause });
    },
  );

  it.each<[string, object, number, string, string]>([
    ['a body over the limit', { type: 'entity.too.large', status: 413, limit: 52_428_800 }, 413, 'payload_too_large', 'request body exceeds the limit of 52428800 bytes'],
    ['a body over an unknown limit', { type: 'entity.too.large', status: 413 }, 413, 'payload_too_large', 'request body exceeds the limit of ? bytes'],
    ['JSON that does not parse', { type: 'entity.parse.failed', status: 400 }, 400, 'invalid_request', 'request body is not valid JSON'],
    ['an unsupported encoding', { type: 'encoding.unsupported', status: 415 }, 415, 'unsupported_media_type', 'unsupported content encoding or charset'],
    ['an unsupported charset', { type: 'charset.unsupported', status: 415 }, 415, 'unsupported_media_type', 'unsupported content encoding or charset'],
    ['an aborted request', { type: 'request.aborted', status: 400 }, 400, 'invalid_request', 'request aborted by the client'],
    ['another 4xx body error', { type: 'request.size.invalid', status: 400 }, 400, 'invalid_request', 'request body could not be read'],
  ])('turns %s into %i %s', (_, error, status, code, message) => {
    expect(toApiError(Object.assign(new Error('raw body-parser text'), error))).toMatchObject({ status, code, message });
  });

  it('turns a typed error without a client status into 500 internal', () => {
    expect(toApiError(Object.assign(new Error('stream.not.readable'), { type: 'stream.not.readable', status: 500 }))).toMatchObject({ status: 500, code: 'internal' });
  });

  it.each<[string, unknown]>([
    ['an Error', new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2')],
    ['a TypeError', new TypeError('Cannot read properties of undefined (reading \'rows\')')],
    ['a thrown string', 'password=hunter2'],
    ['null', null],
  ])('turns %s into 500 internal without its message', (_, thrown) => {
    const error = toApiError(thrown);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 500, code: 'internal', message: 'internal error' });
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('rows');
    expect(error.cause).toBe(thrown);
  });
});

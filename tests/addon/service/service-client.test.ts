import { describe, expect, it } from 'vitest';
import { errorCodeOfStatus, queryString, serviceErrorMessage } from '../../../addon/src/service/service-client.ts';
import { utf8Length } from '../../../addon/src/service/request-body.ts';

describe('errorCodeOfStatus', () => {
  it.each([
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [400, 'invalid'],
    [422, 'invalid'],
    [409, 'conflict'],
    [413, 'too_large'],
    [502, 'unreachable'],
    [503, 'unreachable'],
    [504, 'unreachable'],
    [500, 'internal'],
    [418, 'internal'],
  ] as const)('maps %i to %s', (status, code) => {
    expect(errorCodeOfStatus(status)).toBe(code);
  });
});

describe('queryString', () => {
  it('encodes values and leaves out undefined ones', () => {
    expect(queryString({ dealId: 'd 1/あ', limit: 5, awaitingMe: true, skip: undefined })).toBe('?dealId=d%201%2F%E3%81%82&limit=5&awaitingMe=true');
    expect(queryString({})).toBe('');
    expect(queryString(undefined)).toBe('');
  });
});

describe('serviceErrorMessage', () => {
  it('reads the service error body and nothing else', () => {
    expect(serviceErrorMessage('{"error":{"code":"invalid_request","message":"tabs: must be a non-empty array"}}')).toBe('tabs: must be a non-empty array');
    expect(serviceErrorMessage('<html>Bad gateway</html>')).toBeNull();
    expect(serviceErrorMessage('{"error":{}}')).toBeNull();
  });
});

describe('utf8Length', () => {
  it('counts the bytes UTF-8 takes', () => {
    for (const text of ['abc', '案件一覧', 'é', '😀', 'a\ud800b', '']) expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });
});

import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { authenticate } from '../../../server/auth/authenticate.ts';
import { AuthError, KeysUnavailableError, type Caller, type TokenVerifier } from '../../../server/auth/caller.ts';
import { ApiError } from '../../../server/http/api-error.ts';

const CALLER: Caller = { email: 'user@example.com', subject: 's', via: 'google' };

const request = (authorization?: string): Request =>
  ({ headers: authorization === undefined ? {} : { authorization } }) as unknown as Request;

/** Answers every token with CALLER, or throws `fail`; records the tokens it is asked about. */
function verifier(fail?: Error): TokenVerifier & { readonly seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    async verify(token: string) {
      seen.push(token);
      if (fail !== undefined) throw fail;
      return CALLER;
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected authenticate to reject');
}

describe('authenticate', () => {
  it.each<[string, string]>([
    ['Bearer', 'Bearer eyJ.abc.def'],
    ['lower-case bearer', 'bearer eyJ.abc.def'],
    ['upper-case BEARER', 'BEARER eyJ.abc.def'],
    ['extra spaces', 'Bearer   eyJ.abc.def  '],
  ])('returns the verifier\'s caller for the token when the scheme is %s', async (_, header) => {
    const v = verifier();
    await expect(authenticate(request(header), v)).resolves.toEqual(CALLER);
    expect(v.seen).toEqual(['eyJ.abc.def']);
  });

  it('passes base64 padding and URL-safe characters through when the token has them', async () => {
    const v = verifier();
    await authenticate(request('Bearer a-b_c.d~e+f/g=='), v);
    expect(v.seen).toEqual(['a-b_c.d~e+f/g==']);
  });

  it.each<[string, string | undefined, string]>([
    ['the header is missing', undefined, 'missing Authorization: Bearer <Google ID token>'],
    ['the header is blank', '  ', 'missing Authorization: Bearer <Google ID token>'],
    ['the scheme is Basic', 'Basic dXNlcjpwYXNz', 'the Authorization header is not a Bearer token'],
    ['there is no token', 'Bearer', 'the Authorization header is not a Bearer token'],
    ['the token has a space', 'Bearer abc def', 'the Authorization header is not a Bearer token'],
    ['the token has no scheme', 'eyJ.abc.def', 'the Authorization header is not a Bearer token'],
  ])('throws 401 unauthenticated without asking the verifier when %s', async (_, header, message) => {
    const v = verifier();
    const error = await rejection(authenticate(request(header), v));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated', message });
    expect(v.seen).toEqual([]);
  });

  it('turns an AuthError into 401 unauthenticated with its message', async () => {
    const cause = new AuthError('the token has expired');
    const error = await rejection(authenticate(request('Bearer t'), verifier(cause)));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated', message: 'the token has expired', cause });
  });

  it('turns a KeysUnavailableError into 503 unavailable', async () => {
    const cause = new KeysUnavailableError('Google\'s signing keys could not be fetched');
    const error = await rejection(authenticate(request('Bearer t'), verifier(cause)));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'unavailable', message: 'Google\'s signing keys could not be fetched', cause });
  });

  it('rethrows any other error unchanged', async () => {
    const bug = new RangeError('bug');
    await expect(authenticate(request('Bearer t'), verifier(bug))).rejects.toBe(bug);
  });
});

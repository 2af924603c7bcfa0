import { CompactSign, createLocalJWKSet, errors, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTVerifyGetKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthError, KeysUnavailableError, type Caller } from '../../../server/auth/caller.ts';
import { explainJoseError, googleIdTokenVerifier, type GoogleIdTokenOptions } from '../../../server/auth/google-id-token-verifier.ts';

const CLIENT_ID = '123456789012-sheetssfa.apps.googleusercontent.com';
const NOW = new Date('2026-11-20T00:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const KID = 'google-key-1';

interface Claims {
  readonly [claim: string]: unknown;
}

let privateKey: CryptoKey;
let strangerKey: CryptoKey;
let keys: JWTVerifyGetKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' }] });
});

const baseClaims: Claims = {
  iss: 'https://accounts.google.com',
  aud: CLIENT_ID,
  sub: '1234567890',
  email: 'Taro.Yamada@Example.com',
  email_verified: true,
  iat: NOW_S - 60,
  exp: NOW_S + 3540,
};

/** A Google-shaped ID token; a claim set to undefined is left out. */
async function token(over: Claims = {}, options: { key?: CryptoKey; kid?: string } = {}): Promise<string> {
  const payload: Record<string, unknown> = {};
  for (const [claim, value] of Object.entries({ ...baseClaims, ...over })) if (value !== undefined) payload[claim] = value;
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: options.kid ?? KID, typ: 'JWT' }).sign(options.key ?? privateKey);
}

const options = (over: Partial<GoogleIdTokenOptions> = {}): GoogleIdTokenOptions => ({
  jwksUrl: 'https://www.googleapis.com/oauth2/v3/certs',
  audiences: [CLIENT_ID],
  issuers: ['https://accounts.google.com', 'accounts.google.com'],
  clockSkewSeconds: 60,
  now: () => NOW,
  ...over,
});

const verify = (jwt: string, over: Partial<GoogleIdTokenOptions> = {}): Promise<Caller> => googleIdTokenVerifier(options(over), keys).verify(jwt);

async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected the token to be refused');
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('googleIdTokenVerifier', () => {
  it('returns the caller with a lower-cased email when the token is valid', async () => {
    await expect(verify(await token())).resolves.toEqual({ email: 'taro.yamada@example.com', subject: '1234567890', via: 'google' });
  });

  it('accepts the bare accounts.google.com issuer', async () => {
    await expect(verify(await token({ iss: 'accounts.google.com' }))).resolves.toMatchObject({ subject: '1234567890' });
  });

  it('accepts any of several configured audiences', async () => {
    await expect(verify(await token({ aud: 'other-client' }), { audiences: [CLIENT_ID, 'other-client'] })).resolves.toMatchObject({ subject: '1234567890' });
  });

  it('accepts email_verified as the string "true"', async () => {
    await expect(verify(await token({ email_verified: 'true' }))).resolves.toMatchObject({ email: 'taro.yamada@example.com' });
  });

  it('accepts a token that expired within the clock skew', async () => {
    await expect(verify(await token({ exp: NOW_S - 30 }))).resolves.toMatchObject({ subject: '1234567890' });
  });

  it('refuses with "expired" when the token expired beyond the clock skew', async () => {
    const error = await refusal(verify(await token({ exp: NOW_S - 61 })));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('the token has expired');
  });

  it('refuses a token that is not yet valid beyond the clock skew', async () => {
    const error = await refusal(verify(await token({ nbf: NOW_S + 120 })));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('nbf');
  });

  it.each<[string, Claims, string]>([
    ['the audience is another client', { aud: 'someone-else.apps.googleusercontent.com' }, 'the token\'s audience is not accepted'],
    ['the issuer is not Google', { iss: 'https://evil.example.com' }, 'the token\'s issuer is not accepted'],
    ['email_verified is false', { email_verified: false }, 'the token\'s email address is not verified'],
    ['email_verified is missing', { email_verified: undefined }, 'the token\'s email address is not verified'],
    ['email_verified is the string "false"', { email_verified: 'false' }, 'the token\'s email address is not verified'],
    ['the email is missing', { email: undefined }, 'the token carries no email: request the email scope'],
    ['the email is blank', { email: '  ' }, 'the token carries no email'],
    ['the subject is missing', { sub: undefined }, 'sub'],
    ['the expiry is missing', { exp: undefined }, 'exp'],
  ])('refuses with an AuthError when %s', async (_, claims, message) => {
    const error = await refusal(verify(await token(claims)));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain(message);
  });

  it('refuses when the signature does not match the key its kid names', async () => {
    const error = await refusal(verify(await token({}, { key: strangerKey })));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('the token\'s signature is invalid');
  });

  it('refuses when the payload was changed after signing', async () => {
    const [header, , signature] = (await token()).split('.');
    const forged = `${header}.${base64url({ ...baseClaims, email: 'boss@example.com' })}.${signature}`;
    const error = await refusal(verify(forged));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('the token\'s signature is invalid');
  });

  it('refuses when the key id is unknown', async () => {
    const error = await refusal(verify(await token({}, { kid: 'rotated-away' })));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('the token is signed with an unknown key');
  });

  it('refuses an HS256 token', async () => {
    const hs = await new SignJWT({ ...baseClaims }).setProtectedHeader({ alg: 'HS256', kid: KID }).sign(new TextEncoder().encode('k'.repeat(32)));
    const error = await refusal(verify(hs));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('the token\'s signing algorithm is not accepted');
  });

  it('refuses an unsigned token with alg none', async () => {
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(baseClaims)}.`;
    const error = await refusal(verify(unsigned));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('the token\'s signing algorithm is not accepted');
  });

  it.each(['', 'not-a-token', 'a.b.c', 'a.b'])('refuses the malformed token "%s"', async (jwt) => {
    const error = await refusal(verify(jwt));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('the token is malformed');
  });

  it('refuses as malformed a correctly signed token whose payload is not JSON claims', async () => {
    const jws = await new CompactSign(new TextEncoder().encode('not json')).setProtectedHeader({ alg: 'RS256', kid: KID }).sign(privateKey);
    const error = await refusal(verify(jws));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('the token is malformed');
  });

  it('refuses every token as the service\'s fault, saying sign-in is not configured, when there are no audiences', async () => {
    const error = await refusal(verify(await token(), { audiences: [] }));
    expect(error).toBeInstanceOf(KeysUnavailableError);
    expect(error.message).toContain('sign-in is not configured');
  });

  it('throws KeysUnavailableError when the key set cannot be fetched', async () => {
    const unreachable: JWTVerifyGetKey = async () => {
      throw new TypeError('fetch failed');
    };
    const error = await refusal(googleIdTokenVerifier(options(), unreachable).verify(await token()));
    expect(error).toBeInstanceOf(KeysUnavailableError);
  });
});

describe('explainJoseError', () => {
  it.each<[string, unknown, typeof AuthError | typeof KeysUnavailableError, string]>([
    ['a JWKS timeout', new errors.JWKSTimeout(), KeysUnavailableError, 'Google\'s signing keys could not be fetched'],
    ['an invalid JWKS', new errors.JWKSInvalid('bad'), KeysUnavailableError, 'Google\'s signing keys could not be fetched'],
    ['a fetch TypeError', new TypeError('fetch failed'), KeysUnavailableError, 'Google\'s signing keys could not be fetched'],
    ['a disallowed algorithm', new errors.JOSEAlgNotAllowed('no'), AuthError, 'the token\'s signing algorithm is not accepted'],
    ['a malformed JWS', new errors.JWSInvalid('bad'), AuthError, 'the token is malformed'],
  ])('turns %s into the matching error', (_, error, type, message) => {
    const explained = explainJoseError(error);
    expect(explained).toBeInstanceOf(type);
    expect(explained.message).toBe(message);
    expect(explained.cause).toBe(error);
  });

  it('passes an unrelated error through unchanged', () => {
    const error = new RangeError('bug');
    expect(explainJoseError(error)).toBe(error);
  });
});

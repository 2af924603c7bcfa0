import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../server/auth/caller.ts';
import { DEV_AUDIENCE, DEV_ISSUER, devTokenVerifier, signDevToken } from '../../../server/auth/dev-token-verifier.ts';

const KEY = 'a-development-key-of-32-chars-ok';
const OTHER_KEY = 'another-development-key-32-chars';

async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected the token to be refused');
}

const secondsAgo = (seconds: number): Date => new Date(Date.now() - seconds * 1000);

describe('devTokenVerifier', () => {
  const verifier = devTokenVerifier(KEY, 60);

  it('returns the caller with a lower-cased email when the token is signed with the key', async () => {
    await expect(verifier.verify(await signDevToken(KEY, 'Dev.User@Example.com'))).resolves.toEqual({
      email: 'dev.user@example.com',
      subject: 'dev:Dev.User@Example.com',
      via: 'dev',
    });
  });

  it('accepts a token that expired within the clock skew', async () => {
    await expect(verifier.verify(await signDevToken(KEY, 'dev@example.com', secondsAgo(3600 + 30)))).resolves.toMatchObject({ email: 'dev@example.com' });
  });

  it('refuses with "expired" when the token expired beyond the clock skew', async () => {
    const error = await refusal(verifier.verify(await signDevToken(KEY, 'dev@example.com', secondsAgo(3600 + 120))));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('the token has expired');
  });

  it('refuses when the token is signed with another key', async () => {
    const error = await refusal(verifier.verify(await signDevToken(OTHER_KEY, 'dev@example.com')));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('the token\'s signature is invalid');
  });

  it.each<[string, string, string, string]>([
    ['the issuer is not the development issuer', 'https://accounts.google.com', DEV_AUDIENCE, 'the token\'s issuer is not accepted'],
    ['the audience is not the development audience', DEV_ISSUER, 'client.apps.googleusercontent.com', 'the token\'s audience is not accepted'],
  ])('refuses when %s', async (_, issuer, audience, message) => {
    const now = Math.floor(Date.now() / 1000);
    const jwt = await new SignJWT({ email: 'dev@example.com', email_verified: true })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('dev')
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(new TextEncoder().encode(KEY));
    const error = await refusal(verifier.verify(jwt));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain(message);
  });

  it('refuses an RS256 token even when its claims are the development ones', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    const jwt = await new SignJWT({ email: 'dev@example.com', email_verified: true })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setSubject('dev')
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(privateKey);
    const error = await refusal(verifier.verify(jwt));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('the token\'s signing algorithm is not accepted');
  });

  it('refuses a malformed token', async () => {
    const error = await refusal(verifier.verify('not.a.token'));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('the token is malformed');
  });
});

describe('signDevToken', () => {
  it('signs an hour-long HS256 token for the email when it is given a time', async () => {
    const now = new Date('2026-11-20T00:00:00Z');
    const [header, payload] = (await signDevToken(KEY, 'dev@example.com', now)).split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    const iat = now.getTime() / 1000;
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())).toEqual({
      email: 'dev@example.com',
      email_verified: true,
      iss: DEV_ISSUER,
      aud: DEV_AUDIENCE,
      sub: 'dev:dev@example.com',
      iat,
      exp: iat + 3600,
    });
  });
});

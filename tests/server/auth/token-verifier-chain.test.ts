import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTVerifyGetKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthError, type Caller, type TokenVerifier } from '../../../server/auth/caller.ts';
import { devTokenVerifier, signDevToken } from '../../../server/auth/dev-token-verifier.ts';
import { googleIdTokenVerifier } from '../../../server/auth/google-id-token-verifier.ts';
import { verifierChain } from '../../../server/auth/token-verifier-chain.ts';

const CLIENT_ID = 'client.apps.googleusercontent.com';
const DEV_KEY = 'a-development-key-of-32-chars-ok';
const KID = 'google-key-1';

let privateKey: CryptoKey;
let google: TokenVerifier;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const keys: JWTVerifyGetKey = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256' }] });
  google = googleIdTokenVerifier({ jwksUrl: 'https://www.googleapis.com/oauth2/v3/certs', audiences: [CLIENT_ID], issuers: ['https://accounts.google.com'], clockSkewSeconds: 60 }, keys);
});

async function googleToken(email: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email, email_verified: true })
    .setProtectedHeader({ alg: 'RS256', kid: KID })
    .setIssuer('https://accounts.google.com')
    .setAudience(CLIENT_ID)
    .setSubject('google-sub')
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(privateKey);
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Records the tokens it is asked about and answers with a fixed caller. */
function recording(caller: Caller): TokenVerifier & { readonly seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    async verify(token: string) {
      seen.push(token);
      return caller;
    },
  };
}

async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected the token to be refused');
}

describe('verifierChain', () => {
  it('verifies an RS256 token with the Google verifier', async () => {
    const chain = verifierChain(google, devTokenVerifier(DEV_KEY, 60));
    await expect(chain.verify(await googleToken('User@Example.com'))).resolves.toEqual({ email: 'user@example.com', subject: 'google-sub', via: 'google' });
  });

  it('refuses an HS256 token when there is no development verifier', async () => {
    const error = await refusal(verifierChain(google, null).verify(await signDevToken(DEV_KEY, 'dev@example.com')));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('the token\'s signing algorithm is not accepted');
  });

  it('accepts an HS256 token when there is a development verifier', async () => {
    const chain = verifierChain(google, devTokenVerifier(DEV_KEY, 60));
    await expect(chain.verify(await signDevToken(DEV_KEY, 'dev@example.com'))).resolves.toEqual({ email: 'dev@example.com', subject: 'dev:dev@example.com', via: 'dev' });
  });

  it('sends HS256 tokens only to the development verifier and every other one only to Google', async () => {
    const googleStub = recording({ email: 'g@example.com', subject: 'g', via: 'google' });
    const devStub = recording({ email: 'd@example.com', subject: 'd', via: 'dev' });
    const chain = verifierChain(googleStub, devStub);
    const hs = await signDevToken(DEV_KEY, 'dev@example.com');
    const rs = await googleToken('user@example.com');
    await expect(chain.verify(hs)).resolves.toEqual({ email: 'd@example.com', subject: 'd', via: 'dev' });
    await expect(chain.verify(rs)).resolves.toEqual({ email: 'g@example.com', subject: 'g', via: 'google' });
    expect(devStub.seen).toEqual([hs]);
    expect(googleStub.seen).toEqual([rs]);
  });

  it('refuses an unsigned alg none token', async () => {
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ iss: 'https://accounts.google.com', aud: CLIENT_ID, sub: 's', email: 'a@example.com', email_verified: true, iat: 1, exp: 9_999_999_999 })}.`;
    const error = await refusal(verifierChain(google, devTokenVerifier(DEV_KEY, 60)).verify(unsigned));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('the token\'s signing algorithm is not accepted');
  });

  it.each(['', 'garbage', 'a.b.c', '%%%.e30.'])('refuses "%s" as malformed without asking either verifier', async (token) => {
    const googleStub = recording({ email: 'g@example.com', subject: 'g', via: 'google' });
    const devStub = recording({ email: 'd@example.com', subject: 'd', via: 'dev' });
    const error = await refusal(verifierChain(googleStub, devStub).verify(token));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('the token is malformed');
    expect(googleStub.seen).toEqual([]);
    expect(devStub.seen).toEqual([]);
  });
});

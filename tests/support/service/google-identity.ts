// A local stand-in for Google's ID-token issuer: an RSA key pair whose public half is served as a
// JWKS on 127.0.0.1 (as https://www.googleapis.com/oauth2/v3/certs serves Google's), and a signer
// for tokens shaped like ScriptApp.getIdentityToken()'s, with every claim overridable to forge
// the bad ones.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export const TEST_CLIENT_ID = '123456789012-sheetssfa.apps.googleusercontent.com';
export const GOOGLE_ISSUER = 'https://accounts.google.com';

export interface TokenClaims {
  readonly email?: string | null;
  readonly email_verified?: boolean | string | null;
  readonly aud?: string;
  readonly iss?: string;
  readonly sub?: string;
  /** Seconds relative to now. */
  readonly issuedAgo?: number;
  readonly expiresIn?: number;
}

export interface GoogleIdentity {
  readonly jwksUrl: string;
  /** A valid token for `email` unless claims say otherwise. */
  token(email: string, claims?: TokenClaims): Promise<string>;
  /** A token signed by a key the JWKS does not publish. */
  tokenFromUnknownKey(email: string): Promise<string>;
  readonly fetches: number;
  close(): Promise<void>;
}

async function signer(key: CryptoKey, kid: string, email: string, claims: TokenClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const iat = now - (claims.issuedAgo ?? 10);
  const payload: Record<string, unknown> = { azp: TEST_CLIENT_ID };
  if (claims.email !== null) payload.email = claims.email ?? email;
  if (claims.email_verified !== null) payload.email_verified = claims.email_verified ?? true;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setIssuer(claims.iss ?? GOOGLE_ISSUER)
    .setAudience(claims.aud ?? TEST_CLIENT_ID)
    .setSubject(claims.sub ?? `sub-${email}`)
    .setIssuedAt(iat)
    .setExpirationTime(now + (claims.expiresIn ?? 3600))
    .sign(key);
}

export async function startGoogleIdentity(): Promise<GoogleIdentity> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const kid = 'test-key-1';
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  let fetches = 0;
  const server: Server = createServer((req, res) => {
    if (req.url === '/oauth2/v3/certs') {
      fetches++;
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=3600' });
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/oauth2/v3/certs`,
    token: (email, claims = {}) => signer(privateKey, kid, email, claims),
    tokenFromUnknownKey: (email) => signer(stranger.privateKey, kid, email, {}),
    get fetches() {
      return fetches;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

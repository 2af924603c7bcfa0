import { jwtVerify, SignJWT } from 'jose';
import { AuthError, type Caller, type TokenVerifier } from './caller.ts';
import { callerOfClaims } from './claims-caller.ts';
import { explainJoseError } from './google-id-token-verifier.ts';

export const DEV_ISSUER = 'sheets-sfa-dev';
export const DEV_AUDIENCE = 'sheets-sfa-dev';

function keyBytes(key: string): Uint8Array {
  return new TextEncoder().encode(key);
}

/**
 * Development sign-in with a static shared key (HS256), for running the add-on against a local
 * service. Only enabled explicitly, and the service refuses to bind anything but loopback with it.
 */
export function devTokenVerifier(key: string, clockSkewSeconds: number): TokenVerifier {
  const secret = keyBytes(key);
  return {
    async verify(token: string): Promise<Caller> {
      try {
        const { payload } = await jwtVerify(token, secret, {
          algorithms: ['HS256'],
          issuer: DEV_ISSUER,
          audience: DEV_AUDIENCE,
          clockTolerance: clockSkewSeconds,
          requiredClaims: ['exp', 'iat', 'sub'],
        });
        return callerOfClaims(payload, 'dev');
      } catch (error) {
        throw error instanceof AuthError ? error : explainJoseError(error);
      }
    },
  };
}

/** A development token for `email`, valid for an hour. */
export async function signDevToken(key: string, email: string, now: Date = new Date()): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ email, email_verified: true })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setSubject(`dev:${email}`)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 3600)
    .sign(keyBytes(key));
}

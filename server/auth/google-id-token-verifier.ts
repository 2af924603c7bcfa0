import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AuthError, KeysUnavailableError, type Caller, type TokenVerifier } from './caller.ts';
import { callerOfClaims } from './claims-caller.ts';

export interface GoogleIdTokenOptions {
  readonly jwksUrl: string;
  /** The add-on's OAuth client id(s): ScriptApp.getIdentityToken() is issued to it. */
  readonly audiences: readonly string[];
  readonly issuers: readonly string[];
  readonly clockSkewSeconds: number;
  /** Wall clock, for tests that sign tokens in the past or future. */
  readonly now?: () => Date;
}

/** Explains a jose rejection in words a client developer can act on. */
export function explainJoseError(error: unknown): Error {
  if (error instanceof errors.JWTExpired) return new AuthError('the token has expired', { cause: error });
  if (error instanceof errors.JWTClaimValidationFailed) {
    const which = error.claim === 'aud' ? 'audience' : error.claim === 'iss' ? 'issuer' : error.claim;
    return new AuthError(`the token's ${which} is not accepted (${error.reason})`, { cause: error });
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return new AuthError('the token\'s signature is invalid', { cause: error });
  if (error instanceof errors.JWKSNoMatchingKey) return new AuthError('the token is signed with an unknown key', { cause: error });
  if (error instanceof errors.JOSEAlgNotAllowed) return new AuthError('the token\'s signing algorithm is not accepted', { cause: error });
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return new KeysUnavailableError('Google\'s signing keys could not be fetched', { cause: error });
  }
  if (error instanceof errors.JOSEError) return new AuthError('the token is malformed', { cause: error });
  // A failed fetch of the key set surfaces as a plain TypeError from fetch.
  if (error instanceof TypeError) return new KeysUnavailableError('Google\'s signing keys could not be fetched', { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

/** Verifies Google ID tokens: signature against Google's JWKS, issuer, audience, expiry, verified email. */
export function googleIdTokenVerifier(options: GoogleIdTokenOptions, keys?: JWTVerifyGetKey): TokenVerifier {
  // jose caches the key set and refetches on an unknown `kid`, which is how Google rotates keys.
  const jwks = keys ?? createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
  return {
    async verify(token: string): Promise<Caller> {
      // The service's fault, not the token's: a 503 tells the add-on to report it, not to sign in again.
      if (options.audiences.length === 0) throw new KeysUnavailableError('sign-in is not configured on this service (GOOGLE_OAUTH_CLIENT_ID is unset)');
      try {
        const { payload } = await jwtVerify(token, jwks, {
          algorithms: ['RS256'],
          issuer: [...options.issuers],
          audience: [...options.audiences],
          clockTolerance: options.clockSkewSeconds,
          requiredClaims: ['exp', 'iat', 'sub'],
          ...(options.now === undefined ? {} : { currentDate: options.now() }),
        });
        return callerOfClaims(payload, 'google');
      } catch (error) {
        throw error instanceof AuthError ? error : explainJoseError(error);
      }
    },
  };
}

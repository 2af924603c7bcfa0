import { decodeProtectedHeader } from 'jose';
import { AuthError, type Caller, type TokenVerifier } from './caller.ts';

/**
 * Picks the verifier by the token's algorithm: Google signs ID tokens with RS256, the development
 * key is HS256. Without a development verifier an HS256 token is simply refused.
 */
export function verifierChain(google: TokenVerifier, dev: TokenVerifier | null): TokenVerifier {
  return {
    async verify(token: string): Promise<Caller> {
      let alg: unknown;
      try {
        alg = decodeProtectedHeader(token).alg;
      } catch {
        throw new AuthError('the token is malformed');
      }
      if (alg === 'HS256') {
        if (dev === null) throw new AuthError('the token\'s signing algorithm is not accepted');
        return dev.verify(token);
      }
      return google.verify(token);
    },
  };
}

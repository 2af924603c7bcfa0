import type { Request } from 'express';
import { ApiError } from '../http/api-error.ts';
import { AuthError, KeysUnavailableError, type Caller, type TokenVerifier } from './caller.ts';

// RFC 6750: `Authorization: Bearer <token>`, the scheme case-insensitive.
const BEARER = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)\s*$/i;

/** The caller a request's bearer token proves; a 401 saying what is wrong otherwise. */
export async function authenticate(req: Request, verifier: TokenVerifier): Promise<Caller> {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === '') {
    throw new ApiError(401, 'unauthenticated', 'missing Authorization: Bearer <Google ID token>');
  }
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) throw new ApiError(401, 'unauthenticated', 'the Authorization header is not a Bearer token');
  try {
    return await verifier.verify(token);
  } catch (error) {
    if (error instanceof AuthError) throw new ApiError(401, 'unauthenticated', error.message, { cause: error });
    if (error instanceof KeysUnavailableError) throw new ApiError(503, 'unavailable', error.message, { cause: error });
    throw error;
  }
}

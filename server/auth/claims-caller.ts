import type { JWTPayload } from 'jose';
import { AuthError, type Caller } from './caller.ts';

/**
 * The caller a verified token's claims name. Google sets `email_verified` on ID tokens; an address
 * nobody proved to own must not inherit roles granted to it.
 */
export function callerOfClaims(payload: JWTPayload, via: Caller['via']): Caller {
  const { email, email_verified: verified, sub } = payload as JWTPayload & { email?: unknown; email_verified?: unknown };
  if (typeof email !== 'string' || email.trim() === '') throw new AuthError('the token carries no email: request the email scope');
  // Some Google tokens carry the flag as the string "true".
  if (verified !== true && verified !== 'true') throw new AuthError('the token\'s email address is not verified');
  if (typeof sub !== 'string' || sub === '') throw new AuthError('the token has no subject');
  return { email: email.trim().toLowerCase(), subject: sub, via };
}

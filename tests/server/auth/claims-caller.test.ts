import type { JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../server/auth/caller.ts';
import { callerOfClaims } from '../../../server/auth/claims-caller.ts';

const claims = (over: Record<string, unknown> = {}): JWTPayload => ({ sub: '42', email: 'Hanako@Example.co.jp', email_verified: true, ...over });

describe('callerOfClaims', () => {
  it('returns the trimmed, lower-cased email and the subject when the email is verified', () => {
    expect(callerOfClaims(claims({ email: '  Hanako@Example.CO.JP ' }), 'google')).toEqual({ email: 'hanako@example.co.jp', subject: '42', via: 'google' });
  });

  it('accepts email_verified as the string "true"', () => {
    expect(callerOfClaims(claims({ email_verified: 'true' }), 'dev')).toEqual({ email: 'hanako@example.co.jp', subject: '42', via: 'dev' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['the email is missing', { email: undefined }, 'the token carries no email: request the email scope'],
    ['the email is blank', { email: ' ' }, 'the token carries no email'],
    ['the email is not text', { email: ['a@example.com'] }, 'the token carries no email'],
    ['email_verified is false', { email_verified: false }, 'the token\'s email address is not verified'],
    ['email_verified is missing', { email_verified: undefined }, 'the token\'s email address is not verified'],
    ['email_verified is "false"', { email_verified: 'false' }, 'the token\'s email address is not verified'],
    ['email_verified is 1', { email_verified: 1 }, 'the token\'s email address is not verified'],
    ['email_verified is "TRUE"', { email_verified: 'TRUE' }, 'the token\'s email address is not verified'],
    ['the subject is missing', { sub: undefined }, 'the token has no subject'],
    ['the subject is empty', { sub: '' }, 'the token has no subject'],
  ])('throws an AuthError when %s', (_, over, message) => {
    expect(() => callerOfClaims(claims(over), 'google')).toThrow(AuthError);
    expect(() => callerOfClaims(claims(over), 'google')).toThrow(message);
  });
});

// Service accounts: fresh RSA keys in the shape of a Google key file, and verification of the
// self-signed JWTs google-auth-library's JWT client sends (RS256, kid = private_key_id,
// iss = sub = client_email, and either a `scope` claim or `aud` = the API's URL).

import { generateKeyPair } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { randomDigits, randomHex } from './ids.ts';
import type { ServiceAccountKey } from './sheets-stand-in.ts';

const generateRsaKeyPair = promisify(generateKeyPair);
const SHEETS_AUDIENCE = 'https://sheets.googleapis.com/';
// Google refuses self-signed JWTs that live longer than an hour.
const MAX_LIFETIME_SECONDS = 3600;

export type TokenAccess = 'write' | 'read' | 'none';

export interface VerifiedToken {
  email: string;
  access: TokenAccess;
  projectNumber: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

interface Account {
  email: string;
  publicKey: KeyObject;
  projectNumber: string;
}

const WRITE_SCOPES = new Set([
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/drive.file',
]);
const READ_SCOPES = new Set([
  'https://www.googleapis.com/auth/spreadsheets.readonly',
  'https://www.googleapis.com/auth/drive.readonly',
]);

export function accessForScopes(scopes: readonly string[]): TokenAccess {
  if (scopes.some((s) => WRITE_SCOPES.has(s))) return 'write';
  if (scopes.some((s) => READ_SCOPES.has(s))) return 'read';
  return 'none';
}

export class ServiceAccountRegistry {
  readonly #byKeyId = new Map<string, Account>();
  readonly #rootUrl: () => string;

  constructor(rootUrl: () => string) {
    this.#rootUrl = rootUrl;
  }

  async create(email: string): Promise<ServiceAccountKey> {
    const { publicKey, privateKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
    const keyId = randomHex(40);
    const projectNumber = randomDigits(12);
    this.#byKeyId.set(keyId, { email, publicKey, projectNumber });
    return {
      type: 'service_account',
      project_id: `stand-in-${projectNumber}`,
      private_key_id: keyId,
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: email,
      client_id: randomDigits(21),
      token_uri: 'https://oauth2.googleapis.com/token',
    };
  }

  /** The caller behind a self-signed JWT, or null when it is not one this registry accepts. */
  async verify(token: string): Promise<VerifiedToken | null> {
    let keyId: string | undefined;
    try {
      keyId = decodeProtectedHeader(token).kid;
    } catch {
      return null;
    }
    const account = keyId === undefined ? undefined : this.#byKeyId.get(keyId);
    if (account === undefined) return null;
    let payload;
    try {
      ({ payload } = await jwtVerify(token, account.publicKey, {
        algorithms: ['RS256'],
        issuer: account.email,
        subject: account.email,
        requiredClaims: ['iat', 'exp'],
      }));
    } catch {
      return null;
    }
    const iat = payload.iat ?? 0;
    const exp = payload.exp ?? 0;
    if (exp - iat > MAX_LIFETIME_SECONDS) return null;
    const base = { email: account.email, projectNumber: account.projectNumber, expiresAt: exp };
    if (typeof payload['scope'] === 'string' && payload['scope'] !== '') {
      return { ...base, access: accessForScopes(payload['scope'].split(' ')) };
    }
    // Without scopes the JWT is bound to the API by audience: Google's host, or this server's URL.
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    const accepted = audiences.some((aud) => aud === SHEETS_AUDIENCE || (aud !== undefined && aud.startsWith(this.#rootUrl())));
    return accepted ? { ...base, access: 'write' } : null;
  }
}

// Who is calling (bearer tokens: service-account JWTs and user access tokens) and whether they
// may open a spreadsheet.

import { missingCredentials, permissionDenied, unauthenticated } from './google-error.ts';
import type { GoogleApiError } from './google-error.ts';
import { randomHex } from './ids.ts';
import { ServiceAccountRegistry } from './service-accounts.ts';
import type { TokenAccess, VerifiedToken } from './service-accounts.ts';
import type { SpreadsheetModel } from './spreadsheet-model.ts';

export interface Caller {
  email: string;
  access: TokenAccess;
  projectNumber: string;
}

// The OAuth client project users' tokens are attributed to in quota messages.
const USER_CLIENT_PROJECT = '764086051850';

export class AccessControl {
  readonly serviceAccounts: ServiceAccountRegistry;
  readonly #userTokens = new Map<string, string>(); // token → email
  readonly #tokensByEmail = new Map<string, string>();
  readonly #verified = new Map<string, VerifiedToken>();

  constructor(rootUrl: () => string) {
    this.serviceAccounts = new ServiceAccountRegistry(rootUrl);
  }

  /** One opaque token per user, shaped like Google's access tokens. */
  userToken(email: string): string {
    const existing = this.#tokensByEmail.get(email);
    if (existing !== undefined) return existing;
    const token = `ya29.stand-in-${randomHex(48)}`;
    this.#userTokens.set(token, email);
    this.#tokensByEmail.set(email, token);
    return token;
  }

  /** The caller behind an Authorization header, or the 401 to answer with. */
  async authenticate(authorization: string | undefined): Promise<Caller | GoogleApiError> {
    if (authorization === undefined || authorization.trim() === '') return missingCredentials();
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (match === null) return unauthenticated();
    const token = match[1] ?? '';
    const userEmail = this.#userTokens.get(token);
    if (userEmail !== undefined) return { email: userEmail, access: 'write', projectNumber: USER_CLIENT_PROJECT };
    // JWT validity is real time (the client signs with Date.now()), not the stand-in's clock.
    const nowSeconds = Date.now() / 1000;
    let verified = this.#verified.get(token);
    if (verified === undefined || verified.expiresAt <= nowSeconds) {
      this.#verified.delete(token);
      verified = (await this.serviceAccounts.verify(token)) ?? undefined;
      if (verified !== undefined) this.#verified.set(token, verified);
    }
    if (verified === undefined) return unauthenticated();
    return { email: verified.email, access: verified.access, projectNumber: verified.projectNumber };
  }
}

export function insufficientScopes(): GoogleApiError {
  return permissionDenied('Request had insufficient authentication scopes.');
}

export function canOpen(doc: SpreadsheetModel, caller: Caller): boolean {
  return doc.sharedWith.has(caller.email.toLowerCase());
}

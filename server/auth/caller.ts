/** The signed-in person a request acts for, as their verified Google ID token names them. */
export interface Caller {
  /** Lower-cased: the identity every role is granted to. */
  readonly email: string;
  readonly subject: string;
  /** How the caller signed in: a Google ID token, or the loopback-only development key. */
  readonly via: 'google' | 'dev';
}

/** Why a token was refused; each becomes a 401 with a message saying which check failed. */
export class AuthError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AuthError';
  }
}

/** Raised when the keys to check a token with cannot be fetched: the service, not the token, is at fault. */
export class KeysUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeysUnavailableError';
  }
}

export interface TokenVerifier {
  /** The caller the token proves, or an AuthError / KeysUnavailableError. */
  verify(token: string): Promise<Caller>;
}

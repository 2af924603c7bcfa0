// Errors in the JSON envelope the Sheets API answers with: { error: { code, message, status } }.

export interface GoogleErrorBody {
  error: { code: number; message: string; status: string; details?: unknown[] };
}

export class GoogleApiError extends Error {
  readonly code: number;
  readonly status: string;
  readonly details: unknown[] | undefined;

  constructor(code: number, status: string, message: string, details?: unknown[]) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }

  body(): GoogleErrorBody {
    const error: GoogleErrorBody['error'] = { code: this.code, message: this.message, status: this.status };
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

export function invalidArgument(message: string): GoogleApiError {
  return new GoogleApiError(400, 'INVALID_ARGUMENT', message);
}

export function notFound(message = 'Requested entity was not found.'): GoogleApiError {
  return new GoogleApiError(404, 'NOT_FOUND', message);
}

export function permissionDenied(message = 'The caller does not have permission'): GoogleApiError {
  return new GoogleApiError(403, 'PERMISSION_DENIED', message);
}

// Google's long form for a bearer token it cannot accept.
export function unauthenticated(): GoogleApiError {
  return new GoogleApiError(
    401,
    'UNAUTHENTICATED',
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  );
}

export function missingCredentials(): GoogleApiError {
  return new GoogleApiError(
    401,
    'UNAUTHENTICATED',
    'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  );
}

export function serverFault(status: 500 | 503): GoogleApiError {
  return status === 500
    ? new GoogleApiError(500, 'INTERNAL', 'Internal error encountered.')
    : new GoogleApiError(503, 'UNAVAILABLE', 'The service is currently unavailable.');
}

/** A batchUpdate subrequest refused: the caller wraps it as "Invalid requests[i].kind: …". */
export class RequestRejection extends Error {}

// Test helpers: real googleapis clients pointed at the stand-in, and Google error bodies read
// back off a failed call.

import { google } from 'googleapis';
import type { sheets_v4 } from 'googleapis';
import type { GoogleErrorBody } from './google-error.ts';
import type { ServiceAccountKey, SheetsStandIn } from './sheets-stand-in.ts';

const SPREADSHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

// retry: false so a fault reaches the test instead of gaxios' backoff.
export function sheetsAsUser(standIn: SheetsStandIn, email: string): sheets_v4.Sheets {
  const auth = new google.auth.OAuth2();
  auth.setCredentials({ access_token: standIn.userToken(email) });
  return google.sheets({ version: 'v4', rootUrl: standIn.rootUrl, auth, retry: false });
}

export function sheetsAsServiceAccount(standIn: SheetsStandIn, key: ServiceAccountKey, scopes = [SPREADSHEETS_SCOPE]): sheets_v4.Sheets {
  const auth = new google.auth.JWT({ email: key.client_email, key: key.private_key, keyId: key.private_key_id, scopes });
  // Sign the JWT locally (scope claim) instead of exchanging it at oauth2.googleapis.com.
  auth.useJWTAccessWithScope = true;
  return google.sheets({ version: 'v4', rootUrl: standIn.rootUrl, auth, retry: false });
}

export interface ApiFailure {
  status: number;
  body: GoogleErrorBody;
}

/** The HTTP status and Google error body of a call that must fail. */
export async function apiFailure(call: Promise<unknown>): Promise<ApiFailure> {
  try {
    await call;
  } catch (error) {
    const response = (error as { response?: { status: number; data: unknown } }).response;
    if (response === undefined) throw error;
    return { status: response.status, body: response.data as GoogleErrorBody };
  }
  throw new Error('Expected the request to fail, but it succeeded');
}

import { readFile } from 'node:fs/promises';
import { google, type sheets_v4 } from 'googleapis';

/** The fields of a Google service-account key file the source needs. */
export interface ServiceAccountKey {
  readonly client_email: string;
  readonly private_key: string;
  readonly private_key_id: string;
}

const SCOPES = ['https://www.googleapis.com/auth/spreadsheets'];
const REQUIRED = ['client_email', 'private_key', 'private_key_id'] as const;

/** Checks a parsed key file, naming the first thing missing; `origin` names the file in errors. */
export function parseServiceAccountKey(json: unknown, origin = 'the service account key'): ServiceAccountKey {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${origin} is not a JSON object`);
  const fields = json as Record<string, unknown>;
  if (fields.type !== undefined && fields.type !== 'service_account') {
    throw new Error(`${origin} is a "${String(fields.type)}" credential, not a service account key: create a JSON key for a service account`);
  }
  for (const name of REQUIRED) {
    const value = fields[name];
    if (typeof value !== 'string' || value.trim() === '') throw new Error(`${origin} has no ${name}: download a fresh JSON key for the service account`);
  }
  const key = { client_email: fields.client_email as string, private_key: fields.private_key as string, private_key_id: fields.private_key_id as string };
  if (!key.private_key.includes('PRIVATE KEY-----')) throw new Error(`${origin} has a private_key that is not a PEM private key`);
  return key;
}

/** Loads and checks a service-account JSON key file. */
export async function readServiceAccountKey(path: string): Promise<ServiceAccountKey> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the service account key ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`the service account key ${path} is not valid JSON`);
  }
  return parseServiceAccountKey(json, `the service account key ${path}`);
}

export interface SheetsClientOptions {
  readonly credentials: ServiceAccountKey;
  /** Google's by default; a local stand-in in tests. */
  readonly rootUrl?: string;
}

/**
 * A Sheets API v4 client acting as the service account. It signs its own scoped JWT for every
 * request (useJWTAccessWithScope) instead of trading one at Google's token endpoint: one round
 * trip less, and nothing but the API itself to stand in for in tests.
 */
export function createSheetsClient(options: SheetsClientOptions): sheets_v4.Sheets {
  const { credentials } = options;
  const auth = new google.auth.JWT({
    email: credentials.client_email,
    key: credentials.private_key,
    keyId: credentials.private_key_id,
    scopes: SCOPES,
  });
  auth.useJWTAccessWithScope = true;
  return google.sheets({ version: 'v4', auth, ...(options.rootUrl === undefined ? {} : { rootUrl: options.rootUrl }) });
}

/** The service account a client acts as, when it is one: whom users must share their sheets with. */
export function serviceAccountOf(sheets: sheets_v4.Sheets): string | null {
  const auth = sheets.context._options.auth;
  return auth instanceof google.auth.JWT ? (auth.email ?? null) : null;
}

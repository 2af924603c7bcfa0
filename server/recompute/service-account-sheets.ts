import type { sheets_v4 } from 'googleapis';
import type { ServiceConfig } from '../config/service-config.ts';
import { createSheetsClient, readServiceAccountKey } from '../sources/google/sheets-client.ts';

/** The Sheets API client acting as the configured service account. */
export async function serviceAccountSheets(config: ServiceConfig): Promise<sheets_v4.Sheets> {
  const path = config.google.credentialsPath;
  if (path === null) throw new Error('the recompute needs a service account key: set GOOGLE_APPLICATION_CREDENTIALS');
  const credentials = await readServiceAccountKey(path);
  return createSheetsClient({ credentials, ...(config.google.sheetsRootUrl === null ? {} : { rootUrl: config.google.sheetsRootUrl }) });
}

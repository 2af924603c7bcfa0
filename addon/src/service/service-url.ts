// Baked in by the build (esbuild define); the script property SERVICE_URL overrides it, so a test
// can point the same bundle at its own service. Apps Script still refuses any URL outside the
// manifest's urlFetchWhitelist, which the build writes for the baked-in service.
declare const SHEETS_SFA_SERVICE_URL: string;

const SERVICE_URL_PROPERTY = 'SERVICE_URL';
const FALLBACK_URL = 'https://sheets-sfa.example.com';

export function serviceUrl(): string {
  const configured = PropertiesService.getScriptProperties().getProperty(SERVICE_URL_PROPERTY);
  const built = typeof SHEETS_SFA_SERVICE_URL === 'string' ? SHEETS_SFA_SERVICE_URL : FALLBACK_URL;
  const url = configured !== null && configured.trim() !== '' ? configured.trim() : built;
  return url.replace(/\/+$/, '');
}

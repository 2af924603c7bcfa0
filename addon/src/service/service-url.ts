// Baked in by the build (esbuild define); the script property SERVICE_URL overrides it, so a test
// or a staging copy can point the same bundle at another service.
declare const SHEETS_SFA_SERVICE_URL: string;

export const SERVICE_URL_PROPERTY = 'SERVICE_URL';
const FALLBACK_URL = 'https://sheets-sfa.example.com';

export function serviceUrl(): string {
  const configured = PropertiesService.getScriptProperties().getProperty(SERVICE_URL_PROPERTY);
  const built = typeof SHEETS_SFA_SERVICE_URL === 'string' ? SHEETS_SFA_SERVICE_URL : FALLBACK_URL;
  const url = configured !== null && configured.trim() !== '' ? configured.trim() : built;
  return url.replace(/\/+$/, '');
}

// The manifest clasp pushes: the checked-in addon/appsscript.json with urlFetchWhitelist set to
// the service the bundle was built for. Apps Script refuses any fetch outside those prefixes.

export const DEFAULT_SERVICE_URL = 'https://sheets-sfa.example.com';

export class ServiceUrlError extends Error {
  override readonly name = 'ServiceUrlError';
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The service's base URL without a trailing slash: requests append `/v1/…` to it. */
export function serviceBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ServiceUrlError(`service URL "${raw}" is not a URL`);
  }
  // urlFetchWhitelist entries must be HTTPS; plain HTTP only makes sense for a local service.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new ServiceUrlError(`service URL "${raw}" must be https:// (http:// only on loopback)`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new ServiceUrlError(`service URL "${raw}" must not carry a query, fragment or credentials`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The whitelist prefix for a base URL: Apps Script requires it to end with '/'. */
export function whitelistPrefix(baseUrl: string): string {
  return `${baseUrl}/`;
}

export function manifestFor(template: unknown, baseUrl: string): Record<string, unknown> {
  if (typeof template !== 'object' || template === null || Array.isArray(template)) throw new Error('addon/appsscript.json must hold a JSON object');
  return { ...(template as Record<string, unknown>), urlFetchWhitelist: [whitelistPrefix(baseUrl)] };
}

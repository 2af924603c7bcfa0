// Which Sheets v4 method a request path names. Paths arrive percent-encoded; the `:verb`
// suffixes are literal colons, while a colon inside an A1 range arrives as %3A.

export type Endpoint =
  | 'spreadsheets.get'
  | 'spreadsheets.batchUpdate'
  | 'values.get'
  | 'values.update'
  | 'values.append'
  | 'values.clear'
  | 'values.batchGet'
  | 'values.batchUpdate'
  | 'values.batchClear'
  | 'developerMetadata.search'
  | 'developerMetadata.get';

export interface Route {
  endpoint: Endpoint;
  spreadsheetId: string;
  range?: string;
  metadataId?: string;
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function splitVerb(segment: string): [string, string | null] {
  const colon = segment.lastIndexOf(':');
  return colon < 0 ? [segment, null] : [segment.slice(0, colon), segment.slice(colon + 1)];
}

export function matchRoute(method: string, rawPath: string): Route | null {
  const segments = rawPath.split('/').filter((s, i, all) => s !== '' || i < all.length - 1);
  if (segments[0] !== '' || segments[1] !== 'v4' || segments[2] !== 'spreadsheets') return null;
  const [idPart, verb] = splitVerb(segments[3] ?? '');
  const spreadsheetId = decode(idPart);
  if (spreadsheetId === null || spreadsheetId === '') return null;
  const rest = segments.slice(4);

  if (rest.length === 0) {
    if (method === 'GET' && verb === null) return { endpoint: 'spreadsheets.get', spreadsheetId };
    if (method === 'POST' && verb === 'batchUpdate') return { endpoint: 'spreadsheets.batchUpdate', spreadsheetId };
    return null;
  }
  if (verb !== null) return null;
  const [head = '', ...tail] = rest;

  if (tail.length === 0) {
    if (method === 'GET' && head === 'values:batchGet') return { endpoint: 'values.batchGet', spreadsheetId };
    if (method === 'POST' && head === 'values:batchUpdate') return { endpoint: 'values.batchUpdate', spreadsheetId };
    if (method === 'POST' && head === 'values:batchClear') return { endpoint: 'values.batchClear', spreadsheetId };
    if (method === 'POST' && head === 'developerMetadata:search') return { endpoint: 'developerMetadata.search', spreadsheetId };
    return null;
  }
  const target = tail.join('/');
  if (head === 'developerMetadata' && method === 'GET') {
    const metadataId = decode(target);
    return metadataId === null ? null : { endpoint: 'developerMetadata.get', spreadsheetId, metadataId };
  }
  if (head !== 'values') return null;
  const [rawRange, rangeVerb] = splitVerb(target);
  if (rangeVerb === 'append' || rangeVerb === 'clear') {
    const range = decode(rawRange);
    if (range === null || method !== 'POST') return null;
    return { endpoint: rangeVerb === 'append' ? 'values.append' : 'values.clear', spreadsheetId, range };
  }
  // No known verb: any raw colon belongs to the range itself (a client that did not encode it).
  const range = decode(target);
  if (range === null) return null;
  if (method === 'GET') return { endpoint: 'values.get', spreadsheetId, range };
  if (method === 'PUT') return { endpoint: 'values.update', spreadsheetId, range };
  return null;
}

export function isReadEndpoint(endpoint: Endpoint): boolean {
  return (
    endpoint === 'spreadsheets.get' ||
    endpoint === 'values.get' ||
    endpoint === 'values.batchGet' ||
    endpoint === 'developerMetadata.search' ||
    endpoint === 'developerMetadata.get'
  );
}

// Request bodies as UrlFetchApp sends them: JSON, gzipped when large (the service accepts
// Content-Encoding: gzip), refused before sending when over Apps Script's 50 MB per fetch.

/** Bodies from this size are gzipped: smaller than that, compression costs more than it saves. */
const GZIP_FROM_BYTES = 64 * 1024;
/** UrlFetchApp refuses a payload over 50 MB. */
const MAX_PAYLOAD_BYTES = 50 * 1024 * 1024;

/** UTF-8 size of a string, without encoding it (Apps Script has no TextEncoder). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export type EncodedBody =
  | { readonly kind: 'json'; readonly payload: string; readonly bytes: number }
  | { readonly kind: 'gzip'; readonly payload: GoogleAppsScript.Base.Blob; readonly bytes: number | null }
  | { readonly kind: 'too_large'; readonly bytes: number };

/** The body to send for `json`. `bytes` of a gzipped body is only measured when it might be too large. */
export function encodeBody(json: string): EncodedBody {
  const bytes = utf8Length(json);
  if (bytes < GZIP_FROM_BYTES) return { kind: 'json', payload: json, bytes };
  const gzipped = Utilities.gzip(Utilities.newBlob(json, 'application/json'));
  gzipped.setContentType('application/json');
  // Reading a blob's bytes copies them into a JS array: only done when the limit is in question.
  if (bytes <= MAX_PAYLOAD_BYTES) return { kind: 'gzip', payload: gzipped, bytes: null };
  const compressed = gzipped.getBytes().length;
  return compressed > MAX_PAYLOAD_BYTES ? { kind: 'too_large', bytes: compressed } : { kind: 'gzip', payload: gzipped, bytes: compressed };
}

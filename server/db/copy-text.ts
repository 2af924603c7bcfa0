// Rows in COPY's text format: tab-separated, \N for null, backslash escapes.
export type CopyValue = string | number | Date | null;

const SPECIAL = /[\\\t\n\r]/;

function field(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (!SPECIAL.test(value)) return value;
  return value.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r');
}

/** Encodes rows lazily into chunks of about `chunkBytes` UTF-8 bytes; rows are dropped once encoded. */
export function* copyTextChunks(rows: Iterable<readonly CopyValue[]>, chunkBytes = 256 * 1024): Generator<Buffer> {
  // Plain concatenation: V8 joins the pieces once, when the chunk becomes a Buffer.
  let chunk = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : '\t') + field(row[i] ?? null);
    chunk += `${line}\n`;
    // A string's length bounds its UTF-8 size within 3×; close enough to size chunks.
    if (chunk.length * 3 >= chunkBytes) {
      yield Buffer.from(chunk, 'utf8');
      chunk = '';
    }
  }
  if (chunk !== '') yield Buffer.from(chunk, 'utf8');
}

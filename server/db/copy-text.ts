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

/** Encodes rows lazily into chunks of about `chunkBytes` UTF-8 bytes. */
export function* copyTextChunks(rows: Iterable<readonly CopyValue[]>, chunkBytes = 256 * 1024): Generator<Buffer> {
  let parts: string[] = [];
  let length = 0;
  for (const row of rows) {
    const line = `${row.map(field).join('\t')}\n`;
    parts.push(line);
    length += line.length * 3; // a safe upper bound on UTF-8 bytes
    if (length >= chunkBytes) {
      yield Buffer.from(parts.join(''), 'utf8');
      parts = [];
      length = 0;
    }
  }
  if (parts.length > 0) yield Buffer.from(parts.join(''), 'utf8');
}

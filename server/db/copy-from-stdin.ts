import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Runs `copy … from stdin` with the given data chunks on this client; resolves with the rows copied. */
export async function copyFromStdin(client: pg.ClientBase, copySql: string, chunks: Iterable<Buffer>): Promise<number> {
  const stream = client.query(copyFrom(copySql));
  // pipeline waits for the server's CommandComplete and passes on its errors.
  await pipeline(Readable.from(chunks), stream);
  return stream.rowCount;
}

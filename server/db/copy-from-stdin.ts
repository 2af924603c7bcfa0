// COPY … FROM STDIN over node-postgres without pg-copy-streams (not installed): a Submittable
// that drives the copy sub-protocol through the connection's own sendCopyFromChunk/endCopyFrom,
// which is all pg-copy-streams does. The client hands it the backend's CopyInResponse, errors,
// CommandComplete and ReadyForQuery like any query.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type pg from 'pg';

/** The parts of pg's Connection the copy protocol needs (not in @types/pg). */
interface CopyConnection {
  readonly stream: Writable;
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

function isCopyConnection(connection: unknown): connection is CopyConnection {
  if (typeof connection !== 'object' || connection === null) return false;
  const c = connection as Record<string, unknown>;
  return ['query', 'sendCopyFromChunk', 'endCopyFrom', 'sendCopyFail'].every((name) => typeof c[name] === 'function') && typeof c['stream'] === 'object';
}

class CopyFromStdin implements pg.Submittable {
  readonly #text: string;
  readonly #chunks: Iterable<Buffer>;
  readonly #resolve: (rows: number) => void;
  readonly #reject: (error: Error) => void;
  #rows = 0;
  #failed: Error | null = null;

  constructor(text: string, chunks: Iterable<Buffer>, resolve: (rows: number) => void, reject: (error: Error) => void) {
    this.#text = text;
    this.#chunks = chunks;
    this.#resolve = resolve;
    this.#reject = reject;
  }

  submit(connection: pg.Connection): void {
    connection.query(this.#text);
  }

  // Called by pg's client when the backend answers CopyInResponse: stream the data, then CopyDone.
  handleCopyInResponse(connection: unknown): void {
    if (!isCopyConnection(connection)) return;
    void this.#pump(connection);
  }

  async #pump(connection: CopyConnection): Promise<void> {
    try {
      for (const chunk of this.#chunks) {
        if (this.#failed !== null) return;
        connection.sendCopyFromChunk(chunk);
        if (connection.stream.writableNeedDrain) await once(connection.stream, 'drain');
      }
      connection.endCopyFrom();
    } catch (error) {
      connection.sendCopyFail(error instanceof Error ? error.message : String(error));
    }
  }

  handleCommandComplete(message: { text?: string }): void {
    const match = /^COPY (\d+)/.exec(message.text ?? '');
    this.#rows = match?.[1] === undefined ? 0 : Number(match[1]);
  }

  handleReadyForQuery(): void {
    if (this.#failed === null) this.#resolve(this.#rows);
  }

  handleError(error: Error): void {
    this.#failed = error;
    this.#reject(error);
  }

  // Messages a COPY FROM never gets; pg's client may still call these handlers.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleEmptyQuery(): void {}
  handleCopyData(): void {}
}

/** Runs `copy … from stdin` with the given data chunks; resolves with the rows copied. */
export function copyFromStdin(client: pg.Client, copySql: string, chunks: Iterable<Buffer>): Promise<number> {
  // `connection` is pg's internal Connection; checked here, before anything goes on the wire.
  const connection: unknown = Reflect.get(client, 'connection');
  if (!isCopyConnection(connection)) return Promise.reject(new Error('this pg version has no copy-in support on its connection'));
  return new Promise<number>((resolve, reject) => {
    client.query(new CopyFromStdin(copySql, chunks, resolve, reject));
  });
}

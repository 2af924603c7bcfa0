import { Writable } from 'node:stream';
import type { CliIo } from '../../server/cli/sync-command.ts';

/** A stream that keeps what is written to it, and says it is no terminal (no progress bar). */
export class TextSink extends Writable {
  text = '';
  readonly isTTY = false;

  constructor() {
    super({ decodeStrings: false });
  }

  override _write(chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.text += typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
    callback();
  }

  /** The stream as the CLI's io wants it: it only ever calls write() and reads isTTY. */
  asWriteStream(): NodeJS.WriteStream {
    return this as unknown as NodeJS.WriteStream;
  }
}

export interface CapturedIo {
  readonly io: CliIo;
  readonly stdout: TextSink;
  readonly stderr: TextSink;
}

export function captureIo(env: NodeJS.ProcessEnv, clock: () => Date = () => new Date()): CapturedIo {
  const stdout = new TextSink();
  const stderr = new TextSink();
  return { io: { stdout: stdout.asWriteStream(), stderr: stderr.asWriteStream(), env, clock }, stdout, stderr };
}

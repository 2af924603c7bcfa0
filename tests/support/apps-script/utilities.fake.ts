// Utilities: blobs, gzip (node:zlib), base64, digests, formatDate in a time zone with
// SimpleDateFormat patterns, UUIDs, and sleep, which advances the runtime's clock.
import { createHash, randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AppsScriptState } from './apps-script-state.ts';
import { FakeBlob, fromSignedBytes, signedBytes } from './blob.fake.ts';
import { enumName, makeEnum } from './enum-value.ts';
import { isDate, scriptException, signatureMismatch } from './realm.ts';
import { guard } from './service-guard.ts';
import { formatSimpleDate, PatternError } from './simple-date-format.ts';

export const Charset = makeEnum(['US_ASCII', 'UTF_8']);
export const DigestAlgorithm = makeEnum(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512']);

export const MAX_SLEEP_MS = 300_000;

const NODE_DIGESTS: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

function bytesOf(value: unknown): Uint8Array | null {
  if (typeof value === 'string') return new TextEncoder().encode(value);
  if (value instanceof FakeBlob) return value.raw;
  return fromSignedBytes(value);
}

function sprintf(template: string, args: readonly unknown[]): string {
  let index = 0;
  return template.replace(/%(-?\d*)(?:\.(\d+))?([sdif%])/g, (whole, width: string, precision: string | undefined, conversion: string) => {
    if (conversion === '%') return '%';
    const arg = args[index++];
    let text: string;
    if (conversion === 'd' || conversion === 'i') text = String(Math.trunc(Number(arg)));
    else if (conversion === 'f') text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
    else text = String(arg);
    const w = Number(width || 0);
    return w < 0 ? text.padEnd(-w) : w > 0 ? text.padStart(w) : text;
  });
}

export function createUtilities(state: AppsScriptState) {
  const realm = state.realm;
  const blob = (bytes: Uint8Array, contentType: string | null, name: string | null): FakeBlob => new FakeBlob(realm, bytes, contentType, name);
  return {
    Charset,
    DigestAlgorithm,
    newBlob(data: unknown, contentType?: unknown, name?: unknown): FakeBlob {
      const bytes = bytesOf(data);
      if (bytes === null || (contentType !== undefined && contentType !== null && typeof contentType !== 'string')) {
        throw signatureMismatch(realm, 'Utilities.newBlob', [data, contentType, name].filter((v) => v !== undefined));
      }
      return blob(new Uint8Array(bytes), (contentType as string | undefined) ?? null, name === undefined || name === null ? null : String(name));
    },
    gzip(input: unknown, name?: unknown): FakeBlob {
      if (!(input instanceof FakeBlob)) throw signatureMismatch(realm, 'Utilities.gzip', [input]);
      const given = input.getName();
      const named = typeof name === 'string' ? name : given === null ? null : `${given}.gz`;
      return blob(new Uint8Array(gzipSync(input.raw)), 'application/x-gzip', named);
    },
    ungzip(input: unknown): FakeBlob {
      if (!(input instanceof FakeBlob)) throw signatureMismatch(realm, 'Utilities.ungzip', [input]);
      try {
        const given = input.getName();
        return blob(new Uint8Array(gunzipSync(input.raw)), null, given?.endsWith('.gz') === true ? given.slice(0, -3) : given);
      } catch {
        throw scriptException(realm, 'Could not decompress gzip.');
      }
    },
    base64Encode(data: unknown): string {
      const bytes = bytesOf(data);
      if (bytes === null) throw signatureMismatch(realm, 'Utilities.base64Encode', [data]);
      return Buffer.from(bytes).toString('base64');
    },
    base64EncodeWebSafe(data: unknown): string {
      const bytes = bytesOf(data);
      if (bytes === null) throw signatureMismatch(realm, 'Utilities.base64EncodeWebSafe', [data]);
      return Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(encoded: unknown): number[] {
      if (typeof encoded !== 'string') throw signatureMismatch(realm, 'Utilities.base64Decode', [encoded]);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded.replace(/\s/g, ''))) throw scriptException(realm, 'Could not decode string.');
      return signedBytes(realm, new Uint8Array(Buffer.from(encoded, 'base64')));
    },
    base64DecodeWebSafe(encoded: unknown): number[] {
      if (typeof encoded !== 'string') throw signatureMismatch(realm, 'Utilities.base64DecodeWebSafe', [encoded]);
      return signedBytes(realm, new Uint8Array(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64')));
    },
    computeDigest(algorithm: unknown, value: unknown): number[] {
      const name = NODE_DIGESTS[enumName(algorithm) ?? ''];
      const bytes = bytesOf(value);
      if (name === undefined || bytes === null) throw signatureMismatch(realm, 'Utilities.computeDigest', [algorithm, value]);
      return signedBytes(realm, new Uint8Array(createHash(name).update(bytes).digest()));
    },
    formatDate(date: unknown, timeZone: unknown, format: unknown): string {
      if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
        throw signatureMismatch(realm, 'Utilities.formatDate', [date, timeZone, format]);
      }
      try {
        return formatSimpleDate(date.getTime(), timeZone, format);
      } catch (error) {
        if (error instanceof PatternError) throw scriptException(realm, `Invalid argument: ${error.message}`);
        throw error;
      }
    },
    formatString(template: unknown, ...args: unknown[]): string {
      if (typeof template !== 'string') throw signatureMismatch(realm, 'Utilities.formatString', [template, ...args]);
      return sprintf(template, args);
    },
    getUuid(): string {
      return randomUUID();
    },
    /** Nothing really waits: the runtime's clock moves on. */
    sleep(milliseconds: unknown): void {
      if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds)) throw signatureMismatch(realm, 'Utilities.sleep', [milliseconds]);
      if (milliseconds > MAX_SLEEP_MS) throw scriptException(realm, `Invalid argument: milliseconds (at most ${MAX_SLEEP_MS})`);
      guard(state, 'Utilities.sleep', 'anytime');
      state.clock.advance(Math.max(0, Math.trunc(milliseconds)));
      guard(state, 'Utilities.sleep', 'anytime');
    },
  };
}

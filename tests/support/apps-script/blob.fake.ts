// Blobs as Apps Script hands them out: bytes are Java signed bytes (-128..127) in JS number arrays.
import type { Realm } from './realm.ts';

export function signedBytes(realm: Realm, bytes: Uint8Array): number[] {
  const out: number[] = realm.Array.from({ length: 0 });
  for (const b of bytes) out.push(b > 127 ? b - 256 : b);
  return out;
}

/** Bytes from a signed-byte array; null when it is not one. */
export function fromSignedBytes(values: unknown): Uint8Array | null {
  if (!Array.isArray(values)) return null;
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < -128 || v > 255) return null;
    out[i] = v & 0xff;
  }
  return out;
}

export class FakeBlob {
  readonly #realm: Realm;
  #bytes: Uint8Array;
  #contentType: string | null;
  #name: string | null;

  constructor(realm: Realm, bytes: Uint8Array, contentType: string | null = null, name: string | null = null) {
    this.#realm = realm;
    this.#bytes = bytes;
    this.#contentType = contentType;
    this.#name = name;
  }

  /** Not Apps Script: the raw bytes, for the other fakes. */
  get raw(): Uint8Array {
    return this.#bytes;
  }

  getBytes(): number[] {
    return signedBytes(this.#realm, this.#bytes);
  }

  setBytes(data: unknown): FakeBlob {
    const bytes = fromSignedBytes(data);
    if (bytes === null) throw new this.#realm.Error('Invalid argument: data');
    this.#bytes = bytes;
    return this;
  }

  getDataAsString(charset?: string): string {
    return new TextDecoder(charset ?? 'utf-8').decode(this.#bytes);
  }

  setDataFromString(text: string): FakeBlob {
    this.#bytes = new TextEncoder().encode(String(text));
    return this;
  }

  getContentType(): string | null {
    return this.#contentType;
  }

  setContentType(contentType: string | null): FakeBlob {
    this.#contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.#name;
  }

  setName(name: string): FakeBlob {
    this.#name = String(name);
    return this;
  }

  copyBlob(): FakeBlob {
    return new FakeBlob(this.#realm, new Uint8Array(this.#bytes), this.#contentType, this.#name);
  }

  getBlob(): FakeBlob {
    return this;
  }

  isGoogleType(): boolean {
    return false;
  }

  toString(): string {
    return 'Blob';
  }
}

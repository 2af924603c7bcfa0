// PropertiesService: script, user and document stores of strings, with Apps Script's limits
// (9 kB per value, 500 kB per store) enforced as the real service does, by throwing.
import { currentUser, type AppsScriptState } from './apps-script-state.ts';
import { scriptException, signatureMismatch } from './realm.ts';
import { guard } from './service-guard.ts';

export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

type PropertiesReads = Pick<GoogleAppsScript.Properties.Properties, 'getProperty'>;

export class FakeProperties implements PropertiesReads {
  readonly #state: AppsScriptState;
  readonly #store: Map<string, string>;

  constructor(state: AppsScriptState, store: Map<string, string>) {
    this.#state = state;
    this.#store = store;
  }

  #enter(method: string): void {
    guard(this.#state, `Properties.${method}`, 'limited');
  }

  #checked(updates: readonly [string, string][], deleteAllOthers: boolean): void {
    for (const [, value] of updates) {
      if (bytes(value) > VALUE_LIMIT_BYTES) throw scriptException(this.#state.realm, 'Argument too large: value');
    }
    const next = new Map(deleteAllOthers ? [] : this.#store);
    for (const [key, value] of updates) next.set(key, value);
    let total = 0;
    for (const [key, value] of next) total += bytes(key) + bytes(value);
    if (total > STORE_LIMIT_BYTES) {
      throw scriptException(this.#state.realm, 'You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    if (deleteAllOthers) this.#store.clear();
    for (const [key, value] of updates) this.#store.set(key, value);
  }

  getProperty(key: string): string | null {
    this.#enter('getProperty');
    if (typeof key !== 'string') throw signatureMismatch(this.#state.realm, 'Properties.getProperty', [key]);
    return this.#store.get(key) ?? null;
  }

  setProperty(key: unknown, value: unknown): FakeProperties {
    this.#enter('setProperty');
    if (typeof key !== 'string' || value === null || value === undefined) throw signatureMismatch(this.#state.realm, 'Properties.setProperty', [key, value]);
    if (key === '') throw scriptException(this.#state.realm, 'Invalid argument: key');
    this.#checked([[key, String(value)]], false);
    return this;
  }

  setProperties(properties: unknown, deleteAllOthers?: unknown): FakeProperties {
    this.#enter('setProperties');
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
      throw signatureMismatch(this.#state.realm, 'Properties.setProperties', [properties, deleteAllOthers]);
    }
    const updates = Object.entries(properties as Record<string, unknown>).map(([key, value]): [string, string] => [key, String(value)]);
    this.#checked(updates, deleteAllOthers === true);
    return this;
  }

  deleteProperty(key: unknown): FakeProperties {
    this.#enter('deleteProperty');
    if (typeof key !== 'string') throw signatureMismatch(this.#state.realm, 'Properties.deleteProperty', [key]);
    this.#store.delete(key);
    return this;
  }

  deleteAllProperties(): FakeProperties {
    this.#enter('deleteAllProperties');
    this.#store.clear();
    return this;
  }

  /** A copy, not a live view. */
  getProperties(): Record<string, string> {
    this.#enter('getProperties');
    const out = new this.#state.realm.Object() as Record<string, string>;
    for (const [key, value] of this.#store) out[key] = value;
    return out;
  }

  getKeys(): string[] {
    this.#enter('getKeys');
    return this.#state.realm.Array.from(this.#store.keys());
  }
}

export type PropertyStoreKind = 'document' | 'user' | 'script';

export function propertyStore(state: AppsScriptState, kind: PropertyStoreKind, email = currentUser(state).email): Map<string, string> {
  if (kind === 'script') return state.properties.script;
  if (kind === 'document') return state.properties.document;
  let store = state.properties.users.get(email);
  if (store === undefined) {
    store = new Map();
    state.properties.users.set(email, store);
  }
  return store;
}

export function createPropertiesService(state: AppsScriptState) {
  const open = (method: string, kind: PropertyStoreKind): FakeProperties => {
    guard(state, `PropertiesService.${method}`, 'limited');
    return new FakeProperties(state, propertyStore(state, kind));
  };
  return {
    getDocumentProperties: (): FakeProperties => open('getDocumentProperties', 'document'),
    getUserProperties: (): FakeProperties => open('getUserProperties', 'user'),
    getScriptProperties: (): FakeProperties => open('getScriptProperties', 'script'),
  };
}

// The realm (global intrinsics) the add-on runs in. Values the fakes hand to add-on code are made
// with the realm's own constructors, so `instanceof Date` / `instanceof Error` inside a node:vm
// context hold as they do in Apps Script.
import vm from 'node:vm';

export interface Realm {
  readonly Date: DateConstructor;
  readonly Error: ErrorConstructor;
  readonly Array: ArrayConstructor;
  readonly Object: ObjectConstructor;
}

export const hostRealm: Realm = { Date, Error, Array, Object };

/** The intrinsics of a vm context, captured before anything replaces its globals. */
export function contextRealm(context: vm.Context): Realm {
  return vm.runInContext('({ Date: Date, Error: Error, Array: Array, Object: Object })', context) as Realm;
}

/** An Apps Script service exception: `String(e)` reads `Exception: <message>` as in V8 Apps Script. */
export function scriptException(realm: Realm, message: string): Error {
  const error = new realm.Error(message);
  error.name = 'Exception';
  return error;
}

export function realmArray<T>(realm: Realm, items: readonly T[]): T[] {
  return realm.Array.from(items);
}

/** A Date from any realm (instanceof fails across realms). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Apps Script's names for argument types in "The parameters (…) don't match the method signature" errors. */
export function describeArgs(args: readonly unknown[]): string {
  const describe = (value: unknown): string => {
    if (value === null || value === undefined) return 'null';
    if (typeof value === 'number') return 'number';
    if (typeof value === 'string') return 'String';
    if (typeof value === 'boolean') return 'Boolean';
    if (isDate(value)) return 'Date';
    if (Array.isArray(value)) {
      const first = value.find((item) => item !== null && item !== undefined);
      return `${first === undefined ? 'Object' : describe(first)}[]`;
    }
    return 'Object';
  };
  return `(${args.map(describe).join(',')})`;
}

export function signatureMismatch(realm: Realm, method: string, args: readonly unknown[]): Error {
  return scriptException(realm, `The parameters ${describeArgs(args)} don't match the method signature for ${method}.`);
}

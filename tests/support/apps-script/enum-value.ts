// Apps Script enums are objects, not strings: compared by identity, printed by name.

export interface EnumValue<N extends string = string> {
  name(): N;
  ordinal(): number;
  toString(): N;
  toJSON(): N;
}

export function makeEnum<const N extends string>(names: readonly N[]): Readonly<Record<N, EnumValue<N>>> {
  const out = {} as Record<N, EnumValue<N>>;
  names.forEach((name, index) => {
    out[name] = Object.freeze({ name: () => name, ordinal: () => index, toString: () => name, toJSON: () => name });
  });
  return Object.freeze(out);
}

/** The name of an enum value; plain strings are taken as names too. */
export function enumName(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'function') {
    const name = (value as EnumValue).name();
    return typeof name === 'string' ? name : null;
  }
  return null;
}

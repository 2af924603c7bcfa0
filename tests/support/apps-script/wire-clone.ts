// What google.script.run lets through: primitives, arrays and plain objects of them. Dates,
// functions and other objects make the call fail; undefined inside arrays becomes null.

export class WireError extends Error {}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  // Object.prototype of any realm has a null prototype; class instances do not.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** A host-realm copy of `value`, or WireError when google.script.run would refuse it. */
export function wireClone(value: unknown, path = 'value'): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === undefined) return undefined;
  if (typeof value === 'function') throw new WireError(`${path} is a function, which google.script.run cannot pass`);
  if (typeof value !== 'object') throw new WireError(`${path} is a ${typeof value}, which google.script.run cannot pass`);
  if (Object.prototype.toString.call(value) === '[object Date]') {
    throw new WireError(`${path} is a Date, which google.script.run cannot pass (send an ISO string)`);
  }
  if (Array.isArray(value)) return value.map((item, i) => wireClone(item, `${path}[${i}]`) ?? null);
  if (!isPlainObject(value)) throw new WireError(`${path} is a ${value.constructor?.name ?? 'non-plain'} object, which google.script.run cannot pass`);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const cloned = wireClone(item, `${path}.${key}`);
    if (cloned !== undefined) out[key] = cloned;
  }
  return out;
}

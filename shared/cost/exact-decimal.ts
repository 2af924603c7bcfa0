// Money × quantity must round the way a person with a calculator would: 2.675 × 100 is 267.5 and
// rounds up to 268, where floating point says 267.49999999999997. Both factors are taken at their
// shortest decimal spelling (what was typed) and multiplied as integers.

interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

function toDecimal(value: number): Decimal {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (m === null) throw new RangeError(`not a finite non-negative number: ${value}`);
  const fraction = m[2] ?? '';
  const exponent = Number(m[3] ?? '0');
  const scale = fraction.length - exponent;
  const digits = BigInt(`${m[1]}${fraction}`);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/**
 * `a × b` rounded half up to a whole number, computed exactly from both factors' decimal
 * spelling; null when the result is not a safe integer. Both factors must be finite and ≥ 0.
 */
export function multiplyHalfUp(a: number, b: number): number | null {
  const x = toDecimal(a);
  const y = toDecimal(b);
  const product = x.digits * y.digits;
  const unit = 10n ** BigInt(x.scale + y.scale);
  let whole = product / unit;
  if ((product % unit) * 2n >= unit) whole += 1n;
  return whole <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(whole) : null;
}

/** A non-negative amount rounded half up to whole yen; null when it is not a safe integer. */
export function roundHalfUp(value: number): number | null {
  return multiplyHalfUp(value, 1);
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiplyHalfUp, roundHalfUp } from '../../../shared/cost/exact-decimal.ts';

describe('multiplyHalfUp', () => {
  it.each([
    [2.675, 100, 268],
    [1.005, 1000, 1005],
    [0.5, 1, 1],
    [0.49, 1, 0],
    [1.25, 4000, 5000],
    [1e-7, 5_000_000, 1],
    [1e-7, 4_999_999, 0],
    [1.5e15, 2, 3e15],
    [0, 8000, 0],
  ])('multiplies %d × %d to %d', (a, b, product) => {
    expect(multiplyHalfUp(a, b)).toBe(product);
  });

  it('gives null when the product is past a safe integer', () => {
    expect(multiplyHalfUp(2 ** 52, 4)).toBeNull();
    expect(multiplyHalfUp(1e21, 1)).toBeNull();
  });

  it('agrees with integer arithmetic on whole numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 26 }), fc.integer({ min: 0, max: 2 ** 26 }), (a, b) => {
        expect(multiplyHalfUp(a, b)).toBe(a * b);
      }),
    );
  });

  it('agrees with cent arithmetic on two-decimal quantities', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 100_000 }), (cents, rate) => {
        const hours = cents / 100;
        // Exact: cents × rate is an integer; half up on the hundredths.
        const exact = Math.floor((cents * rate + 50) / 100);
        expect(multiplyHalfUp(hours, rate)).toBe(exact);
      }),
    );
  });
});

describe('roundHalfUp', () => {
  it.each([
    [1234.5, 1235],
    [1234.4999, 1234],
    [0.5, 1],
    [7, 7],
  ])('rounds %d to %d', (value, rounded) => {
    expect(roundHalfUp(value)).toBe(rounded);
  });
});

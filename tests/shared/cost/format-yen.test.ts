import { describe, expect, it } from 'vitest';
import { formatPercent, formatQuantity, formatYen } from '../../../shared/cost/format-yen.ts';

describe('formatYen', () => {
  it.each([
    [0, '¥0'],
    [999, '¥999'],
    [1000, '¥1,000'],
    [1_234_567, '¥1,234,567'],
    [-5000, '-¥5,000'],
  ])('writes %d as %s', (amount, text) => {
    expect(formatYen(amount)).toBe(text);
  });
});

describe('formatPercent', () => {
  it.each([
    [0.2, '20%'],
    [0.05, '5%'],
    [0.0537, '5.4%'],
    [1.5, '150%'],
  ])('writes %d as %s', (share, text) => {
    expect(formatPercent(share)).toBe(text);
  });
});

describe('formatQuantity', () => {
  it.each([
    [2.5, '2.5'],
    [1234.5, '1,234.5'],
    [0.333333, '0.33'],
    [12, '12'],
  ])('writes %d as %s', (value, text) => {
    expect(formatQuantity(value)).toBe(text);
  });
});

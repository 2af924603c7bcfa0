import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate } from '../../../shared/calendar/iso-date.ts';
import { addMonthsClamped, inWindow, lookBackWindow } from '../../../shared/cost/month-window.ts';

describe('addMonthsClamped', () => {
  it.each([
    ['2026-05-15', -12, '2025-05-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-02-29', -12, '2023-02-28'],
    ['2025-02-28', -12, '2024-02-28'],
    ['2026-01-31', -2, '2025-11-30'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2025-12-31', 2, '2026-02-28'],
    ['2025-11-30', 1, '2025-12-30'],
    ['2026-07-31', -13, '2025-06-30'],
    ['2026-07-31', 0, '2026-07-31'],
  ])('moves %s by %d months to %s', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });

  it('always lands on a real date in the target month', () => {
    const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2010-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: -60, max: 60 }), (date, months) => {
        const moved = addMonthsClamped(date, months);
        expect(isIsoDate(moved)).toBe(true);
        const monthIndex = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
        expect(monthIndex(moved) - monthIndex(date)).toBe(months);
        expect(Number(moved.slice(8))).toBeLessThanOrEqual(Number(date.slice(8)));
      }),
    );
  });
});

describe('lookBackWindow', () => {
  it.each([
    ['2026-05-15', 12, '2025-05-16'],
    ['2026-03-31', 1, '2026-03-01'],
    ['2026-02-28', 12, '2025-03-01'],
    ['2024-02-29', 12, '2023-03-01'],
    ['2025-02-28', 12, '2024-02-29'],
    ['2026-12-31', 12, '2026-01-01'],
  ])('looks back from %s over %d months starting %s', (now, months, from) => {
    expect(lookBackWindow(now, months)).toEqual({ from, to: now });
  });
});

describe('inWindow', () => {
  const window = { from: '2025-03-01', to: '2026-02-28' };
  it.each([
    ['2025-02-28', false],
    ['2025-03-01', true],
    ['2026-02-28', true],
    ['2026-03-01', false],
  ])('says %s is inside: %s', (date, inside) => {
    expect(inWindow(date, window)).toBe(inside);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countDays, isBusinessDay } from '../../../shared/calendar/business-days.ts';
import { addDays, daysBetween, type IsoDate } from '../../../shared/calendar/iso-date.ts';
import type { Closure } from '../../../shared/settings/sync-settings.ts';

const yearEnd: readonly Closure[] = [{ from: '2025-12-29', to: '2026-01-03' }];
const obon: readonly Closure[] = [{ from: '2026-08-12', to: '2026-08-14' }];

describe('isBusinessDay', () => {
  it.each([
    ['2026-05-08', [], true, 'a plain Friday'],
    ['2026-05-09', [], false, 'a Saturday'],
    ['2026-05-10', [], false, 'a Sunday'],
    ['2026-05-06', [], false, 'a substitute holiday'],
    ['2026-09-22', [], false, 'a sandwiched national holiday'],
    ['2025-12-29', yearEnd, false, 'the first day of a closure'],
    ['2026-01-02', yearEnd, false, 'the last weekday of a closure'],
    ['2026-01-05', yearEnd, true, 'the day after a closure'],
    ['2025-12-29', [], true, 'no closure is configured'],
  ] as const)('is %s → %s when %s', (date, closures, expected, _why) => {
    expect(isBusinessDay(date, closures)).toBe(expected);
  });
});

describe('countDays', () => {
  it.each([
    ['2026-05-08', '2026-05-11', 'calendar', 3, 'Friday to Monday', []],
    ['2026-05-08', '2026-05-11', 'business', 1, 'Friday to Monday', []],
    ['2026-05-08', '2026-05-08', 'business', 0, 'the same day', []],
    ['2026-05-08', '2026-05-08', 'calendar', 0, 'the same day', []],
    ['2026-05-11', '2026-05-08', 'business', 0, 'to is before from', []],
    ['2026-05-11', '2026-05-08', 'calendar', 0, 'to is before from', []],
    ['2026-05-09', '2026-05-10', 'business', 0, 'the span is a weekend', []],
    ['2026-05-08', '2026-05-09', 'business', 0, 'looking on the Saturday', []],
    ['2026-05-04', '2026-05-11', 'business', 3, 'from is a holiday itself', []],
    // Golden Week: 5/4, 5/5 and the 5/6 substitute are holidays, 5/2–5/3 a weekend.
    ['2026-04-30', '2026-05-08', 'business', 3, 'Golden Week is inside', []],
    ['2026-04-30', '2026-05-08', 'calendar', 8, 'Golden Week is inside', []],
    // Silver Week: 9/21 敬老の日, 9/22 国民の休日, 9/23 秋分の日.
    ['2026-09-18', '2026-09-25', 'business', 2, 'Silver Week is inside', []],
    // Year end: weekend, closure 12/29–1/3 (1/1 is also a holiday), then a full week.
    ['2025-12-26', '2026-01-09', 'business', 5, 'a closure spans the new year', yearEnd],
    ['2025-12-26', '2026-01-09', 'business', 9, 'no closure is configured', []],
    ['2025-12-26', '2026-01-09', 'calendar', 14, 'closures do not change calendar days', yearEnd],
    // Obon closure right after 山の日 (8/11).
    ['2026-08-07', '2026-08-17', 'business', 2, 'a closure follows a holiday', obon],
    ['2026-08-07', '2026-08-17', 'business', 2, 'closures repeat', [...obon, ...obon]],
    [
      '2026-08-07',
      '2026-08-17',
      'business',
      1,
      'closures overlap',
      [{ from: '2026-08-10', to: '2026-08-13' }, ...obon],
    ],
    ['2024-01-05', '2026-01-05', 'business', 492, 'two years with every holiday', []],
    ['2023-12-29', '2027-01-04', 'calendar', 1102, 'three years', []],
  ] as const)(
    'counts %s → %s in %s days as %i when %s',
    (from, to, mode, expected, _why, closures) => {
      expect(countDays(from, to, mode, closures)).toBe(expected);
    },
  );

  it('agrees with counting day by day when dates and closures are random', () => {
    const day = fc.integer({ min: 0, max: 110 * 365 }).map((n) => addDays('1988-01-01', n));
    const closure = fc
      .tuple(day, fc.integer({ min: -3, max: 20 }))
      .map(([from, length]): Closure => ({ from, to: addDays(from, length) }));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: -10, max: 900 }),
        fc.array(closure, { maxLength: 4 }),
        (from, span, closures) => {
          const to = addDays(from, span);
          expect(countDays(from, to, 'business', closures)).toBe(slowCount(from, to, closures));
        },
      ),
      { numRuns: 300 },
    );
  });
});

function slowCount(from: IsoDate, to: IsoDate, closures: readonly Closure[]): number {
  let count = 0;
  for (let n = 1; n <= daysBetween(from, to); n++) {
    if (isBusinessDay(addDays(from, n), closures)) count++;
  }
  return count;
}

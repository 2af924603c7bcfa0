import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, daysBetween, isoDateFromSerial, serialFromIsoDate } from '../../../shared/calendar/iso-date.ts';

const MS_PER_DAY = 86_400_000;
const viaDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
// Any day from 1900 to 2199, as a UTC millisecond count.
const day = fc.integer({ min: Date.UTC(1900, 0, 1) / MS_PER_DAY, max: Date.UTC(2199, 11, 31) / MS_PER_DAY }).map((d) => d * MS_PER_DAY);

describe('iso-date arithmetic', () => {
  it('agrees with Date for addDays, daysBetween and dayOfWeek on any days', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -20_000, max: 20_000 }), (ms, shift) => {
        const date = viaDate(ms);
        expect(addDays(date, shift)).toBe(viaDate(ms + shift * MS_PER_DAY));
        expect(daysBetween(date, viaDate(ms + shift * MS_PER_DAY))).toBe(shift);
        expect(dayOfWeek(date)).toBe(new Date(ms).getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['1999-12-31', 1, '2000-01-01'],
    ['2100-02-28', 1, '2100-03-01'],
  ])('addDays(%s, %i) is %s across leap rules', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('round-trips spreadsheet serials', () => {
    expect(isoDateFromSerial(45383)).toBe('2024-04-01');
    expect(serialFromIsoDate('2024-04-01')).toBe(45383);
  });
});

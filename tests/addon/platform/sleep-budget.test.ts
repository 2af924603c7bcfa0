import { describe, expect, it } from 'vitest';
import { afterSleep, DAILY_SLEEP_BUDGET_MS, sleepLeft, sleepRecordOf, utcDay } from '../../../addon/src/platform/sleep-budget.ts';

describe('sleepLeft', () => {
  it.each([
    ['nothing was slept', null, DAILY_SLEEP_BUDGET_MS],
    ['part of the budget was slept today', { day: '2026-11-20', sleptMs: 5 * 60_000 }, 15 * 60_000],
    ['the budget was slept today', { day: '2026-11-20', sleptMs: DAILY_SLEEP_BUDGET_MS }, 0],
    ['more than the budget was slept today', { day: '2026-11-20', sleptMs: DAILY_SLEEP_BUDGET_MS + 1 }, 0],
    ['the budget was slept on an earlier day', { day: '2026-11-19', sleptMs: DAILY_SLEEP_BUDGET_MS }, DAILY_SLEEP_BUDGET_MS],
  ] as const)('leaves the right sleep when %s', (_, record, left) => {
    expect(sleepLeft(record, '2026-11-20')).toBe(left);
  });
});

describe('afterSleep', () => {
  it('adds to today\'s sleep and starts afresh on a new day', () => {
    expect(afterSleep({ day: '2026-11-20', sleptMs: 1000 }, '2026-11-20', 500)).toEqual({ day: '2026-11-20', sleptMs: 1500 });
    expect(afterSleep({ day: '2026-11-19', sleptMs: 1000 }, '2026-11-20', 500)).toEqual({ day: '2026-11-20', sleptMs: 500 });
    expect(afterSleep(null, '2026-11-20', 500)).toEqual({ day: '2026-11-20', sleptMs: 500 });
  });
});

describe('sleepRecordOf', () => {
  it('reads a stored record, and anything else as none', () => {
    expect(sleepRecordOf('{"day":"2026-11-20","sleptMs":1200}')).toEqual({ day: '2026-11-20', sleptMs: 1200 });
    for (const text of [null, '', 'x', '[]', '{"day":"2026-11-20"}', '{"day":1,"sleptMs":1}']) expect(sleepRecordOf(text)).toBeNull();
  });
});

describe('utcDay', () => {
  it('is the UTC day, whatever the spreadsheet\'s zone', () => {
    // 08:30 on the 21st in Tokyo is still the 20th in UTC.
    expect(utcDay(new Date('2026-11-20T23:30:00Z'))).toBe('2026-11-20');
  });
});

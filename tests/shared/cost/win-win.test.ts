import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST_POLICY, type RequestPolicy } from '../../../shared/cost/request-policy.ts';
import { winWinBalance, type WinWinInput } from '../../../shared/cost/win-win.ts';

const P = DEFAULT_REQUEST_POLICY;
type Req = WinWinInput['requests'][number];
type Won = WinWinInput['wonDeals'][number];
const req = (filedOn: string, cost: number, state: string): Req => ({ filedOn, cost, state });
const won = (wonOn: string, amount: number, grossMargin: number | null = null): Won => ({ wonOn, amount, grossMargin });

describe('winWinBalance', () => {
  // Now is a month end; 12 months back is 2025-02-28, so the window is 2025-03-01 … 2026-02-28.
  const fixture: WinWinInput = {
    now: '2026-02-28',
    requests: [
      req('2025-02-28', 500_000, 'approved'), // the day before the window: out
      req('2025-03-01', 120_000, 'approved'), // first day of the window
      req('2025-09-30', 33_000, 'approved'),
      req('2025-12-24', 7_000, ' Approved '),
      req('2026-01-15', 400_000, 'rejected'), // counted, costs nothing
      req('2026-02-10', 25_000, 'returned'), // back with the requester: neither incurred nor pending
      req('2026-02-01', 999_999, 'draft'), // never filed
      req('2026-02-28', 80_000, 'submitted'), // today: pending exposure
      req('2026-03-01', 70_000, 'approved'), // after now: out
    ],
    wonDeals: [
      won('2025-02-28', 5_000_000, 1_000_000), // out
      won('2025-03-01', 2_000_000, 600_000),
      won('2025-11-30', 1_200_000, null),
      won('2026-02-28', 800_000, 200_000),
      won('2026-03-02', 9_000_000, 3_000_000), // after now: out
    ],
  };

  it('adds up the window by hand-computed figures when requests and wins sit on both sides of its edges', () => {
    expect(winWinBalance(fixture, P)).toEqual({
      from: '2025-03-01',
      to: '2026-02-28',
      specialCost: 160_000, // 120,000 + 33,000 + 7,000
      pendingCost: 80_000,
      wonRevenue: 4_000_000, // 2,000,000 + 1,200,000 + 800,000
      ratio: 0.04,
      overShare: false,
      requestCount: 6,
      approvedCount: 3,
      pendingCount: 1,
      wonDealCount: 3,
      wonGrossMargin: 800_000, // the unknown margin is left out, not counted as 0
      projectedRatio: 0.06, // (160,000 + 80,000) / 4,000,000
      overShareIfApproved: true,
      share: 0.05,
      months: 12,
    });
  });

  it('takes a shorter window from the policy', () => {
    const six: RequestPolicy = { ...P, winWinMonths: 6 };
    // 2025-08-29 … 2026-02-28: 33,000 + 7,000 approved; 1,200,000 + 800,000 won.
    expect(winWinBalance(fixture, six)).toMatchObject({ from: '2025-08-29', specialCost: 40_000, wonRevenue: 2_000_000, ratio: 0.02, overShare: false, approvedCount: 2, wonDealCount: 2 });
  });

  it.each<[string, string, number, string, boolean]>([
    ['the day before the window in a leap year', '2024-02-29', 12, '2023-02-28', false],
    ['the first day after a leap-day month end', '2024-02-29', 12, '2023-03-01', true],
    ['a leap day inside the window', '2025-02-28', 12, '2024-02-29', true],
    ['the same day a year back', '2025-02-28', 12, '2024-02-28', false],
    ['the last day of a short month a month back', '2025-03-31', 1, '2025-02-28', false],
    ['the 1st of the month when a month back is short', '2025-03-31', 1, '2025-03-01', true],
    ['now itself', '2025-03-31', 1, '2025-03-31', true],
    ['the day after now', '2025-03-31', 1, '2025-04-01', false],
  ])('counts what is dated %s (now %s, %d months, dated %s): %s', (_, now, months, date, counted) => {
    const balance = winWinBalance({ now, requests: [req(date, 1000, 'approved')], wonDeals: [won(date, 50_000)] }, { ...P, winWinMonths: months });
    expect(balance.specialCost).toBe(counted ? 1000 : 0);
    expect(balance.wonRevenue).toBe(counted ? 50_000 : 0);
  });

  it.each<[string, number, number, boolean]>([
    ['exactly 5%', 50_000, 1_000_000, false],
    ['one yen over 5%', 50_001, 1_000_000, true],
    ['just under 5% of an odd revenue', 166_666, 3_333_333, false],
    ['just over 5% of an odd revenue', 166_667, 3_333_333, true],
    ['nothing spent', 0, 1_000_000, false],
  ])('judges %s', (_, cost, revenue, over) => {
    const balance = winWinBalance({ now: '2026-06-30', requests: [req('2026-06-01', cost, 'approved')], wonDeals: [won('2026-05-01', revenue)] }, P);
    expect(balance.overShare).toBe(over);
    expect(balance.ratio).toBe(cost / revenue);
  });

  it('is over the share with no ratio when an account with no won revenue costs something', () => {
    const balance = winWinBalance({ now: '2026-06-30', requests: [req('2026-01-10', 30_000, 'approved'), req('2026-02-10', 10_000, 'submitted')], wonDeals: [] }, P);
    expect(balance).toMatchObject({ specialCost: 30_000, pendingCost: 10_000, wonRevenue: 0, ratio: null, overShare: true, projectedRatio: null, overShareIfApproved: true, wonGrossMargin: null, wonDealCount: 0 });
  });

  it('is balanced when an account with no won revenue has only pending requests', () => {
    const balance = winWinBalance({ now: '2026-06-30', requests: [req('2026-02-10', 10_000, 'submitted')], wonDeals: [] }, P);
    expect(balance).toMatchObject({ specialCost: 0, ratio: null, overShare: false, overShareIfApproved: true });
  });

  it('is empty and balanced when an account has no history', () => {
    expect(winWinBalance({ now: '2026-06-30', requests: [], wonDeals: [] }, P)).toMatchObject({
      specialCost: 0,
      pendingCost: 0,
      wonRevenue: 0,
      ratio: null,
      overShare: false,
      overShareIfApproved: false,
      requestCount: 0,
    });
  });

  it('counts resubmitted requests as pending', () => {
    const balance = winWinBalance({ now: '2026-06-30', requests: [req('2026-06-01', 9_000, 'resubmitted')], wonDeals: [won('2026-06-01', 100_000)] }, P);
    expect(balance).toMatchObject({ pendingCost: 9_000, pendingCount: 1, specialCost: 0, projectedRatio: 0.09, overShare: false, overShareIfApproved: true });
  });
});

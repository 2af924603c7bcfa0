import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/access/role.ts';
import { approvalSteps, routingThreshold } from '../../../shared/cost/approval-routing.ts';
import { DEFAULT_REQUEST_POLICY, requestPolicyOf, type RequestPolicy } from '../../../shared/cost/request-policy.ts';

const P = DEFAULT_REQUEST_POLICY;

function policy(overrides: unknown): RequestPolicy {
  const { policy: p, problems } = requestPolicyOf(overrides);
  expect(problems).toEqual([]);
  return p;
}

describe('approvalSteps', () => {
  it.each<[number, Role[]]>([
    [0, ['approver']],
    [1, ['approver']],
    [99_999, ['approver']],
    [100_000, ['approver', 'manager']],
    [100_001, ['approver', 'manager']],
    [999_999, ['approver', 'manager']],
    [1_000_000, ['approver', 'manager', 'director']],
    [25_000_000, ['approver', 'manager', 'director']],
  ])('routes ¥%d to %j by default', (total, steps) => {
    expect(approvalSteps(total, P)).toEqual(steps);
  });

  it.each<[string, number, Role[]]>([
    ['a negative total is treated as nothing', -5, ['approver']],
    ['an unreadable total needs every step', Number.NaN, ['approver', 'manager', 'director']],
    ['an infinite total needs every step', Number.POSITIVE_INFINITY, ['approver', 'manager', 'director']],
  ])('routes safely when %s', (_, total, steps) => {
    expect(approvalSteps(total, P)).toEqual(steps);
  });

  const custom = policy({
    routing: [
      { fromCost: 0, role: 'manager' },
      { fromCost: 0, role: 'approver' },
      { fromCost: 50_000, role: 'director' },
      { fromCost: 5_000_000, role: 'admin' },
    ],
  });

  it.each<[number, Role[]]>([
    [0, ['manager', 'approver']],
    [49_999, ['manager', 'approver']],
    [50_000, ['manager', 'approver', 'director']],
    [4_999_999, ['manager', 'approver', 'director']],
    [5_000_000, ['manager', 'approver', 'director', 'admin']],
  ])('follows a configured routing in its sequence for ¥%d', (total, steps) => {
    expect(approvalSteps(total, custom)).toEqual(steps);
  });

  it('never asks for fewer approvals when the cost rises', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const fewer = approvalSteps(low, P);
        const more = approvalSteps(high, P);
        expect(more.slice(0, fewer.length)).toEqual(fewer);
      }),
    );
  });
});

describe('routingThreshold', () => {
  it.each<[string, unknown, number | null]>([
    ['the default routing', undefined, 100_000],
    ['two base steps and one escalation', { routing: [{ fromCost: 0, role: 'approver' }, { fromCost: 0, role: 'manager' }, { fromCost: 30_000, role: 'director' }] }, 30_000],
    ['a single step', { routing: [{ fromCost: 0, role: 'approver' }] }, null],
    ['steps that all start at 0', { routing: [{ fromCost: 0, role: 'approver' }, { fromCost: 0, role: 'manager' }] }, null],
  ])('is the first cost needing more than the base level for %s', (_, overrides, threshold) => {
    expect(routingThreshold(policy(overrides))).toBe(threshold);
  });
});

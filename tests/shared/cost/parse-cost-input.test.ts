import { describe, expect, it } from 'vitest';
import { parseCostInput } from '../../../shared/cost/cost-estimate.ts';

describe('parseCostInput', () => {
  it('reads a full cost form', () => {
    const value = {
      hours: [{ role: '法務', hours: 2.5 }],
      directCosts: [{ label: '送料', amount: 1200 }],
      discount: 30_000,
      recurring: { monthly: 5000, months: 12 },
    };
    expect(parseCostInput(value)).toEqual({ ok: true, input: value });
  });

  it('fills what was left out when the form is empty', () => {
    expect(parseCostInput({})).toEqual({ ok: true, input: { hours: [], directCosts: [], discount: 0, recurring: null } });
    expect(parseCostInput({ hours: null, directCosts: null, discount: null, recurring: null })).toEqual({
      ok: true,
      input: { hours: [], directCosts: [], discount: 0, recurring: null },
    });
  });

  it('leaves ranges to estimateCost when numbers are negative', () => {
    expect(parseCostInput({ discount: -5, recurring: { monthly: 1, months: 1.5 } })).toMatchObject({ ok: true });
  });

  it.each<[string, unknown, string[]]>([
    ['not an object', 'cost', ['cost: an object { hours, directCosts, discount, recurring }']],
    ['a list', [], ['cost: an object { hours, directCosts, discount, recurring }']],
    ['an unknown field', { direct_costs: [] }, ['direct_costs: unknown field']],
    ['hours that are not a list', { hours: { role: '法務' } }, ['hours: a list']],
    ['too many lines', { directCosts: Array.from({ length: 51 }, () => ({ label: 'x', amount: 1 })) }, ['directCosts: at most 50 lines']],
    ['a line that is not an object', { hours: [3] }, ['hours[0]: an object']],
    ['a line with an unknown field', { hours: [{ role: '法務', hours: 1, rate: 5 }] }, ['hours[0].rate: unknown field']],
    ['a role that is not text', { hours: [{ role: 3, hours: 1 }] }, ['hours[0].role: a text']],
    ['hours as text', { hours: [{ role: '法務', hours: '1' }] }, ['hours[0].hours: a number']],
    ['missing hours', { hours: [{ role: '法務' }] }, ['hours[0].hours: a number']],
    ['a label that is not text', { directCosts: [{ label: null, amount: 1 }] }, ['directCosts[0].label: a text']],
    ['an amount as text', { directCosts: [{ label: 'x', amount: '1,200' }] }, ['directCosts[0].amount: a number']],
    ['a discount as text', { discount: '5000' }, ['discount: a number']],
    ['recurring that is not an object', { recurring: 5000 }, ['recurring: an object { monthly, months }, or null']],
    ['recurring with missing months', { recurring: { monthly: 5000 } }, ['recurring.months: a number']],
    ['recurring with an unknown field', { recurring: { monthly: 1, months: 1, years: 1 } }, ['recurring.years: unknown field']],
  ])('reports %s', (_, value, problems) => {
    expect(parseCostInput(value)).toEqual({ ok: false, problems });
  });

  it('reports every problem of a form at once', () => {
    expect(parseCostInput({ hours: [{ role: 1, hours: 'x' }], discount: 'y', recurring: [] })).toEqual({
      ok: false,
      problems: ['hours[0].role: a text', 'hours[0].hours: a number', 'discount: a number', 'recurring: an object { monthly, months }, or null'],
    });
  });
});

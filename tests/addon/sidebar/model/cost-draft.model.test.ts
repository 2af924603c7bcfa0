import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../../../shared/cost/cost-estimate.ts';
import { DEFAULT_REQUEST_POLICY } from '../../../../shared/cost/request-policy.ts';
import { costInputOf, EMPTY_COST_DRAFT, liveEstimate, type CostDraft } from '../../../../addon/sidebar/model/cost-draft.model.ts';

const P = DEFAULT_REQUEST_POLICY;
const draft = (patch: Partial<CostDraft>): CostDraft => ({ ...EMPTY_COST_DRAFT, ...patch });

describe('liveEstimate', () => {
  it('routes an empty form to the first approver at ¥0', () => {
    expect(liveEstimate(EMPTY_COST_DRAFT, P, 'ja')).toEqual({ kind: 'ok', lines: [], total: 0, steps: ['approver'] });
  });

  it('prices what was typed with the shared cost model, full-width digits and yen signs included', () => {
    const typed = draft({
      hours: [
        { role: '営業サポート', hours: '６' },
        { role: '法務', hours: '2.5' },
      ],
      directCosts: [{ label: '特急配送', amount: '¥12,000' }],
      discount: '120,000円',
      recurringMonthly: '5000',
      recurringMonths: '12',
    });
    const live = liveEstimate(typed, P, 'ja');
    const expected = estimateCost(
      {
        hours: [
          { role: '営業サポート', hours: 6 },
          { role: '法務', hours: 2.5 },
        ],
        directCosts: [{ label: '特急配送', amount: 12000 }],
        discount: 120000,
        recurring: { monthly: 5000, months: 12 },
      },
      P,
      'ja',
    );
    expect(expected.ok).toBe(true);
    if (!expected.ok || live.kind !== 'ok') throw new Error('expected estimates');
    expect(live.lines).toEqual(expected.lines);
    expect(live.total).toBe(24_000 + 20_000 + 12_000 + 120_000 + 60_000);
    expect(live.steps).toEqual(['approver', 'manager']);
  });

  it.each([
    ['99999', ['approver']],
    ['100000', ['approver', 'manager']],
    ['1,000,000', ['approver', 'manager', 'director']],
  ])('routes a discount of %s to %j', (discount, steps) => {
    const live = liveEstimate(draft({ discount }), P, 'ja');
    expect(live.kind === 'ok' && live.steps).toEqual(steps);
  });

  it('labels the lines in English when the sidebar speaks English', () => {
    const live = liveEstimate(draft({ discount: '1000' }), P, 'en');
    expect(live.kind === 'ok' && live.lines[0]?.label).toBe('Discount');
  });

  it('leaves a half-filled line out while the person is typing', () => {
    const live = liveEstimate(draft({ hours: [{ role: '法務', hours: '' }], directCosts: [{ label: '', amount: '5000' }] }), P, 'ja');
    expect(live).toEqual({ kind: 'ok', lines: [], total: 0, steps: ['approver'] });
  });

  it('is invalid, naming the field, when a number cannot be read', () => {
    const live = liveEstimate(draft({ hours: [{ role: '法務', hours: '二時間' }] }), P, 'ja');
    expect(live).toEqual({ kind: 'invalid', errors: { 'hours[0].hours': '数値で入力してください' }, problems: [] });
  });
});

describe('costInputOf', () => {
  it('asks for the missing half of each line when the form is sent', () => {
    const { errors } = costInputOf(
      draft({
        hours: [
          { role: '法務', hours: '' },
          { role: '', hours: '3' },
        ],
        directCosts: [{ label: '', amount: '5000' }],
        recurringMonthly: '3000',
      }),
      'final',
      'ja',
    );
    expect(errors).toEqual({
      'hours[0].hours': '時間を入力してください',
      'hours[1].role': '役割を選んでください',
      'directCosts[0].label': '内容を入力してください',
      'recurring.months': '1〜120の整数で入力してください',
    });
  });

  it('asks for the monthly cost when only the months are given', () => {
    expect(costInputOf(draft({ recurringMonths: '6' }), 'final', 'en').errors).toEqual({ 'recurring.monthly': 'Enter the monthly cost' });
  });

  it.each([
    [{ discount: '-100' }, 'discount', '0以上で入力してください'],
    [{ recurringMonthly: '1000', recurringMonths: '1.5' }, 'recurring.months', '1〜120の整数で入力してください'],
    [{ recurringMonthly: '1000', recurringMonths: '121' }, 'recurring.months', '1〜120の整数で入力してください'],
    [{ hours: [{ role: '法務', hours: '10001' }] }, 'hours[0].hours', '1行あたり10000時間までです'],
    [{ directCosts: [{ label: '送料', amount: 'たくさん' }] }, 'directCosts[0].amount', '数値で入力してください'],
  ] as const)('refuses %j at %s', (patch, field, message) => {
    expect(costInputOf(draft(patch), 'live', 'ja').errors).toEqual({ [field]: message });
  });

  it('drops a line of zero hours instead of pricing it at ¥0', () => {
    expect(costInputOf(draft({ hours: [{ role: '法務', hours: '0' }] }), 'final', 'ja')).toEqual({
      input: { hours: [], directCosts: [], discount: 0, recurring: null },
      errors: {},
    });
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST_POLICY, requestPolicyOf } from '../../../shared/cost/request-policy.ts';

describe('DEFAULT_REQUEST_POLICY', () => {
  it('routes as the issue says when nothing is overridden', () => {
    expect(DEFAULT_REQUEST_POLICY.routing).toEqual([
      { fromCost: 0, role: 'approver' },
      { fromCost: 100_000, role: 'manager' },
      { fromCost: 1_000_000, role: 'director' },
    ]);
    expect(DEFAULT_REQUEST_POLICY).toMatchObject({ marginShare: 0.2, winWinShare: 0.05, winWinMonths: 12, minBackgroundChars: 20 });
    expect(DEFAULT_REQUEST_POLICY.hourlyRates).toMatchObject({ 営業サポート: 4000, 法務: 8000, 物流: 3000 });
  });

  it('labels every request type in both languages', () => {
    for (const label of Object.values(DEFAULT_REQUEST_POLICY.typeLabels)) {
      expect(label.ja).not.toBe('');
      expect(label.en).not.toBe('');
    }
    expect(DEFAULT_REQUEST_POLICY.typeLabels.discount).toEqual({ ja: '値引き', en: 'Discount' });
  });

  it('cannot be changed in place', () => {
    expect(Object.isFrozen(DEFAULT_REQUEST_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_REQUEST_POLICY.routing)).toBe(true);
    expect(Object.isFrozen(DEFAULT_REQUEST_POLICY.hourlyRates)).toBe(true);
  });
});

describe('requestPolicyOf', () => {
  it.each([[undefined], [null]])('returns the defaults without problems when given %s', (given) => {
    expect(requestPolicyOf(given)).toEqual({ policy: DEFAULT_REQUEST_POLICY, problems: [] });
  });

  it.each([['a string', 'x'], ['a list', []], ['a number', 3]])('refuses %s as a whole', (_, given) => {
    expect(requestPolicyOf(given)).toEqual({ policy: DEFAULT_REQUEST_POLICY, problems: ['requestPolicy: must be an object'] });
  });

  it('applies every valid field when all are overridden', () => {
    const { policy, problems } = requestPolicyOf({
      hourlyRates: { ' 法務 ': 9000, ﾘｰｶﾞﾙ: 7000 },
      routing: [
        { fromCost: 0, role: 'manager' },
        { fromCost: 0, role: 'approver' },
        { fromCost: 300_000, role: 'director' },
      ],
      marginShare: 1.5,
      winWinShare: 0.1,
      winWinMonths: 6,
      minBackgroundChars: 0,
      typeLabels: { discount: { ja: ' 値下げ ' }, other: { en: 'Misc' } },
    });
    expect(problems).toEqual([]);
    // Replaced, not merged, with role names folded: a team's roles are its own.
    expect(policy.hourlyRates).toEqual({ 法務: 9000, リーガル: 7000 });
    expect(policy.routing.map((s) => s.role)).toEqual(['manager', 'approver', 'director']);
    expect(policy).toMatchObject({ marginShare: 1.5, winWinShare: 0.1, winWinMonths: 6, minBackgroundChars: 0 });
    expect(policy.typeLabels.discount).toEqual({ ja: '値下げ', en: 'Discount' });
    expect(policy.typeLabels.other).toEqual({ ja: 'その他', en: 'Misc' });
    expect(policy.typeLabels.contract_change).toEqual(DEFAULT_REQUEST_POLICY.typeLabels.contract_change);
    expect(Object.isFrozen(policy)).toBe(true);
  });

  it('keeps the good fields when a bad one sits beside them', () => {
    const { policy, problems } = requestPolicyOf({ marginShare: 0.3, winWinShare: 5 });
    expect(policy.marginShare).toBe(0.3);
    expect(policy.winWinShare).toBe(0.05);
    expect(problems).toHaveLength(1);
  });

  it.each<[string, unknown, string[]]>([
    ['an unknown setting', { marginshare: 0.2 }, ['requestPolicy.marginshare: unknown setting']],
    ['rates that are not an object', { hourlyRates: [4000] }, ['requestPolicy.hourlyRates: an object of role name → hourly rate in yen']],
    ['a blank role name', { hourlyRates: { '  ': 4000 } }, ['requestPolicy.hourlyRates["  "]: a role name must not be blank']],
    ['one role written twice', { hourlyRates: { 法務: 8000, '法務 ': 9000 } }, ['requestPolicy.hourlyRates["法務 "]: the same role as "法務"']],
    ['a zero rate', { hourlyRates: { 法務: 0 } }, ['requestPolicy.hourlyRates["法務"]: a whole number of yen per hour from 1 to 1000000']],
    ['a negative rate', { hourlyRates: { 法務: -100 } }, ['requestPolicy.hourlyRates["法務"]: a whole number of yen per hour from 1 to 1000000']],
    ['a fractional rate', { hourlyRates: { 法務: 4000.5 } }, ['requestPolicy.hourlyRates["法務"]: a whole number of yen per hour from 1 to 1000000']],
    ['a rate as text', { hourlyRates: { 法務: '4000' } }, ['requestPolicy.hourlyRates["法務"]: a whole number of yen per hour from 1 to 1000000']],
    ['a rate with an extra zero too many', { hourlyRates: { 法務: 80_000_000 } }, ['requestPolicy.hourlyRates["法務"]: a whole number of yen per hour from 1 to 1000000']],
    ['routing that is not a list', { routing: { fromCost: 0, role: 'approver' } }, ['requestPolicy.routing: a list of 1 to 10 steps { "fromCost": yen, "role": role }']],
    ['empty routing', { routing: [] }, ['requestPolicy.routing: a list of 1 to 10 steps { "fromCost": yen, "role": role }']],
    ['a step that is not an object', { routing: ['approver'] }, ['requestPolicy.routing[0]: an object { "fromCost": yen, "role": role }']],
    ['a step with an unknown field', { routing: [{ fromCost: 0, role: 'approver', from: 5 }] }, ['requestPolicy.routing[0].from: unknown field']],
    ['a negative fromCost', { routing: [{ fromCost: -1, role: 'approver' }] }, ['requestPolicy.routing[0].fromCost: a whole number of yen, 0 or more']],
    ['a fractional fromCost', { routing: [{ fromCost: 0, role: 'approver' }, { fromCost: 0.5, role: 'manager' }] }, ['requestPolicy.routing[1].fromCost: a whole number of yen, 0 or more']],
    ['an unknown role', { routing: [{ fromCost: 0, role: 'ceo' }] }, ['requestPolicy.routing[0].role: "approver", "manager", "director" or "admin"']],
    ['a member step anyone could decide', { routing: [{ fromCost: 0, role: 'member' }] }, ['requestPolicy.routing[0].role: "approver", "manager", "director" or "admin"']],
    [
      'a role with two steps',
      { routing: [{ fromCost: 0, role: 'approver' }, { fromCost: 500, role: 'approver' }] },
      ['requestPolicy.routing[1].role: "approver" already has a step; each role decides once'],
    ],
    [
      'steps out of cost order',
      { routing: [{ fromCost: 0, role: 'approver' }, { fromCost: 1_000_000, role: 'director' }, { fromCost: 100_000, role: 'manager' }] },
      ['requestPolicy.routing[2].fromCost: steps go in order of cost: 100000 is below the step before (1000000)'],
    ],
    [
      'a first step above 0',
      { routing: [{ fromCost: 1000, role: 'approver' }] },
      ['requestPolicy.routing[0].fromCost: the first step must start at 0, or cheap requests would need no approval'],
    ],
    ['a zero margin share', { marginShare: 0 }, ['requestPolicy.marginShare: a share above 0 and at most 10 (0.2 means 20%)']],
    ['a margin share typed as a percentage', { marginShare: 20 }, ['requestPolicy.marginShare: a share above 0 and at most 10 (0.2 means 20%)']],
    ['a margin share as text', { marginShare: '0.2' }, ['requestPolicy.marginShare: a share above 0 and at most 10 (0.2 means 20%)']],
    ['a zero win-win share', { winWinShare: 0 }, ['requestPolicy.winWinShare: a share above 0 and at most 1 (0.05 means 5%)']],
    ['a win-win share typed as a percentage', { winWinShare: 5 }, ['requestPolicy.winWinShare: a share above 0 and at most 1 (0.05 means 5%)']],
    ['zero months', { winWinMonths: 0 }, ['requestPolicy.winWinMonths: a whole number of months from 1 to 60']],
    ['too many months', { winWinMonths: 61 }, ['requestPolicy.winWinMonths: a whole number of months from 1 to 60']],
    ['fractional months', { winWinMonths: 1.5 }, ['requestPolicy.winWinMonths: a whole number of months from 1 to 60']],
    ['negative background characters', { minBackgroundChars: -1 }, ['requestPolicy.minBackgroundChars: a whole number of characters from 0 to 1000']],
    ['too many background characters', { minBackgroundChars: 1001 }, ['requestPolicy.minBackgroundChars: a whole number of characters from 0 to 1000']],
    ['fractional background characters', { minBackgroundChars: 2.5 }, ['requestPolicy.minBackgroundChars: a whole number of characters from 0 to 1000']],
    ['type labels that are not an object', { typeLabels: 'discount' }, ['requestPolicy.typeLabels: an object keyed by request type']],
    [
      'an unknown request type',
      { typeLabels: { refund: { ja: '返金' } } },
      ['requestPolicy.typeLabels.refund: unknown request type (one of contract_change, discount, special_delivery, special_support, other)'],
    ],
    ['a type label as plain text', { typeLabels: { discount: '値下げ' } }, ['requestPolicy.typeLabels.discount: an object { "ja": text, "en": text }']],
    ['an unknown language', { typeLabels: { discount: { fr: 'Remise' } } }, ['requestPolicy.typeLabels.discount.fr: unknown language ("ja" or "en")']],
    ['a blank label', { typeLabels: { discount: { ja: '  ' } } }, ['requestPolicy.typeLabels.discount.ja: a label of 1 to 40 characters']],
    ['a label that is not text', { typeLabels: { discount: { en: 5 } } }, ['requestPolicy.typeLabels.discount.en: a label of 1 to 40 characters']],
    ['a label too long for a dropdown', { typeLabels: { discount: { en: 'x'.repeat(41) } } }, ['requestPolicy.typeLabels.discount.en: a label of 1 to 40 characters']],
  ])('reports %s and keeps the default', (_, overrides, problems) => {
    const result = requestPolicyOf(overrides);
    expect(result.problems).toEqual(problems);
    expect(result.policy).toEqual(DEFAULT_REQUEST_POLICY);
  });

  it('reports every bad field at once when several are wrong', () => {
    const { problems } = requestPolicyOf({
      hourlyRates: { 法務: 0, 物流: -1 },
      routing: [{ fromCost: -5, role: 'member' }],
      winWinMonths: 0,
    });
    expect(problems).toEqual([
      'requestPolicy.hourlyRates["法務"]: a whole number of yen per hour from 1 to 1000000',
      'requestPolicy.hourlyRates["物流"]: a whole number of yen per hour from 1 to 1000000',
      'requestPolicy.routing[0].fromCost: a whole number of yen, 0 or more',
      'requestPolicy.routing[0].role: "approver", "manager", "director" or "admin"',
      'requestPolicy.winWinMonths: a whole number of months from 1 to 60',
    ]);
  });

  it('keeps the whole default rate table when one rate is bad', () => {
    const { policy } = requestPolicyOf({ hourlyRates: { 法務: 9000, 物流: 'cheap' } });
    expect(policy.hourlyRates).toBe(DEFAULT_REQUEST_POLICY.hourlyRates);
  });

  it('keeps the good labels of a patch when another label is bad', () => {
    const { policy, problems } = requestPolicyOf({ typeLabels: { discount: { ja: '値下げ', en: '' } } });
    expect(policy.typeLabels.discount).toEqual({ ja: '値下げ', en: 'Discount' });
    expect(problems).toEqual(['requestPolicy.typeLabels.discount.en: a label of 1 to 40 characters']);
  });
});
